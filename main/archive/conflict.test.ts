// Another program (a real child process) rewrites item files while Annals edits the same items: no
// update may be lost. Every rival edit must end up in the file or in a conflict copy beside it, every
// edit of Annals in the file, and each conflict copy must have been announced.
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, openArchive } from './archive';
import type { ArchiveConflict } from './archive-writer';
import { isConflictCopyName } from './conflicts';
import { spawnScript } from './testing/child';
import { createBaseArchive, scenarioClock } from './testing/crash-scenarios';

const ROUNDS = process.env.ANNALS_LONG_TESTS === '1' ? 2000 : 150;
let root: string;
let archive: Archive;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'annals-conflict-'));
  await createBaseArchive(join(root, 'archive'), 'edit');
  archive = await openArchive(join(root, 'archive'), { now: scenarioClock(10_000) });
});
afterAll(async () => {
  await archive.close();
  await rm(root, { recursive: true, force: true });
});

/** The file's final text and the texts of its conflict copies. */
async function versionsOf(path: string): Promise<string[]> {
  const stem = basename(path, '.md');
  const names = (await readdir(dirname(path))).filter((name) => isConflictCopyName(name) && name.startsWith(`${stem}.conflict-`));
  return Promise.all([path, ...names.map((name) => join(dirname(path), name))].map((file) => readFile(file, 'utf8')));
}

describe('a rival writer', () => {
  it('edits the same files as the app: nothing lost, every other version kept and announced', async () => {
    const ids = archive.listItems().slice(0, 3).map((item) => item.id);
    const paths = ids.map((id) => join(archive.dir, archive.itemFile(id) as string));
    const announced: ArchiveConflict[] = [];
    archive.onConflict((conflict) => announced.push(conflict));
    const rival = await spawnScript('main/archive/testing/rival-writer.ts', [String(ROUNDS), ...paths]);
    await rival.waitForLine(/^loaded$/);
    rival.send('go');
    let appEdits = 0;
    const edit = async () => {
      const id = ids[appEdits % ids.length] as string;
      const note = `${archive.getItem(id)?.note ?? ''} app-${appEdits}`.trim();
      await archive.updateItem(id, { note });
      appEdits += 1;
    };
    const isRivalDone = rival.waitForLine(/^done$/, 120_000).then(() => true);
    let isDone = false;
    void isRivalDone.then(() => (isDone = true));
    while (!isDone) await edit();
    expect((await rival.exited).code).toBe(0);
    for (let n = 0; n < ids.length; n++) await edit(); // the app writes last: its view is the file's

    let lostRival = 0;
    let lostApp = 0;
    let copies = 0;
    for (const [index, path] of paths.entries()) {
      const versions = await versionsOf(path);
      copies += versions.length - 1;
      for (let round = 1; round <= ROUNDS; round++) if (!versions.some((text) => text.includes(`rival-${round}\n`))) lostRival += 1;
      const final = versions[0] as string;
      for (let k = index; k < appEdits; k += ids.length) if (!new RegExp(`app-${k}\\b`).test(final)) lostApp += 1;
    }
    console.log(
      `[conflict-test] rival-edits=${ROUNDS * paths.length} app-edits=${appEdits} lost=${lostRival + lostApp}` +
        ` (rival ${lostRival}, app ${lostApp}) conflict-copies=${copies} announced=${announced.length}`,
    );
    expect(lostRival).toBe(0);
    expect(lostApp).toBe(0);
    expect(copies).toBeGreaterThan(0); // the two writers did collide
    expect(announced).toHaveLength(copies);
    const problems = await archive.check();
    expect(problems.filter((p) => p.code === 'conflict-copy')).toHaveLength(copies);
    expect(problems.filter((p) => p.code !== 'conflict-copy')).toEqual([]);
  }, 180_000);
});
