import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../archive';
import { LOCK_FILE } from '../../archive/archive-lock';
import { serializeCollection } from '../../archive/collection-file';
import { commitChange, listJournals, sha256Of } from '../../archive/journal';
import { nodeArchiveFs } from '../../archive/archive-fs';
import { createFaultyFs } from '../../archive/testing/faulty-fs';
import { createBaseArchive } from '../../archive/testing/crash-scenarios';
import { runCli } from '../run';

let dir: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--archive', dir], { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  return { code, out, err };
}

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'annals-check-')), 'archive');
  await createBaseArchive(dir, 'edit');
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

/** Breaks the archive the ways a crash, a bad hand edit or another program can. */
async function breakArchive(): Promise<{ itemFile: string; missingId: string }> {
  const archive = await openArchive(dir, { readOnly: true });
  const [item] = archive.listItems();
  const itemFile = archive.itemFile(item!.id) as string;
  const collection = archive.listCollections()[0]!;
  const missingId = 'deadbeefdeadbeef';
  // A collection entry whose item is gone (deleted by hand), with a note worth keeping.
  await writeFile(join(dir, 'collections', `${collection.slug}.md`), serializeCollection({ ...collection, entries: [...collection.entries, { id: missingId, note: 'the lost one' }] }));
  await writeFile(join(dir, 'items', '.left.md.0123456789ab.tmp'), 'half a file');
  await writeFile(join(dir, 'items', 'empty-00000000.md'), '');
  await writeFile(join(dir, itemFile.replace(/\.md$/, '.conflict-20260101T000000Z.md')), 'another version');
  // A change interrupted right after its journal was committed (a crash): the journal and a staged file.
  const faulty = createFaultyFs();
  faulty.arm(18, 'EIO', true);
  const target = join(dir, itemFile);
  const old = await readFile(target, 'utf8');
  await commitChange(dir, 'edit', { writes: [{ path: target, data: old.replace(/^note: .*$/m, 'note: finished by repair'), expected: sha256Of(old) }], removals: [] }, { fs: faulty.fs, now: () => new Date() }).catch(() => undefined);
  expect(await listJournals(dir, nodeArchiveFs)).toHaveLength(1);
  return { itemFile, missingId };
}

describe('annals check', () => {
  it('passes a sound archive', async () => {
    const { code, out } = await cli('check');
    expect(out).toMatch(/^OK: \d+ item\(s\), 1 collection\(s\), no problems/m);
    expect(code).toBe(0);
  });

  it('reports every broken invariant without changing anything (no lock taken)', async () => {
    await breakArchive();
    const { code, out } = await cli('check', '--json');
    expect(code).toBe(1);
    const codes = (JSON.parse(out) as { problems: { code: string }[] }).problems.map((p) => p.code);
    for (const expected of ['temp-file', 'journal-pending', 'missing-item', 'conflict-copy', 'no-front-matter']) expect(codes).toContain(expected);
    expect(await listJournals(dir, nodeArchiveFs)).toHaveLength(1);
  });

  it('--repair finishes the journal, removes leftovers, drops dead entries with a record, and leaves conflict copies to the user', async () => {
    const { itemFile, missingId } = await breakArchive();
    const { code, out } = await cli('check', '--repair', '--json');
    const report = JSON.parse(out) as { problems: { code: string }[]; actions: { code: string; dropped?: unknown }[]; log: string };
    expect(report.actions.map((a) => a.code).sort()).toEqual(['empty-file-removed', 'entry-dropped', 'journal-finished', 'temp-removed']);
    expect(report.problems.map((p) => p.code)).toEqual(['conflict-copy']);
    expect(code).toBe(1);
    expect(await readFile(join(dir, itemFile), 'utf8')).toMatch(/^note: finished by repair$/m);
    const log = JSON.parse(await readFile(join(dir, report.log), 'utf8'));
    expect(log.actions.find((a: { code: string }) => a.code === 'entry-dropped').dropped).toEqual({ id: missingId, note: 'the lost one' });
    // The user merges the conflict copy and deletes it: the archive is sound.
    const copy = (await readdir(join(dir, itemFile, '..'))).find((name) => name.includes('.conflict-')) as string;
    await rm(join(dir, itemFile, '..', copy));
    expect((await cli('check')).code).toBe(0);
  });

  it('--repair is refused while another process has the archive open, naming it', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: holder.pid, hostname: hostname(), started: '2026-01-01T00:00:00Z', tool: 'Annals' }));
      const { code, err } = await cli('check', '--repair');
      expect(code).toBe(1);
      expect(err).toContain(`being changed by Annals (process ${holder.pid} on ${hostname()}`);
      expect((await cli('check')).code).toBe(0); // the read-only check still runs
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
