import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchive } from './archive';
import { LOCK_FILE } from './archive-lock';
import { findTempFiles } from './atomic-write';
import { spawnScript } from './testing/child';

let dir: string;
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'annals-lock-')), 'archive');
  await (await openArchive(dir, { create: true })).close();
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

/** A live process that is not this one, to name in a lock file. */
function startIdleProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { pid: child.pid as number, stop: async () => (child.kill('SIGKILL'), await exited) };
}

const lockOf = (pid: number) => `${JSON.stringify({ pid, hostname: hostname(), started: '2026-01-01T00:00:00.000Z', tool: 'Annals' })}\n`;

describe('the archive lock', () => {
  it('refuses a writer while a live process holds it, naming the holder; a read-only open is not refused', async () => {
    const holder = startIdleProcess();
    try {
      await writeFile(join(dir, LOCK_FILE), lockOf(holder.pid));
      const refusal = openArchive(dir);
      await expect(refusal).rejects.toMatchObject({ code: 'archive-locked' });
      await expect(refusal).rejects.toThrow(`process ${holder.pid} on ${hostname()}`);
      const reader = await openArchive(dir, { readOnly: true });
      await expect(reader.createCollection('Nope')).rejects.toMatchObject({ code: 'read-only' });
    } finally {
      await holder.stop();
    }
  });

  it('takes over a lock whose process is gone (kill -9) and writes its own pid, host and start time', async () => {
    const holder = startIdleProcess();
    await writeFile(join(dir, LOCK_FILE), lockOf(holder.pid));
    await holder.stop();
    const archive = await openArchive(dir, { tool: 'test' });
    const lock = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, hostname: hostname(), tool: 'test' });
    expect(Date.parse(lock.started)).toBeGreaterThan(Date.now() - 60_000);
    await archive.close();
    await expect(readFile(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('sweeps temp files only when it holds the lock (a running writer may own them)', async () => {
    const temp = join(dir, 'items', '.x.md.0123456789ab.tmp');
    await writeFile(temp, 'half');
    await openArchive(dir, { readOnly: true });
    expect(await findTempFiles(dir)).toEqual([temp]);
    const holder = startIdleProcess();
    try {
      await writeFile(join(dir, LOCK_FILE), lockOf(holder.pid));
      await expect(openArchive(dir)).rejects.toMatchObject({ code: 'archive-locked' });
      expect(await findTempFiles(dir)).toEqual([temp]);
    } finally {
      await holder.stop();
    }
    await (await openArchive(dir)).close();
    expect(await findTempFiles(dir)).toEqual([]);
  });

  it('lets exactly one of several processes starting at once take it', async () => {
    const contenders = await Promise.all(Array.from({ length: 4 }, () => spawnScript('main/archive/testing/lock-contender.ts', [dir])));
    await Promise.all(contenders.map((child) => child.waitForLine(/^loaded$/)));
    for (const child of contenders) child.send('go');
    const answers = await Promise.all(contenders.map((child) => child.waitForLine(/^(got|locked)/)));
    for (const child of contenders) child.send('release');
    await Promise.all(contenders.map((child) => child.exited));
    console.log(`[lock-test] contenders=4 holders=${answers.filter((a) => a === 'got').length}`);
    expect(answers.filter((answer) => answer === 'got')).toHaveLength(1);
    expect(answers.filter((answer) => answer.startsWith('locked archive-locked'))).toHaveLength(3);
  }, 60_000);
});
