import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnnalsApi } from '../../../shared/api-contract';
import { ApiCallError, callApi, callApiRaw, createHttpApi, isApiCallError, onApiEvent, readPageToken, setApi } from './index';
import type { EventSourceLike } from './http-api';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  fire(type: string, data?: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

afterEach(() => setApi(null));

describe('createHttpApi', () => {
  it('posts the arguments as JSON to /api/<channel>, with the page token as Bearer when it has one', async () => {
    const fetch = vi.fn().mockResolvedValue(jsonResponse({ ok: true, value: { items: 3 } }));
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:9/', token: 'ab'.repeat(32), fetch });
    expect(await api.call('items:get', { ids: ['abcdef12'] })).toEqual({ ok: true, value: { items: 3 } });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://127.0.0.1:9/api/items:get');
    expect(init).toMatchObject({ method: 'POST', body: '{"ids":["abcdef12"]}', credentials: 'same-origin' });
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', Authorization: `Bearer ${'ab'.repeat(32)}` });
    await createHttpApi({ fetch }).call('archive:info', {});
    expect(fetch.mock.calls[1]?.[1].headers.Authorization).toBeUndefined();
  });

  it('answers unavailable when the server cannot be reached, and forbidden when not signed in', async () => {
    const down = createHttpApi({ fetch: vi.fn().mockRejectedValue(new TypeError('fetch failed')) });
    expect(await down.call('archive:info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const signedOut = createHttpApi({ fetch: vi.fn().mockResolvedValue(new Response('no', { status: 401 })) });
    expect(await signedOut.call('archive:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const broken = createHttpApi({ fetch: vi.fn().mockResolvedValue(new Response('<html>', { status: 502, statusText: 'Bad Gateway' })) });
    expect(await broken.call('archive:info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('delivers events from one stream, asks for a resync after a reconnect, and unsubscribes', () => {
    const streams: FakeEventSource[] = [];
    const api = createHttpApi({
      createEventSource: (url) => {
        const stream = new FakeEventSource(url);
        streams.push(stream);
        return stream;
      },
    });
    const changes: unknown[] = [];
    const off = api.on('items-changed', (payload) => changes.push(payload));
    api.on('import-done', () => undefined);
    expect(streams.map((stream) => stream.url)).toEqual(['/api/events']);
    const stream = streams[0]!;
    stream.fire('open');
    stream.fire('items-changed', '{"items":["a"],"collections":[],"reset":false}');
    stream.fire('items-changed', '{broken');
    stream.fire('open');
    expect(changes).toEqual([
      { items: ['a'], collections: [], reset: false },
      { items: [], collections: [], reset: true },
    ]);
    off();
    stream.fire('items-changed', '{"items":["b"],"collections":[],"reset":false}');
    expect(changes).toHaveLength(2);
  });
});

describe('readPageToken', () => {
  it('reads a hex token from the query and ignores anything else', () => {
    expect(readPageToken(`?token=${'0f'.repeat(32)}&x=1`)).toBe('0f'.repeat(32));
    expect(readPageToken('?token=<script>')).toBeNull();
    expect(readPageToken('')).toBeNull();
  });
});

describe('callApi', () => {
  function fakeApi(response: unknown): AnnalsApi {
    return { call: vi.fn().mockResolvedValue(response), on: vi.fn().mockReturnValue(() => undefined) } as unknown as AnnalsApi;
  }

  it('answers the value, and throws ApiCallError with the code on failure', async () => {
    setApi(fakeApi({ ok: true, value: { slug: 'report' } }));
    expect(await callApi('collections:delete', { slug: 'report' })).toEqual({ slug: 'report' });
    setApi(fakeApi({ ok: false, error: { code: 'collection-not-found', message: 'no collection "report"' } }));
    const error = await callApi('collections:delete', { slug: 'report' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(isApiCallError(error, 'collection-not-found')).toBe(true);
    expect((error as ApiCallError).message).toBe('no collection "report"');
  });

  it('sends {} for a channel without arguments and never rejects in callApiRaw', async () => {
    const api = fakeApi({ ok: true, value: null });
    setApi(api);
    await callApi('archive:info');
    expect(api.call).toHaveBeenCalledWith('archive:info', {});
    setApi({ call: vi.fn().mockRejectedValue(new Error('gone')), on: vi.fn() } as unknown as AnnalsApi);
    expect(await callApiRaw('archive:info')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('subscribes through the chosen Api', () => {
    const api = fakeApi(null);
    setApi(api);
    const listener = () => undefined;
    onApiEvent('menu', listener);
    expect(api.on).toHaveBeenCalledWith('menu', listener);
  });
});
