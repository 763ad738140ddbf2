import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Archive } from '../archive';
import { type Services, createServices } from './index';
import { SEED_DIR, createTestArchive, payloadsOf, recordEvents } from './test-support';

let archive: Archive;
let cleanup: () => Promise<void>;
let services: Services;
let logged: unknown[];

beforeEach(async () => {
  ({ archive, cleanup } = await createTestArchive());
  logged = [];
  services = createServices(archive, {
    platform: 'web',
    now: () => new Date('2026-02-01T00:00:00Z'),
    isSample: async () => false,
    log: (_message, error) => logged.push(error),
  });
});
afterEach(async () => {
  services.imports.cancelAll();
  await services.imports.whenIdle();
  await cleanup();
});

function firstItemId(): string {
  const id = archive.listItems()[0]?.id;
  if (!id) throw new Error('the test archive has no item');
  return id;
}

async function valueOf<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const response = await promise;
  if (!response.ok) throw new Error(`call failed: ${JSON.stringify(response.error)}`);
  return response.value as T;
}

describe('handleCall', () => {
  it('answers bad-request for invalid arguments without touching the archive', async () => {
    const update = vi.spyOn(archive, 'updateItem');
    const response = await services.handleCall('items:update', { id: 'NOT-HEX', patch: {} });
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(update).not.toHaveBeenCalled();
  });

  it('answers bad-request for a channel the contract does not declare', async () => {
    const response = await services.handleCall('fs:read', { path: '/etc/passwd' });
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('passes an archive error code through', async () => {
    const response = await services.handleCall('items:update', { id: 'deadbeefdeadbeef', patch: { note: 'x' } });
    expect(response).toMatchObject({ ok: false, error: { code: 'item-not-found' } });
  });

  it('reports an unexpected error as internal without its message, and logs it', async () => {
    vi.spyOn(archive, 'updateItem').mockRejectedValue(new Error('secret /home/user/path'));
    const response = await services.handleCall('items:update', { id: firstItemId(), patch: { note: 'x' } });
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(response)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('maps a file system failure to io-error', async () => {
    const failure = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    vi.spyOn(archive, 'updateItem').mockRejectedValue(failure);
    const response = await services.handleCall('items:update', { id: firstItemId(), patch: { note: 'x' } });
    expect(response).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});

describe('items', () => {
  it('saves an edit, announces it and changes the item revision', async () => {
    const events = recordEvents(services.events);
    const id = firstItemId();
    const revisionOf = async () =>
      (await valueOf<{ items: { key: string; rev: string }[] }>(services.handleCall('archive:revisions', {}))).items.find((r) => r.key === id)?.rev;
    const before = await revisionOf();
    const item = await valueOf<{ note: string; status: string }>(
      services.handleCall('items:update', { id, patch: { note: 'Cited in the report', status: 'starred' } }),
    );
    expect(item).toMatchObject({ note: 'Cited in the report', status: 'starred' });
    expect(archive.getItem(id)?.note).toBe('Cited in the report');
    expect(payloadsOf(events, 'items-changed')).toEqual([{ items: [id], collections: [], reset: false }]);
    expect(await revisionOf()).not.toBe(before);
  });

  it('leaves unknown ids out of items:get', async () => {
    const id = firstItemId();
    const items = await valueOf<{ id: string }[]>(services.handleCall('items:get', { ids: [id, 'deadbeefdeadbeef'] }));
    expect(items.map((item) => item.id)).toEqual([id]);
  });

  it('refuses a batch edit naming a missing item before changing any', async () => {
    const id = firstItemId();
    const response = await services.handleCall('items:update-many', { ids: [id, 'deadbeefdeadbeef'], patch: { status: 'reviewed' } });
    expect(response).toMatchObject({ ok: false, error: { code: 'item-not-found' } });
    expect(archive.getItem(id)?.status).toBe('unread');
  });
});

describe('collections', () => {
  it('creates a collection and announces its slug', async () => {
    const events = recordEvents(services.events);
    const created = await valueOf<{ slug: string }>(services.handleCall('collections:create', { title: 'Exercises 2024' }));
    expect(archive.getCollection(created.slug)?.title).toBe('Exercises 2024');
    expect(payloadsOf(events, 'items-changed')).toEqual([{ items: [], collections: [created.slug], reset: false }]);
  });

  it('renders a collection export with its items', async () => {
    const { slug } = await valueOf<{ slug: string }>(services.handleCall('collections:create', { title: 'Report' }));
    const item = archive.listItems()[0]!;
    await valueOf(services.handleCall('collections:add-items', { slug, ids: [item.id] }));
    const options = { format: 'single', text: 'full', includeNotes: true, includeHighlights: true, includeTags: true };
    const { files } = await valueOf<{ files: { path: string; content: string }[] }>(
      services.handleCall('export:render', { source: { collection: slug }, options }),
    );
    expect(files).toHaveLength(1);
    expect(files[0]?.content).toContain('Report');
    expect(files[0]?.content).toContain(item.title);
  });
});

describe('platform', () => {
  it('answers unsupported for native dialogs in browser mode', async () => {
    const options = { format: 'single', text: 'full', includeNotes: true, includeHighlights: true, includeTags: true };
    expect(await services.handleCall('import:choose', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await services.handleCall('export:save', { source: { query: 'csto' }, options })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });

  it('records a folder export in the ledger while it runs and forgets it once written (Electron)', async () => {
    const target = join(archive.dir, '..', 'export-folder');
    const ledger = { begin: vi.fn(async () => {}), finish: vi.fn(async () => {}), recoverAll: vi.fn(async () => []) };
    const desktop = createServices(archive, {
      platform: 'electron',
      isSample: async () => false,
      exportLedger: ledger,
      dialogs: { chooseImportPaths: async () => null, chooseExportTarget: async () => target },
    });
    const options = { format: 'folder', text: 'full', includeNotes: true, includeHighlights: true, includeTags: true };
    expect(await valueOf(desktop.handleCall('export:save', { source: { query: 'csto' }, options }))).toEqual({ path: target });
    expect(ledger.begin).toHaveBeenCalledWith(target);
    expect(ledger.finish).toHaveBeenCalledWith(target);
    expect(ledger.begin.mock.invocationCallOrder[0]).toBeLessThan(ledger.finish.mock.invocationCallOrder[0] ?? 0);
    expect((await readdir(target)).length).toBeGreaterThan(1);
    await desktop.close();
  });

  it('reports the transport in archive:info', async () => {
    const info = await valueOf<{ transport: string; items: number; path: string }>(services.handleCall('archive:info', {}));
    expect(info).toMatchObject({ transport: 'web', items: archive.listItems().length, path: archive.dir });
  });
});

describe('import jobs', () => {
  const pageBase64 = async (name: string) => (await readFile(join(SEED_DIR, name))).toString('base64');

  it('imports dropped files in the background with progress, a summary and the original names', async () => {
    const events = recordEvents(services.events);
    const before = archive.listItems().length;
    const files = [{ name: 'page three.txt', base64: await pageBase64('002_0eeb045d78135ec7.txt') }];
    const { jobId } = await valueOf<{ jobId: string }>(services.handleCall('import:files', { files }));
    await services.imports.whenIdle();
    const [done] = payloadsOf(events, 'import-done');
    expect(done).toMatchObject({ jobId, cancelled: false, failed: [] });
    expect(done?.added).toBeGreaterThan(0);
    expect(done?.files.map((file) => file.file)).toEqual(['page three.txt']);
    expect(archive.listItems().length).toBe(before + (done?.added ?? 0));
    const steps = payloadsOf(events, 'import-progress').map((p) => p.step);
    expect(steps).toEqual(['listing', 'importing', 'done']);
    expect(payloadsOf(events, 'items-changed')[0]?.items.length).toBe(done?.added);
    expect(await readdir(join(archive.dir, '.annals', 'incoming'))).toEqual([]);
  });

  it('reports a file that cannot be imported under its own name and goes on', async () => {
    const events = recordEvents(services.events);
    const files = [
      { name: 'notes.pdf', base64: Buffer.from('%PDF-1.4').toString('base64') },
      { name: 'ru1.txt', base64: (await readFile(join(SEED_DIR, 'ru', 'ru1.txt'))).toString('base64') },
    ];
    await valueOf(services.handleCall('import:files', { files }));
    await services.imports.whenIdle();
    const [done] = payloadsOf(events, 'import-done');
    expect(done?.failed).toEqual([expect.objectContaining({ file: 'notes.pdf', code: 'unsupported-type' })]);
    expect(done?.added).toBeGreaterThan(0);
  });

  it('stops a cancelled job between files and says so', async () => {
    const events = recordEvents(services.events);
    const base64 = await pageBase64('003_a451cee1329377aa.txt');
    const files = ['a.txt', 'b.txt', 'c.txt'].map((name) => ({ name, base64 }));
    const { jobId } = await valueOf<{ jobId: string }>(services.handleCall('import:files', { files }));
    expect(await valueOf(services.handleCall('import:cancel', { jobId }))).toEqual({ cancelled: true });
    await services.imports.whenIdle();
    const [done] = payloadsOf(events, 'import-done');
    expect(done?.cancelled).toBe(true);
    expect(done?.files.length).toBeLessThan(3);
    expect(await valueOf(services.handleCall('import:cancel', { jobId }))).toEqual({ cancelled: false });
  });

  it('refuses bytes that are not base64', async () => {
    const response = await services.handleCall('import:files', { files: [{ name: 'a.txt', base64: '%%%not base64' }] });
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('taxonomy', () => {
  it('adds an entry, writes taxonomy.json and re-tags the items that mention it', async () => {
    const events = recordEvents(services.events);
    const result = await valueOf<{ retagged: number }>(
      services.handleCall('taxonomy:add-entry', { facet: 'organ', label: 'Chiefs of General Staff', aliases: ['chiefs of general staff'] }),
    );
    expect(result.retagged).toBeGreaterThan(0);
    const tagged = archive.listItems().filter((item) => item.autoTags.organ.includes('Chiefs of General Staff'));
    expect(tagged).toHaveLength(result.retagged);
    expect(payloadsOf(events, 'items-changed')[0]?.items.sort()).toEqual(tagged.map((item) => item.id).sort());
    const view = await valueOf<{ additions: unknown[]; labels: { organ: string[] } }>(services.handleCall('taxonomy:get', {}));
    expect(view.additions).toEqual([{ facet: 'organ', label: 'Chiefs of General Staff', aliases: ['chiefs of general staff'] }]);
    expect(view.labels.organ).toContain('Chiefs of General Staff');
  });

  it('refuses an alias for a label the taxonomy lacks, and a malformed alias, writing nothing', async () => {
    expect(await services.handleCall('taxonomy:add-alias', { facet: 'state', label: 'Atlantis', alias: 'Atlantida' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const malformed = await services.handleCall('taxonomy:add-alias', { facet: 'state', label: 'Armenia', alias: 'Arm{en' });
    expect(malformed.ok ? '' : malformed.error.code).toMatch(/^taxonomy-/);
    await expect(readFile(join(archive.dir, 'taxonomy.json'))).rejects.toThrow();
  });
});
