// How one freshly parsed item enters the archive: as a new item, as a duplicate of an item already
// there (remembering the new source), or merged with its teaser or its full article (DESIGN §3.6).
import type { Item, ItemSource } from '../../shared/model';
import { isOpeningOf } from '../../shared/ingest/dedupe';
import { type DedupeKeys, type ItemIndex, computeDedupeKeys } from './item-index';

export type AbsorbKind = 'added' | 'merged' | 'duplicate';

export interface AbsorbOutcome {
  kind: AbsorbKind;
  /** The id of the item that now holds the incoming one; null when nothing changed. */
  changedId: string | null;
  /** That item as it was before this change (null for a new item). */
  previous: Item | null;
}

function hasSource(item: Item, source: ItemSource): boolean {
  return item.sources.some((s) => s.sha256 === source.sha256);
}

function withSources(item: Item, sources: ItemSource[], now: string): Item {
  const fresh = sources.filter((source) => !hasSource(item, source));
  if (fresh.length === 0) return item;
  return { ...item, sources: [...item.sources, ...fresh], updated: now };
}

/**
 * The article takes the teaser's place: it keeps the teaser's id (collections and notes point at it),
 * the curator's work and every source, and gains the article's text, title, date and tags.
 */
function upgradeTeaser(teaser: Item, article: Item, now: string): Item {
  const keepTitle = article.isTitleDerived && !teaser.isTitleDerived;
  return {
    ...teaser,
    title: keepTitle ? teaser.title : article.title,
    isTitleDerived: keepTitle ? teaser.isTitleDerived : article.isTitleDerived,
    date: article.date ?? teaser.date,
    datePrecision: article.date ? article.datePrecision : teaser.datePrecision,
    text: article.text,
    autoTags: article.autoTags,
    sources: [...teaser.sources, ...article.sources.filter((source) => !hasSource(teaser, source))],
    updated: now,
  };
}

/**
 * Adds `incoming` (a new item built from one parsed item with one source) to the index; `keys` are its
 * dedupe keys when the caller has them already (the ingest worker computes them).
 */
export function absorbItem(
  index: ItemIndex,
  incoming: Item,
  now: string,
  keys: DedupeKeys = computeDedupeKeys(incoming.text, incoming.title),
): AbsorbOutcome {
  // The id check catches an item whose file was edited by hand since its id was derived.
  const same = index.findByContent(keys) ?? index.get(incoming.id);
  if (same) return keepSources(index, same.item, same.file, incoming, 'duplicate', now);
  for (const candidate of index.findByOpening(keys)) {
    if (isOpeningOf(incoming.text, candidate.item.text)) {
      return keepSources(index, candidate.item, candidate.file, incoming, 'merged', now);
    }
    if (isOpeningOf(candidate.item.text, incoming.text)) {
      index.put(upgradeTeaser(candidate.item, incoming, now), candidate.file);
      return { kind: 'merged', changedId: candidate.item.id, previous: candidate.item };
    }
  }
  index.put(incoming, null, keys);
  return { kind: 'added', changedId: incoming.id, previous: null };
}

function keepSources(
  index: ItemIndex,
  existing: Item,
  file: string | null,
  incoming: Item,
  kind: AbsorbKind,
  now: string,
): AbsorbOutcome {
  const updated = withSources(existing, incoming.sources, now);
  if (updated === existing) return { kind: 'duplicate', changedId: null, previous: null };
  index.put(updated, file);
  return { kind, changedId: existing.id, previous: existing };
}
