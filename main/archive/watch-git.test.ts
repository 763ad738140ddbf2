// Issue 5: a `git checkout` under a running watcher. Real git switches a thousand-item archive back
// and forth between two branches while the app has it open; the app must write nothing, end up
// holding exactly what is on disk, and remove only items whose files are truly gone.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Item, emptyTags } from '../../shared/model';
import { type Archive, openArchive } from './archive';
import { serializeItem } from './item-file';
import { buildItem } from './new-item';
import { itemRelPath } from './paths';
import { type ArchiveWatcher, type OutsideChange, watchArchive } from './watch';

const FILES = 1000;
const MODIFIED = 300;
const DELETED = 100;
const CHECKOUTS = 4;

let dir: string;
let archive: Archive;
let watcher: ArchiveWatcher;
const changes: OutsideChange[] = [];
/** Items the watcher removed, noted the moment it announced them (a removal undone later still counts). */
const removed: string[] = [];
let appWrites = 0;

function makeItem(n: number): Item {
  const text = `The Collective Security Treaty Organization held meeting number ${n} on regional security questions.`;
  return buildItem(
    { title: `Release ${n}`, text, date: `2024-0${1 + (n % 9)}-1${n % 10}`, datePrecision: 'day', lang: 'en', tags: emptyTags() },
    { sha256: 'a'.repeat(64), file: 'page.txt', ext: 'txt', url: null, index: 0 },
    '2026-01-01T00:00:00.000Z',
  );
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
}

/** Polls `condition` until it holds; fails after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every tracked file's mtime and size: a write by the app would change one. */
async function snapshotFiles(): Promise<Map<string, string>> {
  const snapshot = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || path.includes(`${dir}/.git/`) || path.includes(`${dir}/.annals/`)) continue;
    const info = await stat(path);
    snapshot.set(path, `${info.mtimeMs}:${info.size}`);
  }
  return snapshot;
}

const byId = (items: Item[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

function noteChange(change: OutsideChange): void {
  changes.push(change);
  removed.push(...change.items.filter((id) => archive.getItem(id) === undefined));
}

let base: Map<string, Item>;
let branch: Map<string, Item>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-watch-git-'));
  archive = await openArchive(dir, { create: true });
  const items = Array.from({ length: FILES }, (_, i) => makeItem(i));
  for (const item of items) archive.itemIndex.put(item, null);
  await archive.writeItemChanges(items.map((item) => ({ item, previous: null })));
  base = new Map(items.map((item) => [item.id, item]));
  await writeFile(join(dir, '.gitignore'), '.annals/\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'archive');
  // The other branch: notes rewritten in many files, some files deleted.
  git('checkout', '-q', '-b', 'curated');
  branch = new Map(base);
  items.slice(0, MODIFIED).forEach((item, i) => {
    const edited = { ...item, note: `Checked on the curated branch, ${i}` };
    branch.set(item.id, edited);
    writeFileSync(join(dir, itemRelPath(item)), serializeItem(edited));
  });
  for (const item of items.slice(MODIFIED, MODIFIED + DELETED)) {
    branch.delete(item.id);
    await rm(join(dir, itemRelPath(item)));
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'curated');
  git('checkout', '-q', 'main');
  await archive.reload();
  archive.observeWrites(() => (appWrites += 1));
  watcher = await watchArchive(archive, { quietMs: 100, onChange: noteChange });
}, 60_000);

afterAll(async () => {
  await watcher?.close();
  await archive?.close();
  await rm(dir, { recursive: true, force: true });
});

it('follows git checkouts back and forth without writing a file or dropping an item it did not see go', async () => {
  expect(byId(archive.listItems())).toEqual(byId([...base.values()]));
  let batches = 0;
  for (let k = 0; k < CHECKOUTS; k += 1) {
    const target = k % 2 === 0 ? 'curated' : 'main';
    const expected = target === 'curated' ? branch : base;
    const before = watcher.stats.batches;
    const seen = removed.length;
    git('checkout', '-q', target);
    const onDisk = await snapshotFiles();
    await waitFor(() => archive.listItems().length === expected.size && [...expected.values()].every((item) => archive.getItem(item.id)?.note === item.note));
    await watcher.whenIdle();

    expect(byId(archive.listItems())).toEqual(byId([...expected.values()]));
    // Every item dropped along the way is one whose file the branch does not have.
    const dropped = removed.slice(seen);
    expect(dropped.filter((id) => expected.has(id))).toEqual([]);
    expect(dropped).toHaveLength(target === 'curated' ? DELETED : 0);
    // What the app holds is what a fresh read of the folder gives.
    const fresh = await openArchive(dir, { readOnly: true });
    expect(byId(archive.listItems())).toEqual(byId(fresh.listItems()));
    await fresh.close();
    // The app rewrote nothing: no write through the archive, and no file's mtime or size moved.
    expect(appWrites).toBe(0);
    expect(await snapshotFiles()).toEqual(onDisk);
    const used = watcher.stats.batches - before;
    expect(used).toBeLessThanOrEqual(6);
    batches += used;
  }
  console.log(`[git-checkout-test] files=${FILES} checkouts=${CHECKOUTS} app-writes=${appWrites} batches=${batches}`);
}, 60_000);
