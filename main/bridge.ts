// The renderer-side half of the IPC transport, built over an ipcRenderer-like object so it is tested
// without Electron. preload.ts exposes the result as window.annals.
import type { IpcRenderer } from 'electron';
import { isApiChannel } from '../shared/api';
import { type AnnalsApi, type ApiResponse, isApiEvent } from '../shared/api-contract';

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function failure(code: string, message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}

/** { call, on } over IPC; undeclared channels and events are refused before anything is sent. */
export function createBridge(ipc: Ipc): AnnalsApi {
  const bridge = {
    async call(channel: string, args: unknown): Promise<ApiResponse<unknown>> {
      if (typeof channel !== 'string' || !isApiChannel(channel)) return failure('bad-request', `unknown method "${String(channel)}"`);
      try {
        return (await ipc.invoke(channel, args)) as ApiResponse<unknown>;
      } catch (error) {
        return failure('unavailable', `Annals main process did not answer (${error instanceof Error ? error.message : String(error)})`);
      }
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || !isApiEvent(event)) throw new Error(`unknown event "${String(event)}"`);
      if (typeof listener !== 'function') throw new Error('a listener must be a function');
      // The IPC event object stays here: it would hand the page ipcRenderer itself.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  };
  return Object.freeze(bridge) as AnnalsApi;
}
