// The typed messages between the UI thread and the search worker.
import type { SearchDoc, SearchOptions, SearchResult } from '../../../shared/search/index';

export type WorkerRequestBody =
  | { type: 'version' }
  | { type: 'load'; bytes: Uint8Array }
  | { type: 'load-saved'; database: string }
  | { type: 'rebuild'; docs: SearchDoc[] }
  | { type: 'apply'; upserts: SearchDoc[]; removes: string[] }
  | { type: 'serialize' }
  | { type: 'search'; query: string; options: SearchOptions };

/** What each request answers. */
export interface WorkerReplies {
  version: number;
  load: boolean;
  'load-saved': boolean;
  rebuild: null;
  apply: null;
  serialize: Uint8Array;
  search: SearchResult;
}

export type WorkerRequest = WorkerRequestBody & { id: number };

export type WorkerResponse =
  | { id: number; ok: true; value: WorkerReplies[keyof WorkerReplies] }
  | { id: number; ok: false; error: { code: string; message: string } };
