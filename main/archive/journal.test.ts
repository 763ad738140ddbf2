import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeArchiveFs } from './archive-fs';
import { findTempFiles } from './atomic-write';
import { commitChange, listJournals, recoverJournals, sha256Of } from './journal';
import { createFaultyFs } from './testing/faulty-fs';

let dir: string;
const now = () => new Date('2026-03-01T12:00:00Z');
const ctx = { fs: nodeArchiveFs, now };
const path = (name: string) => join(dir, 'items', name);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-journal-'));
  await commitChange(dir, 'setup', { writes: ['a.md', 'b.md', 'c.md'].map((name) => ({ path: path(name), data: `old ${name}\n`, expected: null })), removals: [] }, ctx);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const plan = () => ({
  writes: ['a.md', 'b.md'].map((name) => ({ path: path(name), data: `new ${name}\n`, expected: sha256Of(`old ${name}\n`) })),
  removals: [{ path: path('c.md'), expected: sha256Of('old c.md\n') }],
});

const contents = async () => {
  const names = (await readdir(join(dir, 'items'))).filter((name) => !name.startsWith('.')).sort();
  return Promise.all(names.map(async (name) => `${name}: ${(await readFile(path(name), 'utf8')).trim()}`));
};

describe('the journal', () => {
  it('rolls a change interrupted at any call forward or back as a whole, never half-done', async () => {
    const outcomes = new Set<string>();
    for (let n = 1; ; n++) {
      await rm(dir, { recursive: true, force: true });
      await commitChange(dir, 'setup', { writes: ['a.md', 'b.md', 'c.md'].map((name) => ({ path: path(name), data: `old ${name}\n`, expected: null })), removals: [] }, ctx);
      const counting = createFaultyFs();
      counting.arm(n, 'EIO', true);
      const isInterrupted = await commitChange(dir, 'test', plan(), { fs: counting.fs, now }).then(() => false, () => true);
      if (!isInterrupted) break;
      await recoverJournals(dir, ctx);
      const state = (await contents()).join(' | ');
      outcomes.add(state);
      expect(['a.md: old a.md | b.md: old b.md | c.md: old c.md', 'a.md: new a.md | b.md: new b.md']).toContain(state);
      expect(await listJournals(dir, nodeArchiveFs)).toEqual([]);
      expect((await readdir(join(dir, 'items'))).filter((name) => name.endsWith('.aside'))).toEqual([]);
    }
    expect(outcomes.size).toBe(2); // some interruptions came before the commit point, some after
  });

  it('undoes a damaged change: the staged files go, the old files stay', async () => {
    // Stop right after the journal is committed: count the calls up to its rename.
    const probe = createFaultyFs();
    await commitChange(dir, 'probe', plan(), { fs: probe.fs, now });
    // The journal's own rename is the first rename of the change: fail the call after its folder fsync.
    const journalRename = probe.log.indexOf('rename') + 1;
    await rm(dir, { recursive: true, force: true });
    await commitChange(dir, 'setup', { writes: ['a.md', 'b.md', 'c.md'].map((name) => ({ path: path(name), data: `old ${name}\n`, expected: null })), removals: [] }, ctx);
    const faulty = createFaultyFs();
    faulty.arm(journalRename + 4, 'EIO', true);
    await commitChange(dir, 'test', plan(), { fs: faulty.fs, now }).catch(() => undefined);
    const [journal] = await listJournals(dir, nodeArchiveFs);
    expect(journal).toBeDefined();
    const entry = JSON.parse(await readFile(join(dir, journal as string), 'utf8')).writes[1];
    await writeFile(join(dir, entry.staged), 'a torn write');
    const report = await recoverJournals(dir, ctx);
    expect(report.rolledBack).toEqual([journal]);
    expect(await contents()).toContain('a.md: old a.md');
    expect(await findTempFiles(join(dir, 'items'))).toEqual([]);
  });

  it('keeps another program\'s version of a file as a conflict copy, and the new content in place', async () => {
    await writeFile(path('a.md'), 'edited elsewhere\n');
    const conflicts = await commitChange(dir, 'test', plan(), ctx);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.copy).toMatch(/items\/a\.conflict-20260301T120000Z\.md$/);
    expect(await readFile(conflicts[0]?.copy as string, 'utf8')).toBe('edited elsewhere\n');
    expect(await readFile(path('a.md'), 'utf8')).toBe('new a.md\n');
  });
});
