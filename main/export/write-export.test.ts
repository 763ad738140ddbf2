import fc from 'fast-check';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_MARKER, ExportWriteError, resolveInside, writeExport } from './write-export';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PIECES = ['..', '.', '/', '\\', 'a', 'items', 'C:', '\0', '%2e%2e', '~', ' ', '.md', '\u202e', '//'];

describe('export paths', () => {
  it('never resolves a path outside the output folder', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }), (parts) => {
        const path = parts.join('');
        let target: string;
        try {
          target = resolveInside(dir, path);
        } catch (error) {
          expect(error).toBeInstanceOf(ExportWriteError);
          return;
        }
        const rel = relative(dir, target);
        expect(rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses traversal, absolute and drive paths', () => {
    for (const path of ['../x.md', 'a/../../x.md', '/etc/passwd', 'C:/x.md', 'a\\..\\x.md', '', 'a//b.md']) {
      expect(() => resolveInside(dir, path), path).toThrow(ExportWriteError);
    }
    expect(resolveInside(dir, 'items/2024-x.md')).toBe(join(dir, 'items', '2024-x.md'));
  });
});

describe('writing exports', () => {
  it('writes a single document to the --out file', async () => {
    const out = join(dir, 'report.md');
    await writeExport([{ path: 'x.md', content: '# Report\n' }], out, 'single');
    expect(await readFile(out, 'utf8')).toBe('# Report\n');
  });

  it('refuses a non-empty folder that is not a previous export, and replaces a previous export', async () => {
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(join(out, 'thesis.docx'), 'precious');
    await expect(writeExport([{ path: 'index.md', content: 'x' }], out, 'folder')).rejects.toMatchObject({ code: 'folder-not-empty' });
    expect(await readdir(out)).toEqual(['thesis.docx']);

    const fresh = join(dir, 'fresh');
    await writeExport([{ path: 'index.md', content: 'one' }, { path: 'items/a.md', content: 'a' }], fresh, 'folder');
    await writeExport([{ path: 'index.md', content: 'two' }, { path: 'items/b.md', content: 'b' }], fresh, 'folder');
    expect(await readFile(join(fresh, 'index.md'), 'utf8')).toBe('two');
    expect(await readdir(join(fresh, 'items'))).toEqual(['b.md']);
    expect(JSON.parse(await readFile(join(fresh, EXPORT_MARKER), 'utf8')).files).toEqual(['index.md', 'items/b.md']);
  });

  it('writes nothing when one path of the export is unsafe', async () => {
    const out = join(dir, 'out');
    await expect(
      writeExport([{ path: 'index.md', content: 'x' }, { path: '../escape.md', content: 'x' }], out, 'folder'),
    ).rejects.toMatchObject({ code: 'unsafe-path' });
    expect(await readdir(dir)).toEqual([]);
  });
});
