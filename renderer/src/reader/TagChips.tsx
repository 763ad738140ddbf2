// The item's tags per facet; automatic and manual ones told apart by style and hidden text.
import { FACETS } from '../../../shared/model';
import type { Facet } from '../../../shared/model';
import { FACET_TITLES } from '../lib/format';
import type { TagChip } from './tag-chips-model';

interface Props {
  chips: readonly TagChip[];
  onRemove: (facet: Facet, label: string) => void;
}

/** Chips grouped by facet, each with a "Remove tag <label>" button. */
export function TagChips({ chips, onRemove }: Props) {
  const facets = FACETS.filter((f) => chips.some((c) => c.facet === f));
  if (facets.length === 0) return <p className="muted small">No tags.</p>;
  return (
    <div className="tag-groups">
      {facets.map((facet) => (
        <div key={facet} role="group" aria-label={`${FACET_TITLES[facet]} tags`} className="tag-group">
          <span className="tag-facet">{FACET_TITLES[facet]}</span>
          {chips
            .filter((c) => c.facet === facet)
            .map((c) => (
              <span key={c.label} className={`tag-chip ${c.isAutomatic ? 'is-auto' : 'is-manual'}`} title={c.isAutomatic ? 'Found automatically' : 'Added by you'}>
                {c.label}
                <span className="visually-hidden">{c.isAutomatic ? ' (automatic)' : ' (added by you)'}</span>
                <button type="button" className="chip-remove" aria-label={`Remove tag ${c.label}`} onClick={() => onRemove(facet, c.label)}>
                  ×
                </button>
              </span>
            ))}
        </div>
      ))}
    </div>
  );
}
