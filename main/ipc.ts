// The Api on Electron's IPC (DESIGN §8): every channel of shared/api.ts is registered by one loop, a
// call is answered only when it comes from the app's own page, and main's events are forwarded to the
// windows on the same names. Electron objects are parameters so this runs under test without Electron.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { API } from '../shared/api';
import type { ApiChannel, ApiResponse } from '../shared/api-contract';
import type { CallContext, EventHub } from './services';

export type HandleCall = (channel: string, rawArgs: unknown, context?: CallContext) => Promise<ApiResponse<unknown>>;

/** Where the app's page is loaded from: the built file, or electron-vite's dev server. */
export interface TrustedPage {
  /** file:// URL of out/renderer/index.html. */
  fileUrl: string;
  /** Origin of the dev server (ELECTRON_RENDERER_URL) when running `electron-vite dev`. */
  devOrigin?: string | null;
}

/** True when a frame at `url` is the app's own page (same file, or the dev server's origin). */
export function isTrustedPageUrl(url: string, page: TrustedPage): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    const expected = new URL(page.fileUrl);
    return expected.protocol === 'file:' && parsed.host === expected.host && parsed.pathname === expected.pathname;
  }
  return Boolean(page.devOrigin) && parsed.origin === new URL(page.devOrigin as string).origin;
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
