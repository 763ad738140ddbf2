// The Api on Electron's IPC (DESIGN §8): every channel of shared/api.ts is registered by one loop, a
// call is answered only when it comes from the app's own page, and main's events are forwarded to the
// windows on the same names. Electron objects are parameters so this runs under test without Electron.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { API } from '../shared/api';
import type { ApiChannel, ApiResponse } from '../shared/api-contract';
import type { CallContext, EventHub } from './services';

export type HandleCall = (channel: string, rawArgs: unknown, context?: CallContext) => Promise<ApiResponse<unknown>>;

/** Where the app's page is loaded from: app://annals/index.html, or electron-vite's dev server. */
export interface TrustedPage {
  /** The exact URL of the app's page (app://annals/index.html; tests may use a file:// URL). */
  pageUrl: string;
  /** Origin of the dev server (ELECTRON_RENDERER_URL) when running `electron-vite dev`. */
  devOrigin?: string | null;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when a frame at `url` shows the app's own page: the same scheme, host and path as the page
 * (query and fragment aside), or an http(s) page of the dev server's origin. Compared part by part,
 * not by origin: Node gives every app:// or data: URL the same opaque origin "null".
 */
export function isTrustedPageUrl(url: string, page: TrustedPage): boolean {
  const parsed = parseUrl(url);
  const expected = parseUrl(page.pageUrl);
  if (!parsed || !expected) return false;
  const isPage =
    parsed.protocol === expected.protocol &&
    parsed.host === expected.host &&
    parsed.pathname === expected.pathname &&
    !parsed.username &&
    !parsed.password;
  if (isPage) return true;
  const dev = page.devOrigin ? parseUrl(page.devOrigin) : null;
  return dev !== null && /^https?:$/.test(parsed.protocol) && parsed.origin === dev.origin;
}

const FORBIDDEN: ApiResponse<never> = { ok: false, error: { code: 'forbidden', message: 'calls are accepted only from the Annals window' } };

type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/** Whether a call comes from the top frame of the app's own page; a destroyed frame (null) never does. */
export function isTrustedSender(event: InvokeEvent, page: TrustedPage): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isTrustedPageUrl(frame.url, page);
}

/**
 * Registers every Api channel on ipcMain. `ownerOf` turns the sender into the dialogs' parent window.
 * Returns the function that removes the handlers.
 */
export function registerApi(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handleCall: HandleCall,
  options: { page: TrustedPage; ownerOf?: (sender: WebContents) => unknown },
): () => void {
  const channels = Object.keys(API) as ApiChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, (event: InvokeEvent, rawArgs: unknown) => {
      if (!isTrustedSender(event, options.page)) return FORBIDDEN;
      return handleCall(channel, rawArgs, { owner: options.ownerOf?.(event.sender) });
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Sends every event of the hub to the live windows, on the event's own name. */
export function forwardEvents(events: EventHub, targets: () => Pick<WebContents, 'send' | 'isDestroyed'>[]): () => void {
  return events.subscribe((event, payload) => {
    for (const target of targets()) if (!target.isDestroyed()) target.send(event, payload);
  });
}
