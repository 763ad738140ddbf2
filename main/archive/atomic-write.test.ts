import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AtomicFs,
  findTempFiles,
  isTempFileName,
  sweepTempFiles,
  writeFileAtomic,
  writeFilesAtomic,
} from './atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A file system whose writes put half the data on disk and then fail, like a full disk. */
function failingMidWrite(): AtomicFs {
  return {
    ...nodeFs,
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await nodeFs.open(path, flags, mode);
      if (flags !== 'wx') return handle;
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'writeFile') {
            return async (data: string | Uint8Array) => {
              const half = typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2);
              await target.writeFile(half);
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            };
          }
          const value = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as AtomicFs['open'],
  };
}

describe('atomic writes', () => {
  it('writes the exact content and leaves no temp file behind', async () => {
    const path = join(dir, 'a', 'b', 'item.md');
    const content = 'Привет, ---\n\u202e world\n';
    await writeFileAtomic(path, content);
    expect(await readFile(path, 'utf8')).toBe(content);
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it('keeps the original intact when a write fails mid-way', async () => {
    const path = join(dir, 'item.md');
    await writeFile(path, 'original content');
    await expect(writeFileAtomic(path, 'new content that is much longer', { fs: failingMidWrite() })).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await readFile(path, 'utf8')).toBe('original content');
    expect(await readdir(dir)).toEqual(['item.md']);
  });

  it('writes a batch of files across folders with exact bytes', async () => {
    const files = Array.from({ length: 30 }, (_, i) => ({
      path: join(dir, `f${i % 3}`, `file-${i}.bin`),
      data: new Uint8Array([i, 0, 255, 10, 13]),
    }));
    await writeFilesAtomic(files);
    for (const file of files) expect(new Uint8Array(await readFile(file.path))).toEqual(file.data);
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it('stops a batch at the failing file, leaving earlier files written and later ones untouched', async () => {
    await writeFile(join(dir, 'b.md'), 'old b');
    const fs = failingMidWrite();
    await expect(
      writeFilesAtomic(
        [
          { path: join(dir, 'b.md'), data: 'new b' },
          { path: join(dir, 'c.md'), data: 'new c' },
        ],
        { fs },
      ),
    ).rejects.toThrow();
    expect(await readFile(join(dir, 'b.md'), 'utf8')).toBe('old b');
    expect((await readdir(dir)).sort()).toEqual(['b.md']);
  });

  it('sweeps temp files left by an interrupted write, and only those', async () => {
    await mkdir(join(dir, 'items', '2024'), { recursive: true });
    const stale = join(dir, 'items', '2024', '.x.md.0123456789ab.tmp');
    await writeFile(stale, 'partial');
    await writeFile(join(dir, 'items', '2024', 'x.md'), 'kept');
    await writeFile(join(dir, '.hidden.tmp'), 'not ours');
    expect(isTempFileName('.x.md.0123456789ab.tmp')).toBe(true);
    expect(await sweepTempFiles(dir)).toEqual([stale]);
    expect(await readdir(join(dir, 'items', '2024'))).toEqual(['x.md']);
    expect(await readFile(join(dir, '.hidden.tmp'), 'utf8')).toBe('not ours');
  });
});
