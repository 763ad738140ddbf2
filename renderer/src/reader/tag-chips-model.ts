// Which of an item's visible tags are automatic and which the curator added.
import { effectiveTags, FACETS } from '../../../shared/model';
import type { Facet, Item } from '../../../shared/model';

export interface TagChip {
  facet: Facet;
  label: string;
  isAutomatic: boolean;
}

/** The item's effective tags as chips, per facet in display order. */
export function listTagChips(item: Pick<Item, 'autoTags' | 'curator'>): TagChip[] {
  const tags = effectiveTags(item);
  return FACETS.flatMap((facet) =>
    tags[facet].map((label) => ({ facet, label, isAutomatic: item.autoTags[facet].includes(label) && !item.curator.added[facet].includes(label) })),
  );
}
