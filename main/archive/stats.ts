// Counts for `annals stats` and the app's overview.
import { FACETS, type Facet, type Item, effectiveTags } from '../../shared/model';

export interface ArchiveStats {
  items: number;
  collections: number;
  sources: number;
  /** Items per year ("undated" for items without a date), years ascending. */
  byYear: Record<string, number>;
  byLang: Record<string, number>;
  byStatus: Record<string, number>;
  /** Items per effective tag, most frequent first. */
  facets: Record<Facet, Record<string, number>>;
  withNotes: number;
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sortedByCount(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Counts per facet value, per year, language and status. */
export function computeStats(items: Item[], collectionCount: number): ArchiveStats {
  const byYear: Record<string, number> = {};
  const byLang: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const facets = { state: {}, organ: {}, exercise: {}, person: {} } as Record<Facet, Record<string, number>>;
  const sources = new Set<string>();
  let withNotes = 0;
  for (const item of items) {
    increment(byYear, item.date?.slice(0, 4) ?? 'undated');
    increment(byLang, item.lang);
    increment(byStatus, item.status);
    if (item.note.trim()) withNotes += 1;
    for (const source of item.sources) sources.add(source.sha256);
    const tags = effectiveTags(item);
    for (const facet of FACETS) for (const label of tags[facet]) increment(facets[facet], label);
  }
  const years = Object.keys(byYear).sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a.localeCompare(b)));
  return {
    items: items.length,
    collections: collectionCount,
    sources: sources.size,
    byYear: Object.fromEntries(years.map((year) => [year, byYear[year] as number])),
    byLang,
    byStatus,
    facets: { state: sortedByCount(facets.state), organ: sortedByCount(facets.organ), exercise: sortedByCount(facets.exercise), person: sortedByCount(facets.person) },
    withNotes,
  };
}
