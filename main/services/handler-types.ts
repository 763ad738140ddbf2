// Types shared by the handler groups: one handler per Api channel, and what every handler may use.
import type { ApiArgs, ApiChannel, ApiResultOf } from '../../shared/api';
import type { Archive } from '../archive';
import type { ExportLedger } from '../export';
import type { ImportJobs } from './import-jobs';

export type Platform = 'electron' | 'web';

/** Native dialogs (Electron only); `owner` is the window the call came from, for modality. */
export interface Dialogs {
  /** Files and folders to import, or null when the user cancels. */
  chooseImportPaths(owner: unknown): Promise<string[] | null>;
  /** Where to write an export (a file for 'single', a folder for 'folder'), or null when cancelled. */
  chooseExportTarget(owner: unknown, request: { format: 'single' | 'folder'; suggestedName: string }): Promise<string | null>;
}

/** What a transport knows about a call: the window it came from (Electron), if any. */
export interface CallContext {
  owner?: unknown;
}

export type Handler<C extends ApiChannel> = (args: ApiArgs<C>, context: CallContext) => Promise<ApiResultOf<C>>;
export type Handlers = { [C in ApiChannel]: Handler<C> };

export interface HandlerContext {
  platform: Platform;
  archive(): Archive;
  isSample(archive: Archive): Promise<boolean>;
  /** Runs an item edit under the write lock; ids passed to `touch` are announced as changed, even if the task fails later. */
  editItems<T>(task: (archive: Archive, touch: (id: string) => void) => Promise<T>): Promise<T>;
  /** Runs a collection edit under the write lock and announces the collection as changed. */
  editCollection<T>(slug: string | ((result: T) => string), task: (archive: Archive) => Promise<T>): Promise<T>;
  /** Runs a re-tagging change under the write lock and announces every item it changed. */
  retag(task: (archive: Archive) => Promise<number>): Promise<{ retagged: number }>;
  imports: ImportJobs;
  dialogs: Dialogs | null;
  exportLedger: ExportLedger | null;
  now(): Date;
}
