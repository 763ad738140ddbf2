import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFaultyFs } from '../archive/testing/faulty-fs';
import { EXPORT_MARKER, ExportWriteError, recoverFolderExport, writeExport } from './write-export';

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-swap-'));
  out = join(dir, 'out');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files = (tag: string, names: string[]) => [{ path: 'index.md', content: `# ${tag}\n` }, ...names.map((name) => ({ path: name, content: `${tag} ${name}\n` }))];

/** A process id that existed a moment ago and no longer does. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

describe('folder exports and the files around them', () => {
  it("never touches a file the user keeps in the export folder, nor one beside it, across re-exports", async () => {
    await writeExport(files('one', ['001-a.md', '002-b.md']), out, 'folder');
    await mkdir(join(out, '.obsidian'));
    await writeFile(join(out, '.obsidian', 'app.json'), '{}');
    await writeFile(join(out, 'my-notes.md'), 'mine');
    await writeFile(join(out, '.thesis.docx.0123456789ab.tmp'), 'looks like a temp file, is not Annals’');
    await writeFile(join(dir, 'neighbour.md'), 'beside');
    await writeExport(files('two', ['001-c.md']), out, 'folder');
    await writeExport(files('three', ['001-a.md', '003-d.md']), out, 'folder');
    expect((await readdir(out)).sort()).toEqual(['.annals-export.json', '.obsidian', '.thesis.docx.0123456789ab.tmp', '001-a.md', '003-d.md', 'index.md', 'my-notes.md']);
    expect(await readFile(join(out, 'my-notes.md'), 'utf8')).toBe('mine');
    expect(await readFile(join(out, '.obsidian', 'app.json'), 'utf8')).toBe('{}');
    expect(await readdir(dir)).toEqual(['neighbour.md', 'out'].sort());
    expect(JSON.parse(await readFile(join(out, EXPORT_MARKER), 'utf8')).files).toEqual(['index.md', '001-a.md', '003-d.md']);
  });

  it("refuses to replace a user's file that has the name of a new export file, and changes nothing", async () => {
    await writeExport(files('one', ['001-a.md']), out, 'folder');
    await writeFile(join(out, '002-b.md'), 'the user’s own');
    await expect(writeExport(files('two', ['001-a.md', '002-b.md']), out, 'folder')).rejects.toMatchObject({ code: 'file-exists' });
    expect(await readFile(join(out, '002-b.md'), 'utf8')).toBe('the user’s own');
    expect(await readFile(join(out, '001-a.md'), 'utf8')).toBe('one 001-a.md\n');
  });

  it('leaves alone a folder the user made where an exported file was', async () => {
    await writeExport(files('one', ['001-a.md', '002-b.md']), out, 'folder');
    await rm(join(out, '002-b.md'));
    await mkdir(join(out, '002-b.md'));
    await writeFile(join(out, '002-b.md', 'keep.txt'), 'mine');
    await writeExport(files('two', ['001-a.md']), out, 'folder');
    expect(await readFile(join(out, '002-b.md', 'keep.txt'), 'utf8')).toBe('mine');
    await expect(writeExport(files('three', ['002-b.md']), out, 'folder')).rejects.toMatchObject({ code: 'file-exists' });
  });

  it('moves nothing outside the folder when its marker was edited to list outside paths', async () => {
    await writeExport(files('one', ['001-a.md']), out, 'folder');
    await writeFile(join(dir, 'neighbour.md'), 'beside');
    await writeFile(join(out, EXPORT_MARKER), JSON.stringify({ format: 'annals-export', files: ['../neighbour.md', '/etc/hostname', 'index.md'] }));
    await writeExport(files('two', ['002-b.md']), out, 'folder');
    expect(await readFile(join(dir, 'neighbour.md'), 'utf8')).toBe('beside');
    expect((await readdir(out)).sort()).toEqual(['.annals-export.json', '001-a.md', '002-b.md', 'index.md']);
  });

  it('cleans what a killed export left: a staging folder with no journal, temp files of its own files', async () => {
    await writeExport(files('one', ['001-a.md']), out, 'folder');
    const staging = join(dir, `.out.annals-export.${deadPid()}`);
    await mkdir(join(staging, 'new'), { recursive: true });
    await writeFile(join(staging, 'new', 'index.md'), '# half');
    await writeFile(join(out, '.index.md.0123456789ab.tmp'), '# half');
    await writeFile(join(out, '.notes.md.0123456789ab.tmp'), 'the user’s');
    const inside = join(out, `.annals-export-staging.${deadPid()}`); // where it stages when the folder is a mount point
    await mkdir(join(inside, 'new'), { recursive: true });
    const report = await recoverFolderExport(out);
    expect(report.discarded.sort()).toEqual([inside, staging].sort());
    expect(report.sweptTempFiles).toEqual([join(out, '.index.md.0123456789ab.tmp')]);
    expect((await readdir(dir)).sort()).toEqual(['out']);
    expect((await readdir(out)).sort()).toEqual(['.annals-export.json', '.notes.md.0123456789ab.tmp', '001-a.md', 'index.md']);
  });

  it('refuses to export while another live process is exporting to the same folder', async () => {
    await writeExport(files('one', ['001-a.md']), out, 'folder');
    const staging = join(dir, `.out.annals-export.${process.ppid}`);
    await mkdir(staging);
    await expect(writeExport(files('two', ['001-a.md']), out, 'folder')).rejects.toMatchObject({ code: 'export-busy' });
    expect((await readdir(dir)).sort()).toEqual([`.out.annals-export.${process.ppid}`, 'out']);
    expect(await readFile(join(out, 'index.md'), 'utf8')).toBe('# one\n');
  });

  it('runs two exports to the same folder started at once one after the other', async () => {
    await Promise.all([writeExport(files('one', ['001-a.md', '002-b.md']), out, 'folder'), writeExport(files('two', ['001-c.md']), out, 'folder')]);
    expect((await readdir(out)).sort()).toEqual(['.annals-export.json', '001-c.md', 'index.md']);
    expect(await readFile(join(out, 'index.md'), 'utf8')).toBe('# two\n');
  });

  it('puts the previous export back at once when the swap fails and the file system still works', async () => {
    // The same re-export, in a twin folder, tells which call places the second new file.
    const probe = join(dir, 'probe', 'out');
    await writeExport(files('one', ['001-a.md', '002-b.md']), probe, 'folder');
    const faulty = createFaultyFs();
    await writeExport(files('two', ['001-a.md', '003-c.md']), probe, 'folder', { fs: faulty.fs });
    const secondLink = faulty.log.indexOf('link', faulty.log.indexOf('link') + 1) + 1;
    await writeExport(files('one', ['001-a.md', '002-b.md']), out, 'folder');
    const fresh = createFaultyFs();
    fresh.arm(secondLink, 'EACCES'); // once: the second placement fails, the roll-back works
    const failure = await writeExport(files('two', ['001-a.md', '003-c.md']), out, 'folder', { fs: fresh.fs }).catch((error: unknown) => error);
    expect(fresh.log[secondLink - 1]).toBe('link');
    expect(failure).toBeInstanceOf(ExportWriteError);
    expect(failure).toMatchObject({ code: 'permission-denied', message: expect.stringContaining('The previous export was kept.') });
    expect((await readdir(out)).sort()).toEqual(['.annals-export.json', '001-a.md', '002-b.md', 'index.md']);
    expect(await readFile(join(out, '001-a.md'), 'utf8')).toBe('one 001-a.md\n');
    expect(await readdir(dir)).toEqual(['out', 'probe']);
  });
});

describe('single-document exports', () => {
  it('reports a full disk with a stable code and keeps the previous file', async () => {
    const target = join(dir, 'report.md');
    await writeExport([{ path: 'x.md', content: 'old' }], target, 'single');
    const faulty = createFaultyFs();
    faulty.arm(3, 'ENOSPC', true);
    await expect(writeExport([{ path: 'x.md', content: 'new' }], target, 'single', { fs: faulty.fs })).rejects.toMatchObject({ code: 'disk-full' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['report.md']);
  });

  it('sweeps the temp file a killed write of the same file left, and no other', async () => {
    const target = join(dir, 'report.md');
    await writeFile(join(dir, '.report.md.0123456789ab.tmp'), 'half');
    await writeFile(join(dir, '.other.md.0123456789ab.tmp'), 'not this one');
    await writeExport([{ path: 'x.md', content: 'new' }], target, 'single');
    expect((await readdir(dir)).sort()).toEqual(['.other.md.0123456789ab.tmp', 'report.md']);
  });
});
