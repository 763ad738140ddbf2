import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API } from '../shared/api';
import type { Archive } from './archive';
import { type HandleCall, forwardEvents, isTrustedPageUrl, registerApi } from './ipc';
import { createEventHub } from './services/events';
import { type Services, createServices } from './services';
import { hashTree } from './archive/testing/hash-tree';
import { createTestArchive, recordEvents } from './services/test-support';

// Never load the real module: it would try to download the Electron binary.
vi.mock('electron', () => ({}));

const page = { pageUrl: 'app://annals/index.html' };
const trustedFrame = { url: `${page.pageUrl}#/reader`, parent: null };

type Registered = (event: unknown, args: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Registered>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Registered) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

function invoke(ipc: ReturnType<typeof fakeIpcMain>, channel: string, frame: unknown, args: unknown) {
  const handler = ipc.handlers.get(channel);
  if (!handler) throw new Error(`${channel} is not registered`);
  return handler({ senderFrame: frame, sender: { id: 1 } }, args);
}

describe('registerApi', () => {
  it('registers every channel of the contract, and removes them all', () => {
    const ipc = fakeIpcMain();
    const unregister = registerApi(ipc, vi.fn(), { page });
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(API).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('refuses a foreign, destroyed or embedded sender without calling the services', async () => {
    const ipc = fakeIpcMain();
    const handleCall = vi.fn<HandleCall>();
    registerApi(ipc, handleCall, { page });
    const foreign = [
      null,
      { url: 'https://evil.example/index.html', parent: null },
      { url: pathToFileURL('/tmp/downloaded/index.html').href, parent: null },
      { url: trustedFrame.url, parent: { url: 'https://evil.example/' } },
      { url: 'not a url', parent: null },
    ];
    for (const frame of foreign) {
      expect(await invoke(ipc, 'items:update', frame, { id: 'abcdef12', patch: { note: 'x' } })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(handleCall).not.toHaveBeenCalled();
  });

  it('refuses foreign senders on every channel of the contract, before any argument is read', async () => {
    const ipc = fakeIpcMain();
    const handleCall = vi.fn<HandleCall>();
    registerApi(ipc, handleCall, { page });
    const frames = [null, { url: 'https://evil.example/', parent: null }, { url: trustedFrame.url, parent: trustedFrame }];
    let refused = 0;
    for (const channel of Object.keys(API)) {
      for (const frame of frames) {
        const answer = await invoke(ipc, channel, frame, { get id() { throw new Error('arguments were read'); } });
        expect(answer, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        refused += 1;
      }
    }
    expect(handleCall).not.toHaveBeenCalled();
    console.log(`[ipc-senders] channels=${Object.keys(API).length} refused=${refused} reached-services=0`);
  });

  it('passes a call from the app page to the services with the sender as owner', async () => {
    const ipc = fakeIpcMain();
    const handleCall = vi.fn<HandleCall>().mockResolvedValue({ ok: true, value: 'done' });
    registerApi(ipc, handleCall, { page, ownerOf: (sender) => ({ windowOf: sender }) });
    expect(await invoke(ipc, 'archive:info', trustedFrame, {})).toEqual({ ok: true, value: 'done' });
    expect(handleCall).toHaveBeenCalledWith('archive:info', {}, { owner: { windowOf: { id: 1 } } });
  });

  describe('with the real services', () => {
    let archive: Archive;
    let services: Services;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ archive, cleanup } = await createTestArchive([]));
      services = createServices(archive, { platform: 'electron', isSample: async () => false });
    });
    afterEach(() => cleanup());

    it('answers bad-request for invalid arguments without reaching the archive', async () => {
      const ipc = fakeIpcMain();
      registerApi(ipc, services.handleCall, { page });
      const create = vi.spyOn(archive, 'createCollection');
      expect(await invoke(ipc, 'collections:create', trustedFrame, { title: '   ' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(await invoke(ipc, 'collections:create', trustedFrame, 'not an object')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      expect(create).not.toHaveBeenCalled();
    });

    it('answers bad-request on every channel for arguments of the wrong shape, changing nothing on disk', async () => {
      const ipc = fakeIpcMain();
      registerApi(ipc, services.handleCall, { page });
      const events = recordEvents(services.events);
      const before = await hashTree(archive.dir);
      const invalid: unknown[] = ['a string', 42, [1, 2], { unexpected: true, id: '../../etc/passwd', ids: 'x', slug: 7 }];
      let rejected = 0;
      for (const channel of Object.keys(API)) {
        for (const args of invalid) {
          expect(await invoke(ipc, channel, trustedFrame, args), `${channel} ${JSON.stringify(args)}`).toMatchObject({
            ok: false,
            error: { code: 'bad-request' },
          });
          rejected += 1;
        }
      }
      expect(await hashTree(archive.dir)).toBe(before);
      expect(events).toEqual([]);
      console.log(`[ipc-arguments] channels=${Object.keys(API).length} rejected=${rejected} files-changed=0 events=0`);
    });
  });
});

describe('isTrustedPageUrl', () => {
  it('accepts the dev server origin only when one is configured', () => {
    expect(isTrustedPageUrl('http://localhost:5173/', page)).toBe(false);
    expect(isTrustedPageUrl('http://localhost:5173/', { ...page, devOrigin: 'http://localhost:5173' })).toBe(true);
    expect(isTrustedPageUrl('http://localhost:5174/', { ...page, devOrigin: 'http://localhost:5173' })).toBe(false);
  });

  it('accepts exactly the app page, whatever its fragment, and nothing that merely shares its opaque origin', () => {
    expect(isTrustedPageUrl('app://annals/index.html', page)).toBe(true);
    expect(isTrustedPageUrl('app://annals/index.html?x=1#/reader', page)).toBe(true);
    const refused = [
      'app://annals/other.html',
      'app://evil/index.html',
      'app://user:pw@annals/index.html',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'javascript:alert(1)',
      'file:///opt/Annals/resources/app/out/renderer/index.html',
      'not a url',
    ];
    for (const url of refused) expect(isTrustedPageUrl(url, page), url).toBe(false);
    // A dev origin never lets an opaque-origin page in, even if someone configured "null".
    expect(isTrustedPageUrl('data:text/html,x', { ...page, devOrigin: 'app://annals' })).toBe(false);
  });
});

describe('forwardEvents', () => {
  it('sends each event on its own name to live windows only', () => {
    const hub = createEventHub();
    const live = { send: vi.fn(), isDestroyed: () => false };
    const closed = { send: vi.fn(), isDestroyed: () => true };
    const stop = forwardEvents(hub, () => [live, closed]);
    hub.emit('items-changed', { items: ['abc'], collections: [], reset: false });
    expect(live.send).toHaveBeenCalledWith('items-changed', { items: ['abc'], collections: [], reset: false });
    expect(closed.send).not.toHaveBeenCalled();
    stop();
    hub.emit('menu', { action: 'export' });
    expect(live.send).toHaveBeenCalledTimes(1);
  });
});
