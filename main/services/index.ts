// The Api's implementation over an archive (DESIGN §8): one handler per channel of shared/api.ts,
// shared by both transports (main/ipc.ts for Electron, main/web for browser mode). `handleCall`
// validates the arguments, runs the handler and always answers an ApiResponse: it never throws.
import { type ApiResponse, isApiChannel, validateArgs } from '../../shared/api';
import type { Archive } from '../archive';
import { createCollectionHandlers } from './collection-handlers';
import { toApiError } from './errors';
import type { ExportLedger } from '../export';
import { type EventHub, createEventHub } from './events';
import type { CallContext, Dialogs, HandlerContext, Handlers, Platform } from './handler-types';
import { type ImportJobs, createImportJobs } from './import-jobs';
import { createItemHandlers } from './item-handlers';
import { createOutsideEdits } from './outside-edits';
import { createEditRunners } from './edit-runners';
import { type SampleDetector, createSampleDetector } from './sample-detector';
import { createTransferHandlers } from './transfer-handlers';
import { createWriteLock } from './write-lock';

export type { CallContext, Dialogs, Handler, Handlers, Platform } from './handler-types';
export type { EventHub, EventSink } from './events';
export { ServiceError, toApiError } from './errors';

export interface ServiceOptions {
  platform: Platform;
  /** Native dialogs; required for import:choose and export:save (Electron). */
  dialogs?: Dialogs;
  now?: () => Date;
  isSample?: SampleDetector;
  /** Where unexpected errors are logged (default console.error). */
  log?: (message: string, error: unknown) => void;
  /** Watch the archive folder and announce outside edits (the app); off for tests and the CLI. */
  isArchiveWatched?: boolean;
  /** Records folder exports until they finish, so a crash mid-export is put right at the next start (the app). */
  exportLedger?: ExportLedger;
}

export interface Services {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly imports: ImportJobs;
  /** The archive the services work on. */
  archive(): Archive;
  /** Switches to another archive (Open archive…): running imports are cancelled, the renderer resets. */
  setArchive(archive: Archive): Promise<void>;
  /** Validates and runs one call; never throws. */
  handleCall(channel: string, rawArgs: unknown, context?: CallContext): Promise<ApiResponse<unknown>>;
  /** Resolves once the archive folder is watched for outside edits (at once when it is not watched). */
  whenWatching(): Promise<void>;
  /** Stops watching the archive folder. */
  close(): Promise<void>;
}

export function createServices(initial: Archive, options: ServiceOptions): Services {
  let current = initial;
  const events = createEventHub();
  const lock = createWriteLock();
  const imports = createImportJobs({ getArchive: () => current, lock, events });
  const outside = options.isArchiveWatched ? createOutsideEdits(events) : null;
  void outside?.follow(initial);
  // A conflict copy kept while saving is the user's to merge: they are told at once.
  const reportConflicts = (archive: Archive) => archive.onConflict((conflict) => events.emit('conflict', conflict));
  let stopConflicts = reportConflicts(initial);
  const context: HandlerContext = {
    platform: options.platform,
    archive: () => current,
    isSample: options.isSample ?? createSampleDetector(),
    dialogs: options.dialogs ?? null,
    exportLedger: options.exportLedger ?? null,
    imports,
    now: options.now ?? (() => new Date()),
    ...createEditRunners(lock, () => current, events),
  };
  const handlers: Handlers = {
    ...createItemHandlers(context),
    ...createCollectionHandlers(context),
    ...createTransferHandlers(context),
  };

  async function handleCall(channel: string, rawArgs: unknown, callContext: CallContext = {}): Promise<ApiResponse<unknown>> {
    if (!isApiChannel(channel)) return { ok: false, error: { code: 'bad-request', message: `unknown method "${channel}"` } };
    const args = validateArgs(channel, rawArgs);
    if (!args.ok) return args;
    try {
      const handler = handlers[channel] as (args: unknown, context: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(args.value, callContext) };
    } catch (error) {
      return { ok: false, error: toApiError(error, options.log) };
    }
  }

  return {
    handlers,
    events,
    imports,
    archive: () => current,
    async setArchive(archive) {
      imports.cancelAll();
      await imports.whenIdle();
      const previous = current;
      current = await lock.run(async () => archive);
      stopConflicts();
      stopConflicts = reportConflicts(archive);
      // The old archive's write lock goes: another instance or the CLI may now write it.
      if (previous !== archive && previous.dir !== archive.dir) await previous.close();
      await outside?.follow(archive);
      events.emit('items-changed', { items: [], collections: [], reset: true });
    },
    handleCall,
    whenWatching: async () => outside?.whenWatching(),
    close: async () => outside?.close(),
  };
}
