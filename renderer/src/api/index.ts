// The renderer's only door to main. In Electron the preload exposes the Api as window.annals; in
// browser mode (npm run web) the same interface runs over HTTP. The UI calls callApi/onApiEvent and
// never knows which transport carries them (DESIGN §8).
import type {
  AnnalsApi,
  ApiArgs,
  ApiChannel,
  ApiEventName,
  ApiEvents,
  ApiResponse,
  ApiResultOf,
} from '../../../shared/api-contract';
import { ApiCallError } from './api-call-error';
import { createHttpApi, readPageToken } from './http-api';

export { ApiCallError, isApiCallError } from './api-call-error';
export { createHttpApi, readPageToken, type HttpApiOptions, type EventSourceLike } from './http-api';
export type {
  AnnalsApi,
  ApiArgs,
  ApiChannel,
  ApiError,
  ApiErrorCode,
  ApiEventName,
  ApiEvents,
  ApiResponse,
  ApiResultOf,
  ArchiveInfo,
  ExportOptionsInput,
  ExportSourceInput,
  ImportSummary,
  ItemPatchInput,
  MenuAction,
  Revision,
  TaxonomyView,
} from '../../../shared/api-contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    annals?: AnnalsApi;
  }
}

let current: AnnalsApi | null = null;

function pickApi(): AnnalsApi {
  const bridge = typeof window === 'undefined' ? undefined : window.annals;
  if (bridge && typeof bridge.call === 'function' && typeof bridge.on === 'function') return bridge;
  const token = typeof location === 'undefined' ? null : readPageToken(location.search);
  return createHttpApi({ token });
}

/** The Api: window.annals in Electron, else the HTTP client of browser mode. Chosen once. */
export function getApi(): AnnalsApi {
  current ??= pickApi();
  return current;
}

/** Replaces the Api (tests, storybook-like previews); pass null to pick again on next use. */
export function setApi(api: AnnalsApi | null): void {
  current = api;
}

/** Arguments of a channel; optional when the channel takes none. */
export type CallArgs<C extends ApiChannel> = Record<string, never> extends ApiArgs<C> ? [args?: ApiArgs<C>] : [args: ApiArgs<C>];

/** Calls a method and answers its value; a failure throws ApiCallError with the Api's code. */
export async function callApi<C extends ApiChannel>(channel: C, ...rest: CallArgs<C>): Promise<ApiResultOf<C>> {
  const response = await callApiRaw(channel, ...rest);
  if (!response.ok) throw new ApiCallError(response.error);
  return response.value;
}

/** Calls a method and answers the envelope itself (never throws). */
export async function callApiRaw<C extends ApiChannel>(channel: C, ...rest: CallArgs<C>): Promise<ApiResponse<ApiResultOf<C>>> {
  const args = (rest[0] ?? {}) as ApiArgs<C>;
  try {
    return await getApi().call(channel, args);
  } catch (error) {
    return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Subscribes to an event main pushes; returns the unsubscribe function. */
export function onApiEvent<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  return getApi().on(event, listener);
}
