// Curator edits on one item. Automatic tags are never edited: removing one records a rejection, so
// re-tagging (which rewrites autoTags) can never bring it back; adding it again lifts the rejection.
import { FACETS, type Highlight, ITEM_STATUSES, type Item, type ItemStatus, type Tags } from '../../shared/model';
import { ArchiveError } from './errors';

export interface ItemPatch {
  addTags?: Partial<Tags>;
  removeTags?: Partial<Tags>;
  note?: string;
  highlights?: Highlight[];
  status?: ItemStatus;
}

function without(list: string[], label: string): string[] {
  return list.filter((entry) => entry !== label);
}

function copyTags(tags: Tags): Tags {
  return { state: [...tags.state], organ: [...tags.organ], exercise: [...tags.exercise], person: [...tags.person] };
}

function applyTagPatch(item: Item, patch: ItemPatch): Item['curator'] {
  const added = copyTags(item.curator.added);
  const rejected = copyTags(item.curator.rejected);
  for (const facet of FACETS) {
    for (const raw of patch.removeTags?.[facet] ?? []) {
      const label = raw.trim();
      added[facet] = without(added[facet], label);
      if (item.autoTags[facet].includes(label) && !rejected[facet].includes(label)) rejected[facet].push(label);
    }
    for (const raw of patch.addTags?.[facet] ?? []) {
      const label = raw.trim();
      if (!label) throw new ArchiveError('bad-input', `an empty ${facet} tag cannot be added`);
      rejected[facet] = without(rejected[facet], label);
      if (!item.autoTags[facet].includes(label) && !added[facet].includes(label)) added[facet].push(label);
    }
  }
  return { added, rejected };
}

function checkHighlights(item: Item, highlights: Highlight[]): void {
  for (const highlight of highlights) {
    if (item.text.slice(highlight.start, highlight.start + highlight.quote.length) !== highlight.quote) {
      throw new ArchiveError('bad-input', `highlight "${highlight.quote.slice(0, 40)}" is not at offset ${highlight.start} of the text`);
    }
  }
}

/** The item after the patch, or the same object when the patch changes nothing. */
export function applyItemPatch(item: Item, patch: ItemPatch, now: string): Item {
  if (patch.status !== undefined && !ITEM_STATUSES.includes(patch.status)) {
    throw new ArchiveError('bad-input', `status must be one of ${ITEM_STATUSES.join(', ')}`);
  }
  if (patch.highlights) checkHighlights(item, patch.highlights);
  const next: Item = {
    ...item,
    curator: applyTagPatch(item, patch),
    note: patch.note ?? item.note,
    highlights: patch.highlights ?? item.highlights,
    status: patch.status ?? item.status,
  };
  const isSame = JSON.stringify({ ...next, updated: '' }) === JSON.stringify({ ...item, updated: '' });
  return isSame ? item : { ...next, updated: now };
}

/** The item with freshly computed automatic tags, or the same object when they did not change. */
export function retagItem(item: Item, autoTags: Tags, now: string): Item {
  if (JSON.stringify(autoTags) === JSON.stringify(item.autoTags)) return item;
  return { ...item, autoTags, updated: now };
}

/** The text the taxonomy tags: the page's headline (not a derived one) and the body. */
export function taggableText(item: Pick<Item, 'title' | 'isTitleDerived' | 'text'>): string {
  return item.isTitleDerived ? item.text : `${item.title}\n\n${item.text}`;
}
