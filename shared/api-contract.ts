// The bridge between the renderer and main, declared once (DESIGN §8). This module is what the
// renderer imports: channel and event names, the types of every call, and no zod at run time.
//
// The table of channels lives in `defineApi`, which builds each channel's argument schema from the
// zod namespace it is handed: only main calls it (shared/api.ts passes the real zod), so the
// renderer's bundle never carries the validator, while the argument types are still derived from the
// one schema main validates with. Channel names exist only in that table.
import type { z as Zod } from 'zod';
import type { Collection, Item } from './model';

type ZodNamespace = typeof Zod;

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
export interface Method<A extends Zod.ZodType, R> {
  args: A;
  /** Phantom: carries the result type. */
  result?: R;
}

function method<R>() {
  return <A extends Zod.ZodType>(args: A): Method<A, R> => ({ args });
}

function defineParts(z: ZodNamespace) {
  const label = z.string().trim().min(1).max(200);
  const id = z.string().regex(/^[0-9a-f]{8,64}$/, 'an item id is lower-case hex');
  const slug = z.string().min(1).max(200).regex(/^[\p{L}\p{N}-]+$/u, 'a collection slug is letters, digits and hyphens');
  const labels = z.array(label).max(100).optional();
  const partialTags = z.object({ state: labels, organ: labels, exercise: labels, person: labels });
  const highlight = z.object({
    quote: z.string().min(1).max(20_000),
    start: z.number().int().min(0),
    comment: z.string().max(20_000),
  });
  const exportSource = z.union([z.object({ collection: slug }), z.object({ query: z.string().max(2_000) })]);
  const exportOptions = z.object({
    format: z.enum(['single', 'folder']),
    text: z.enum(['full', 'excerpt', 'none']),
    includeNotes: z.boolean(),
    includeHighlights: z.boolean(),
    includeTags: z.boolean(),
  });
  return {
    facet: z.enum(['state', 'organ', 'exercise', 'person']),
    label,
    id,
    ids: z.array(id).max(100_000),
    slug,
    itemPatch: z.object({
      addTags: partialTags.optional(),
      removeTags: partialTags.optional(),
      note: z.string().max(200_000).optional(),
      highlights: z.array(highlight).max(10_000).optional(),
      status: z.enum(['unread', 'reviewed', 'starred']).optional(),
    }),
    exportSource,
    exportOptions,
    exportRequest: z.object({ source: exportSource, options: exportOptions }),
    /** A file handed over by the renderer (drag and drop, browser upload): a name and its bytes. */
    droppedFile: z.object({
      name: z.string().min(1).max(1_000),
      /** base64 of the file's bytes; 50 MB at most once decoded. */
      base64: z.string().max(70_000_000),
    }),
    none: z.object({}).strict(),
  };
}

/**
 * Every operation the UI needs, with its argument schema built from `z`. The key is the channel name
 * on both transports. Main calls this with the real zod (shared/api.ts); the renderer only uses the
 * types, so this code never runs there.
 */
export function defineApi(z: ZodNamespace) {
  const p = defineParts(z);
  return {
    'archive:info': method<ArchiveInfo>()(p.none),
    'archive:revisions': method<{ items: Revision[]; collections: Revision[] }>()(p.none),
    'items:get': method<Item[]>()(z.object({ ids: p.ids })),
    'items:update': method<Item>()(z.object({ id: p.id, patch: p.itemPatch })),
    'items:update-many': method<Item[]>()(z.object({ ids: p.ids, patch: p.itemPatch })),
    'collections:get': method<Collection[]>()(z.object({ slugs: z.array(p.slug).max(10_000) })),
    'collections:create': method<Collection>()(z.object({ title: p.label, intro: z.string().max(200_000).optional() })),
    'collections:rename': method<Collection>()(z.object({ slug: p.slug, title: p.label })),
    'collections:delete': method<{ slug: string }>()(z.object({ slug: p.slug })),
    'collections:add-items': method<Collection>()(z.object({ slug: p.slug, ids: p.ids, position: z.number().int().min(0).optional() })),
    'collections:remove-items': method<Collection>()(z.object({ slug: p.slug, ids: p.ids })),
    'collections:reorder': method<Collection>()(z.object({ slug: p.slug, ids: p.ids })),
    'collections:set-entry-note': method<Collection>()(z.object({ slug: p.slug, id: p.id, note: z.string().max(200_000) })),
    'collections:set-intro': method<Collection>()(z.object({ slug: p.slug, intro: z.string().max(200_000) })),
    'import:files': method<{ jobId: string }>()(z.object({ files: z.array(p.droppedFile).min(1).max(10_000) })),
    /** Electron only: main shows the open dialog itself, so no path ever comes from the renderer. */
    'import:choose': method<{ jobId: string } | null>()(p.none),
    'import:cancel': method<{ cancelled: boolean }>()(z.object({ jobId: z.string().max(100) })),
    'taxonomy:get': method<TaxonomyView>()(p.none),
    'taxonomy:add-alias': method<{ retagged: number }>()(z.object({ facet: p.facet, label: p.label, alias: p.label })),
    'taxonomy:add-entry': method<{ retagged: number }>()(z.object({ facet: p.facet, label: p.label, aliases: z.array(p.label).max(100) })),
    'export:render': method<{ files: { path: string; content: string }[] }>()(p.exportRequest),
    /** Electron only: main shows the save dialog and writes the export; null when the user cancels. */
    'export:save': method<{ path: string } | null>()(p.exportRequest),
  } as const;
}

/** The channel table as main builds it: channel → { args: schema, result (phantom) }. */
export type ApiTable = ReturnType<typeof defineApi>;
type ApiParts = ReturnType<typeof defineParts>;

export type ItemPatchInput = Zod.infer<ApiParts['itemPatch']>;
export type ExportSourceInput = Zod.infer<ApiParts['exportSource']>;
export type ExportOptionsInput = Zod.infer<ApiParts['exportOptions']>;

export type ApiChannel = keyof ApiTable;
export type ApiArgs<C extends ApiChannel> = Zod.infer<ApiTable[C]['args']>;
// Exclude, not NonNullable: a result may itself be null (a cancelled dialog).
export type ApiResultOf<C extends ApiChannel> = Exclude<ApiTable[C]['result'], undefined>;

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

// Typed against ApiEvents both ways: a missing or unknown name fails to compile.
const EVENT_NAMES: { [E in ApiEventName]: true } = { 'items-changed': true, 'import-progress': true, 'import-done': true, menu: true, conflict: true };
export const API_EVENTS: readonly ApiEventName[] = Object.keys(EVENT_NAMES) as ApiEventName[];

/** True when the string names a declared event. */
export function isApiEvent(name: string): name is ApiEventName {
  return (API_EVENTS as readonly string[]).includes(name);
}

/** The surface the renderer sees as the global `annals` (Electron preload) or over HTTP (browser mode). */
export interface AnnalsApi {
  call<C extends ApiChannel>(channel: C, args: ApiArgs<C>): Promise<ApiResponse<ApiResultOf<C>>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}
