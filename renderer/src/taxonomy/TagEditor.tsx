// The "Tag" field: completion from the taxonomy ("facet: label" or a bare label plus a facet choice).
import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { FACETS } from '../../../shared/model';
import type { Facet } from '../../../shared/model';
import { resolveTagInput, suggestTags } from './tag-input';
import type { TagChoice, TaxonomyLabels } from './tag-input';

interface Props {
  labels: TaxonomyLabels;
  onAdd: (choice: TagChoice) => void;
  onClose: () => void;
  submitLabel?: string;
}

/** A combobox named "Tag" with a facet select for labels the taxonomy does not know. */
export function TagEditor({ labels, onAdd, onClose, submitLabel = 'Add' }: Props) {
  const [value, setValue] = useState('');
  const [facet, setFacet] = useState<Facet | ''>('');
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const suggestions = value.trim() ? suggestTags(value, labels) : [];

  const commit = (choice: TagChoice | null) => {
    if (!choice) {
      setError('Choose a facet for a new label, or type "facet: label".');
      return;
    }
    onAdd(choice);
    setValue('');
    setActive(-1);
    setError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(-1, Math.min(suggestions.length - 1, a + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      commit(suggestions[active] ?? resolveTagInput(value, labels, facet || null));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="tag-editor">
      <div className="tag-editor-row">
        <input
          autoFocus
          aria-label="Tag"
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          placeholder="facet: label"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setActive(-1);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <select aria-label="Facet" value={facet} onChange={(event) => setFacet(event.target.value as Facet | '')}>
          <option value="">Any facet</option>
          {FACETS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => commit(resolveTagInput(value, labels, facet || null))}>
          {submitLabel}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      {error && <p role="alert" className="field-error">{error}</p>}
      <ul role="listbox" id={listId} aria-label="Tag suggestions" className="suggestions">
        {suggestions.map((s, i) => (
          <li
            key={`${s.facet}:${s.label}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : ''}
            onMouseDown={(event) => {
              event.preventDefault();
              commit(s);
            }}
          >
            {s.label} <span className="muted small">{s.facet}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
