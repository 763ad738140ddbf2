// The bridge between the renderer and main, declared once. Electron IPC (main/ipc.ts, main/preload.ts)
// and browser mode (main/web/) both derive from this table: channel names exist only here, every
// argument is validated in main against these schemas, and every call answers with a result or a
// typed error whose `code` the UI branches on.
import { z } from 'zod';
import type { Collection, Item } from './model';

const facet = z.enum(['state', 'organ', 'exercise', 'person']);
const label = z.string().trim().min(1).max(200);
const id = z.string().regex(/^[0-9a-f]{8,64}$/, 'an item id is lower-case hex');
const ids = z.array(id).max(100_000);
const slug = z.string().min(1).max(200).regex(/^[\p{L}\p{N}-]+$/u, 'a collection slug is letters, digits and hyphens');
const partialTags = z.object({
  state: z.array(label).max(100).optional(),
  organ: z.array(label).max(100).optional(),
  exercise: z.array(label).max(100).optional(),
  person: z.array(label).max(100).optional(),
});
const highlight = z.object({
  quote: z.string().min(1).max(20_000),
  start: z.number().int().min(0),
  comment: z.string().max(20_000),
});
const itemPatch = z.object({
  addTags: partialTags.optional(),
  removeTags: partialTags.optional(),
  note: z.string().max(200_000).optional(),
  highlights: z.array(highlight).max(10_000).optional(),
  status: z.enum(['unread', 'reviewed', 'starred']).optional(),
});
const exportSource = z.union([
  z.object({ collection: slug }),
  z.object({ query: z.string().max(2_000) }),
]);
const exportOptions = z.object({
  format: z.enum(['single', 'folder']),
  text: z.enum(['full', 'excerpt', 'none']),
  includeNotes: z.boolean(),
  includeHighlights: z.boolean(),
  includeTags: z.boolean(),
});
/** A file handed over by the renderer (drag and drop, browser upload): a name and its bytes. */
const droppedFile = z.object({
  name: z.string().min(1).max(1_000),
  /** base64 of the file's bytes; 50 MB at most once decoded. */
  base64: z.string().max(70_000_000),
});
const none = z.object({}).strict();

export type ItemPatchInput = z.infer<typeof itemPatch>;
export type ExportSourceInput = z.infer<typeof exportSource>;
export type ExportOptionsInput = z.infer<typeof exportOptions>;

/** Revision of an item or collection file: changes whenever its content changes. */
export interface Revision {
  key: string;
  rev: string;
}

export interface ArchiveInfo {
  path: string;
  items: number;
  collections: number;
  isSample: boolean;
  /** 'electron' or 'web': what the renderer may ask of the platform (native dialogs or downloads). */
  transport: 'electron' | 'web';
}

export interface ImportSummary {
  jobId: string;
  added: number;
  merged: number;
  duplicates: number;
  failed: { file: string; code: string; message: string }[];
  files: { file: string; added: number; merged: number; duplicates: number; error?: { code: string; message: string } }[];
  cancelled: boolean;
}

export interface TaxonomyView {
  labels: Record<'state' | 'organ' | 'exercise' | 'person', string[]>;
  /** The user's additions, as stored in the archive's taxonomy.json. */
  additions: { facet: string; label: string; aliases: string[] }[];
}

/** What a method takes (validated in main) and what it answers. */
interface Method<A extends z.ZodType, R> {
  args: A;
  /** Phantom: carries the result type. */
  result?: R;
}
function method<R>() {
  return <A extends z.ZodType>(args: A): Method<A, R> => ({ args });
}

