// The public shapes of the Markdown export (DESIGN §7).
import type { Item } from '../model';

export type TextMode = 'full' | 'excerpt' | 'none';

export interface ExportOptions {
  format: 'single' | 'folder';
  text: TextMode;
  includeNotes: boolean;
  includeHighlights: boolean;
  includeTags: boolean;
  /** Longest excerpt in characters (code points), cut back to a word boundary. Default 400. */
  excerptLength?: number;
  /** ISO timestamp stamped into front matter; injected so exports are deterministic. Omitted when absent. */
  generated?: string;
}

export interface ExportEntry {
  item: Item;
  /** The collection entry's note (empty for a search result). */
  note: string;
}

export interface ExportSource {
  /** Collection title, or e.g. "Search: <query>". */
  title: string;
  intro: string;
  entries: ExportEntry[];
  query?: string;
}

export interface ExportFile {
  /** Relative to the export's output folder, '/'-separated, safe on Windows, macOS and Linux. */
  path: string;
  content: string;
}

/** Identifies files written by this exporter; bump the version when the layout changes. */
export const EXPORT_FORMAT = 'annals-markdown';
export const EXPORT_FORMAT_VERSION = 1;
export const DEFAULT_EXCERPT_LENGTH = 400;
