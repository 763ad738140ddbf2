// The bridge between the renderer and main as main sees it: the contract (shared/api-contract.ts:
// channel and event names, every type) plus the zod schemas main validates arguments with. Electron
// IPC (main/ipc.ts, main/preload.ts) and browser mode (main/web/) both derive from this table. The
// renderer imports shared/api-contract.ts instead, so zod stays out of its bundle.
import { z } from 'zod';
import { type ApiArgs, type ApiChannel, type ApiError, type ApiTable, defineApi } from './api-contract';

export * from './api-contract';

/** Every operation the UI needs, with its argument schema. The key is the channel name on both transports. */
export const API: ApiTable = defineApi(z);

/** Validates a call's arguments against its schema: the value, or a bad-request error naming the problem. */
export function validateArgs<C extends ApiChannel>(
  channel: C,
  args: unknown,
): { ok: true; value: ApiArgs<C> } | { ok: false; error: ApiError } {
  const schema = isApiChannel(channel) ? API[channel].args : undefined;
  if (!schema) return { ok: false, error: { code: 'bad-request', message: `unknown method "${String(channel)}"` } };
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ApiArgs<C> };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: { code: 'bad-request', message: `${channel}: ${issue?.message ?? 'invalid arguments'}${where}` } };
}

/** True when the string names a declared method. */
export function isApiChannel(name: string): name is ApiChannel {
  return Object.prototype.hasOwnProperty.call(API, name);
}
