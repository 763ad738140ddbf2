// One writer per archive: `.annals/lock` names the process that may write (pid, host, start time,
// tool). It is created with O_EXCL ("wx"), so of two processes starting at once exactly one gets it.
// A lock whose process is gone (same host, pid not alive) is stale and taken over; a lock held by a
// live process, or by another host (a synced or network folder: we cannot tell if it is alive), is
// refused with 'archive-locked' naming the holder. Within one process the lock is shared (counted).
import { unlinkSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type ArchiveFs, errnoOf, nodeArchiveFs } from './archive-fs';
import { syncFolder } from './atomic-write';
import { ArchiveError } from './errors';
import { CACHE_DIR } from './paths';

export const LOCK_FILE = `${CACHE_DIR}/lock`;

export interface LockHolder {
  pid: number;
  hostname: string;
  started: string;
  tool: string;
}

/** A held lock; `release` is idempotent. */
export interface ArchiveLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

const heldHere = new Map<string, { count: number; holder: LockHolder }>();

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

async function readHolder(path: string, fs: ArchiveFs): Promise<LockHolder | null | 'missing'> {
  try {
    const value = JSON.parse(String(await fs.readFile(path, 'utf8'))) as LockHolder;
    return typeof value.pid === 'number' && typeof value.hostname === 'string' ? value : null;
  } catch (error) {
    return errnoOf(error) === 'ENOENT' ? 'missing' : null;
  }
}

function describe(holder: LockHolder): string {
  return `${holder.tool} (process ${holder.pid} on ${holder.hostname}, since ${holder.started})`;
}

/** An unreadable lock is being written right now, or its writer died before filling it: stale after a while. */
const UNREADABLE_STALE_MS = 10_000;

async function isStale(path: string, holder: LockHolder | null): Promise<boolean> {
  if (holder === null) {
    const info = await stat(path).catch(() => null);
    return info === null || Date.now() - info.mtimeMs > UNREADABLE_STALE_MS;
  }
  return holder.hostname === hostname() && holder.pid !== process.pid && !isProcessAlive(holder.pid);
}

async function tryCreate(path: string, holder: LockHolder, fs: ArchiveFs): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(path, 'wx', 0o644);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Takes the archive's write lock for this process, or throws 'archive-locked' naming the holder. */
export async function acquireArchiveLock(dir: string, tool: string, fs: ArchiveFs = nodeArchiveFs): Promise<ArchiveLock> {
  const path = join(dir, LOCK_FILE);
  const shared = heldHere.get(path);
  if (shared) {
    shared.count += 1;
    return handleFor(path, shared.holder, fs);
  }
  const holder: LockHolder = { pid: process.pid, hostname: hostname(), started: new Date().toISOString(), tool };
  await fs.mkdir(join(dir, CACHE_DIR), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(path, holder, fs)) {
      await syncFolder(join(dir, CACHE_DIR), fs);
      heldHere.set(path, { count: 1, holder });
      return handleFor(path, holder, fs);
    }
    const current = await readHolder(path, fs);
    if (current === 'missing') continue;
    if (current && current.hostname === holder.hostname && current.pid === process.pid) {
      // Our own lock from an earlier, unreleased open in this process (a module reloaded): take it back.
      heldHere.set(path, { count: 1, holder: current });
      return handleFor(path, current, fs);
    }
    if (!(await isStale(path, current))) {
      throw new ArchiveError(
        'archive-locked',
        `${dir} is being changed by ${current ? describe(current) : 'another program'}; close it first, or remove ${LOCK_FILE} if that program is no longer running`,
      );
    }
    // Stale: move it away under a unique name so two processes taking over cannot delete each other's new lock.
    const away = `${path}.stale-${process.pid}-${attempt}`;
    await fs.rename(path, away).then(
      () => fs.unlink(away),
      () => undefined,
    );
  }
  throw new ArchiveError('archive-locked', `${dir}: the lock ${LOCK_FILE} keeps changing; another program is opening the archive`);
}

function handleFor(path: string, holder: LockHolder, fs: ArchiveFs): ArchiveLock {
  let isReleased = false;
  return {
    holder,
    async release() {
      if (isReleased) return;
      isReleased = true;
      const shared = heldHere.get(path);
      if (!shared) return;
      shared.count -= 1;
      if (shared.count > 0) return;
      heldHere.delete(path);
      const current = await readHolder(path, fs);
      if (current !== 'missing' && current?.pid === holder.pid && current.started === holder.started) await fs.unlink(path).catch(() => undefined);
    },
  };
}

/** Who holds the archive's lock now (null when nobody, or only a stale holder). */
export async function readLockHolder(dir: string, fs: ArchiveFs = nodeArchiveFs): Promise<LockHolder | null> {
  const path = join(dir, LOCK_FILE);
  const current = await readHolder(path, fs);
  return current === 'missing' || current === null || (await isStale(path, current)) ? null : current;
}

process.once('exit', () => {
  // Best effort: a lock left behind is stale anyway once this process is gone.
  for (const path of heldHere.keys()) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
});
