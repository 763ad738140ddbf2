// The Api over HTTP, for browser mode (main/web): POST /api/<channel> answers an ApiResponse, and
// GET /api/events streams ApiEvents as Server-Sent Events. The per-run token normally travels in
// the HttpOnly cookie the server set when the page was opened; a token still in the page's address
// is sent as a Bearer header instead.
import {
  API_EVENTS,
  type AnnalsApi,
  type ApiChannel,
  type ApiEventName,
  type ApiEvents,
  type ApiResponse,
  type ApiResultOf,
} from '../../../shared/api-contract';

/** The part of EventSource the client uses (injectable for tests). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

export interface HttpApiOptions {
  /** Origin (and path prefix) of the server; default: the page's own origin. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer`; when absent the cookie carries the token. */
  token?: string | null;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
}

/** The token in a page address's query (`?token=…`), or null. */
export function readPageToken(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token && /^[0-9a-f]{16,128}$/.test(token) ? token : null;
}

function unavailable(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}

function isApiResponse(value: unknown): value is ApiResponse<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  return ok === true || (ok === false && typeof (value as { error?: { code?: unknown } }).error?.code === 'string');
}

type Listener = (payload: never) => void;

/** Creates the browser-mode client of the Api. */
export function createHttpApi(options: HttpApiOptions = {}): AnnalsApi {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const openStream = options.createEventSource ?? ((url: string) => new EventSource(url, { withCredentials: false }));
  const listeners = new Map<ApiEventName, Set<Listener>>();
  let stream: EventSourceLike | null = null;

  function dispatch(event: ApiEventName, payload: unknown): void {
    for (const listener of [...(listeners.get(event) ?? [])]) (listener as (p: unknown) => void)(payload);
  }

  function ensureStream(): void {
    if (stream) return;
    const source = openStream(`${base}/api/events`);
    let hasOpened = false;
    source.addEventListener('open', () => {
      // Events sent while the stream was down are lost: tell the renderer to resynchronise.
      if (hasOpened) dispatch('items-changed', { items: [], collections: [], reset: true } satisfies ApiEvents['items-changed']);
      hasOpened = true;
    });
    for (const name of API_EVENTS) {
      source.addEventListener(name, (event) => {
        if (typeof event.data !== 'string') return;
        try {
          dispatch(name, JSON.parse(event.data));
        } catch {
          // A malformed event is dropped rather than crashing every listener.
        }
      });
    }
    stream = source;
  }

  return {
    async call<C extends ApiChannel>(channel: C, args: unknown): Promise<ApiResponse<ApiResultOf<C>>> {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      let response: Response;
      try {
        response = await doFetch(`${base}/api/${channel}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(args ?? {}),
          credentials: 'same-origin',
        });
      } catch (error) {
        return unavailable(`Annals cannot be reached (${error instanceof Error ? error.message : String(error)})`);
      }
      const body: unknown = await response.json().catch(() => null);
      if (isApiResponse(body)) return body as ApiResponse<ApiResultOf<C>>;
      if (response.status === 401) return { ok: false, error: { code: 'forbidden', message: 'this page is not signed in to Annals: open the address Annals printed' } };
      return unavailable(`Annals answered ${response.status} ${response.statusText}`);
    },
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      ensureStream();
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
