import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Archive, openArchive } from '../archive';
import { type Services, createServices } from './index';
import { SEED_DIR, type RecordedEvent, createTestArchive, payloadsOf, recordEvents } from './test-support';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let archive: Archive;
let cleanup: () => Promise<void>;
let services: Services;
let seen: RecordedEvent[];

beforeEach(async () => {
  ({ archive, cleanup } = await createTestArchive());
  services = createServices(archive, { platform: 'web', isSample: async () => false, isArchiveWatched: true });
  seen = recordEvents(services.events);
  await services.whenWatching();
});
afterEach(async () => {
  await services.close();
  await cleanup();
});

/** Polls `condition` until it holds; fails after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const announced = (id: string) => payloadsOf(seen, 'items-changed').filter((payload) => payload.items.includes(id)).length;

describe('outside edits while the services run', () => {
  it('refuses a CLI import while the app holds the archive, naming the holder, and changes nothing', async () => {
    const before = archive.listItems().length;
    const page = join(SEED_DIR, '002_0eeb045d78135ec7.txt');
    const run = promisify(execFile)('npx', ['tsx', 'main/cli/index.ts', 'import', page, '--archive', archive.dir], { cwd: ROOT });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`being changed by Annals (process ${process.pid}`) });
    expect((await openArchive(archive.dir, { readOnly: true })).listItems()).toHaveLength(before);
  }, 60_000);

  it('sees items another program adds to the folder (a git pull, a copy) and announces them', async () => {
    const other = await createTestArchive([join(SEED_DIR, '002_0eeb045d78135ec7.txt')]);
    try {
      const known = new Set(archive.listItems().map((item) => item.id));
      const added = other.archive.listItems().filter((item) => !known.has(item.id));
      expect(added.length).toBeGreaterThan(0);
      for (const item of added) {
        const file = other.archive.itemFile(item.id) as string;
        await mkdir(dirname(join(archive.dir, file)), { recursive: true });
        await copyFile(join(other.archive.dir, file), join(archive.dir, file));
      }
      await waitFor(() => added.every((item) => services.archive().getItem(item.id) !== undefined));
      await waitFor(() => added.every((item) => announced(item.id) > 0));
    } finally {
      await other.cleanup();
    }
  }, 60_000);

  it('announces an edit made through the services once, with no echo from the watcher', async () => {
    const item = archive.listItems()[0];
    if (!item) throw new Error('the test archive has no item');
    const response = await services.handleCall('items:update', { id: item.id, patch: { note: 'from the app' } });
    expect(response.ok).toBe(true);
    // An outside edit of another item afterwards: once it is announced, any echo would have been too.
    const other = archive.listItems().find((candidate) => candidate.id !== item.id);
    const otherFile = other && archive.itemFile(other.id);
    if (!other || !otherFile) throw new Error('the test archive needs two items');
    const path = join(archive.dir, otherFile);
    await writeFile(path, (await readFile(path, 'utf8')).replace(/^note: .*$/m, 'note: by hand'));
    await waitFor(() => announced(other.id) > 0);
    expect(announced(item.id)).toBe(1);
    expect(archive.getItem(other.id)?.note).toBe('by hand');
  });

  it('watches the archive it switched to, and no longer the old one', async () => {
    const next = await createTestArchive([join(SEED_DIR, '002_0eeb045d78135ec7.txt')]);
    try {
      await services.setArchive(next.archive);
      const [oldItem] = archive.listItems();
      const [newItem] = next.archive.listItems();
      const oldFile = oldItem && archive.itemFile(oldItem.id);
      const newFile = newItem && next.archive.itemFile(newItem.id);
      if (!oldItem || !newItem || !oldFile || !newFile) throw new Error('both archives need an item');
      const edit = async (root: string, file: string) => {
        const path = join(root, file);
        await writeFile(path, (await readFile(path, 'utf8')).replace(/^note: .*$/m, 'note: by hand'));
      };
      await edit(archive.dir, oldFile);
      await edit(next.archive.dir, newFile);
      await waitFor(() => announced(newItem.id) > 0);
      expect(next.archive.getItem(newItem.id)?.note).toBe('by hand');
      expect(announced(oldItem.id)).toBe(0);
    } finally {
      await services.close();
      await next.cleanup();
    }
  });
});