/** Every operation the UI needs. The key is the channel name on both transports. */
export const API = {
  'archive:info': method<ArchiveInfo>()(none),
  'archive:revisions': method<{ items: Revision[]; collections: Revision[] }>()(none),
  'items:get': method<Item[]>()(z.object({ ids })),
  'items:update': method<Item>()(z.object({ id, patch: itemPatch })),
  'items:update-many': method<Item[]>()(z.object({ ids, patch: itemPatch })),
  'collections:get': method<Collection[]>()(z.object({ slugs: z.array(slug).max(10_000) })),
  'collections:create': method<Collection>()(z.object({ title: label, intro: z.string().max(200_000).optional() })),
  'collections:rename': method<Collection>()(z.object({ slug, title: label })),
  'collections:delete': method<{ slug: string }>()(z.object({ slug })),
  'collections:add-items': method<Collection>()(z.object({ slug, ids, position: z.number().int().min(0).optional() })),
  'collections:remove-items': method<Collection>()(z.object({ slug, ids })),
  'collections:reorder': method<Collection>()(z.object({ slug, ids })),
  'collections:set-entry-note': method<Collection>()(z.object({ slug, id, note: z.string().max(200_000) })),
  'collections:set-intro': method<Collection>()(z.object({ slug, intro: z.string().max(200_000) })),
  'import:files': method<{ jobId: string }>()(z.object({ files: z.array(droppedFile).min(1).max(10_000) })),
  /** Electron only: main shows the open dialog itself, so no path ever comes from the renderer. */
  'import:choose': method<{ jobId: string } | null>()(none),
  'import:cancel': method<{ cancelled: boolean }>()(z.object({ jobId: z.string().max(100) })),
  'taxonomy:get': method<TaxonomyView>()(none),
  'taxonomy:add-alias': method<{ retagged: number }>()(z.object({ facet, label, alias: label })),
  'taxonomy:add-entry': method<{ retagged: number }>()(z.object({ facet, label, aliases: z.array(label).max(100) })),
  'export:render': method<{ files: { path: string; content: string }[] }>()(
    z.object({ source: exportSource, options: exportOptions }),
  ),
  /** Electron only: main shows the save dialog and writes the export; null when the user cancels. */
  'export:save': method<{ path: string } | null>()(z.object({ source: exportSource, options: exportOptions })),
} as const;

export type ApiChannel = keyof typeof API;
export type ApiArgs<C extends ApiChannel> = z.infer<(typeof API)[C]['args']>;
// Exclude, not NonNullable: a result may itself be null (a cancelled dialog).
export type ApiResultOf<C extends ApiChannel> = Exclude<(typeof API)[C]['result'], undefined>;

/** Stable error codes; the UI branches on these, never on message text. */
export type ApiErrorCode =
  | 'bad-request'
  | 'forbidden'
  | 'not-found'
  | 'unsupported'
  | 'import-failed'
  | 'io-error'
  | 'cancelled'
  | 'internal'
  /** The transport failed: main (or the browser-mode server) could not be reached. */
  | 'unavailable'
  | (string & {});

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResponse<R> = { ok: true; value: R } | { ok: false; error: ApiError };

/** Events main pushes to the renderer. */
export interface ApiEvents {
  'items-changed': { items: string[]; collections: string[]; reset: boolean };
  'import-progress': { jobId: string; step: string; done: number; total: number; file?: string };
  'import-done': ImportSummary;
  /** A native menu command the renderer carries out (Electron only; the web UI has its own buttons). */
  menu: { action: MenuAction };
  /**
   * Another program changed `file` (relative to the archive) while Annals was saving it: the user's
   * edit was saved in `file`, the other version kept as the conflict copy `copy`, to merge by hand.
   */
  conflict: { file: string; copy: string };
}
/** Menu commands that need the renderer's context (what is selected, which dialog to show). */
export type MenuAction = 'import' | 'export' | 'focus-search';
export type ApiEventName = keyof ApiEvents;
export const API_EVENTS: readonly ApiEventName[] = ['items-changed', 'import-progress', 'import-done', 'menu', 'conflict'];

/** True when the string names a declared event. */
export function isApiEvent(name: string): name is ApiEventName {
  return (API_EVENTS as readonly string[]).includes(name);
}

/** The surface the renderer sees as the global `annals` (Electron preload) or over HTTP (browser mode). */
export interface AnnalsApi {
  call<C extends ApiChannel>(channel: C, args: ApiArgs<C>): Promise<ApiResponse<ApiResultOf<C>>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** Validates a call's arguments against its schema: the value, or a bad-request error naming the problem. */
export function validateArgs<C extends ApiChannel>(
  channel: C,
  args: unknown,
): { ok: true; value: ApiArgs<C> } | { ok: false; error: ApiError } {
  const schema = API[channel]?.args;
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
