// A file-system shim for tests: counts every call of the archive's write path (ArchiveFs and the
// file handles it opens: write, fsync, close) and makes the N-th one fail with a chosen errno, the
// way a full disk (ENOSPC), a revoked permission (EACCES), a failing disk (EIO) or a file held by
// another program (EBUSY) would.
import * as nodeFs from 'node:fs/promises';
import type { ArchiveFs } from '../archive-fs';

export interface FaultyFs {
  readonly fs: ArchiveFs;
  /** Calls made so far (failed ones included). */
  readonly calls: number;
  /** Calls that were made to fail. */
  readonly failures: number;
  /** The call names made so far, in order (for a failing test's message). */
  readonly log: string[];
  /** Makes the `n`-th call from now fail with `code` (once); `persistent`: that call and every later one. */
  arm(n: number, code: string, persistent?: boolean): void;
  disarm(): void;
}

function errnoError(code: string, call: string, path: unknown): NodeJS.ErrnoException {
  const error = new Error(`${code}: injected failure, ${call} '${String(path)}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = call;
  if (typeof path === 'string') error.path = path;
  return error;
}

export function createFaultyFs(): FaultyFs {
  let calls = 0;
  let failures = 0;
  let failAt = Infinity;
  let failCode = 'EIO';
  let isPersistent = false;
  const log: string[] = [];

  const tick = (call: string, path: unknown) => {
    calls += 1;
    log.push(call);
    if (calls === failAt || (isPersistent && calls > failAt)) {
      failures += 1;
      throw errnoError(failCode, call, path);
    }
  };

  const wrapHandle = (handle: nodeFs.FileHandle, path: unknown): nodeFs.FileHandle =>
    new Proxy(handle, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (key === 'writeFile' || key === 'sync' || key === 'close' || key === 'write') {
          return async (...args: unknown[]) => {
            if (key === 'close') {
              // A failed close still releases the descriptor, as the OS does.
              await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
              tick(`handle.${key}`, path);
              return undefined;
            }
            tick(`handle.${String(key)}`, path);
            return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });

  const fs: ArchiveFs = {
    open: (async (path: Parameters<typeof nodeFs.open>[0], ...rest: unknown[]) => {
      tick('open', path);
      return wrapHandle(await (nodeFs.open as (...a: unknown[]) => Promise<nodeFs.FileHandle>)(path, ...rest), path);
    }) as typeof nodeFs.open,
    rename: async (from, to) => {
      tick('rename', from);
      return nodeFs.rename(from, to);
    },
    link: async (from, to) => {
      tick('link', to);
      return nodeFs.link(from, to);
    },
    unlink: async (path) => {
      tick('unlink', path);
      return nodeFs.unlink(path);
    },
    mkdir: (async (path: Parameters<typeof nodeFs.mkdir>[0], options?: Parameters<typeof nodeFs.mkdir>[1]) => {
      tick('mkdir', path);
      return nodeFs.mkdir(path, options);
    }) as typeof nodeFs.mkdir,
    readFile: (async (path: Parameters<typeof nodeFs.readFile>[0], options?: Parameters<typeof nodeFs.readFile>[1]) => {
      tick('readFile', path);
      return nodeFs.readFile(path, options);
    }) as typeof nodeFs.readFile,
    readdir: (async (path: Parameters<typeof nodeFs.readdir>[0], options?: Parameters<typeof nodeFs.readdir>[1]) => {
      tick('readdir', path);
      return nodeFs.readdir(path, options as never);
    }) as typeof nodeFs.readdir,
  };

  return {
    fs,
    get calls() {
      return calls;
    },
    get failures() {
      return failures;
    },
    log,
    arm(n, code, persistent = false) {
      failAt = calls + n;
      failCode = code;
      isPersistent = persistent;
    },
    disarm() {
      failAt = Infinity;
      isPersistent = false;
    },
  };
}
