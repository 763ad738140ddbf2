import { beforeEach, describe, expect, it, vi } from 'vitest';

// vi.mock is hoisted above the imports: the preload gets these fakes, never the real Electron.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

interface Exposed {
  call(channel: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

async function loadPreload(): Promise<Exposed> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('./preload');
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('annals');
  return api as Exposed;
}

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
  electron.ipcRenderer.on.mockReset();
  electron.ipcRenderer.removeListener.mockReset();
});

describe('preload', () => {
  it('exposes exactly call and on, frozen', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards a declared channel and refuses an undeclared one without sending it', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 1 });
    expect(await api.call('archive:info', {})).toEqual({ ok: true, value: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('archive:info', {});
    for (const channel of ['fs:read', '__proto__', 'constructor', 'toString']) {
      expect(await api.call(channel, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('answers unavailable instead of rejecting when main does not answer', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockRejectedValue(new Error('No handler registered'));
    expect(await api.call('archive:info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('subscribes to declared events only, hands the listener the payload alone, and unsubscribes', async () => {
    const api = await loadPreload();
    expect(() => api.on('ipc-internal', () => undefined)).toThrow(/unknown event/);
    const seen: unknown[] = [];
    const off = api.on('items-changed', (payload) => seen.push(payload));
    const [name, wrapped] = electron.ipcRenderer.on.mock.calls[0] ?? [];
    expect(name).toBe('items-changed');
    (wrapped as (event: unknown, payload: unknown) => void)({ sender: 'ipcRenderer itself' }, { reset: true });
    expect(seen).toEqual([{ reset: true }]);
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('items-changed', wrapped);
  });
});
