// The start preview (the cache's newest items) in the shape of a search result, so the result list
// shows it like the empty query's first page until the index answers.
import { effectiveTags } from '../../../shared/model';
import type { SearchResult } from '../../../shared/search/index';
import type { NewestItems } from '../db/mirror-store';

// As long as the engine's snippets (shared/search/snippet.ts, not imported: it pulls in the stemmers).
const SNIPPET_LENGTH = 200;

/** The beginning of a text, cut at a word boundary, as a snippet without highlights. */
export function toLeadSnippet(text: string): { text: string; highlights: [number, number][] } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return { text: flat, highlights: [] };
  const cut = flat.lastIndexOf(' ', SNIPPET_LENGTH);
  return { text: `${flat.slice(0, cut > 0 ? cut : SNIPPET_LENGTH)}…`, highlights: [] };
}

/** The preview as the empty query's result: its hits and total; no facets or timeline yet. */
export function toPreviewResult(preview: NewestItems): SearchResult {
  return {
    total: preview.total,
    hits: preview.items.map((item) => ({
      id: item.id,
      score: 0,
      title: item.title,
      date: item.date,
      snippet: toLeadSnippet(item.text),
      tags: effectiveTags(item),
    })),
    facets: { state: [], organ: [], exercise: [], person: [], year: [] },
    months: [],
  };
}
