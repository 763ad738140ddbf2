import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '../archive';
import { type Services, createServices } from './index';
import { createTestArchive, payloadsOf, recordEvents } from './test-support';

let archive: Archive;
let cleanup: () => Promise<void>;
let services: Services;

beforeEach(async () => {
  ({ archive, cleanup } = await createTestArchive());
  services = createServices(archive, { platform: 'web', isSample: async () => false });
});
afterEach(async () => {
  await archive.close();
  await cleanup();
});

describe('a file changed behind the app while the user edits it', () => {
  it('saves the user\'s edit, keeps the other version as a conflict copy and tells the renderer', async () => {
    const events = recordEvents(services.events);
    const item = archive.listItems()[0]!;
    const file = archive.itemFile(item.id) as string;
    const path = join(archive.dir, file);
    const outside = (await readFile(path, 'utf8')).replace(/^note: .*$/m, 'note: written in another editor');
    await writeFile(path, outside);
    const response = await services.handleCall('items:update', { id: item.id, patch: { note: 'written in Annals' } });
    expect(response.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toMatch(/^note: written in Annals$/m);
    const [conflict] = payloadsOf(events, 'conflict');
    expect(conflict?.file).toBe(file);
    expect(conflict?.copy).toMatch(/\.conflict-\d{8}T\d{6}Z\.md$/);
    expect(await readFile(join(archive.dir, conflict!.copy), 'utf8')).toBe(outside);
  });

  it('reports a full disk as disk-full with a message saying nothing changed', async () => {
    const item = archive.listItems()[0]!;
    const before = await readFile(join(archive.dir, archive.itemFile(item.id) as string), 'utf8');
    const { createFaultyFs } = await import('../archive/testing/faulty-fs');
    const faulty = createFaultyFs();
    const { openArchive } = await import('../archive');
    await archive.close();
    const failing = await openArchive(archive.dir, { fs: faulty.fs });
    const failingServices = createServices(failing, { platform: 'web', isSample: async () => false });
    faulty.arm(1, 'ENOSPC', true);
    const response = await failingServices.handleCall('items:update', { id: item.id, patch: { note: 'no room' } });
    expect(response).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringContaining('Nothing was changed') } });
    expect(await readFile(join(archive.dir, archive.itemFile(item.id) as string), 'utf8')).toBe(before);
    faulty.disarm();
    await failing.close();
  });
});
