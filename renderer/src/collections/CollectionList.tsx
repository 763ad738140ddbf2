// The left column's collections: open one, or start a new one.
import { memo, useState } from 'react';
import type { Collection } from '../../../shared/model';
import { NewCollectionForm } from './NewCollectionForm';

interface Props {
  collections: readonly Collection[];
  openSlug: string | null;
  onOpen: (slug: string) => void;
}

/** The collections list with the "New collection" button (memoised: not re-rendered per keystroke). */
export const CollectionList = memo(function CollectionList({ collections, openSlug, onOpen }: Props) {
  const [isCreating, setCreating] = useState(false);
  return (
    <section className="collections" aria-label="Collections">
      <h3 className="facet-title">Collections</h3>
      <ul className="collection-list">
        {collections.map((c) => (
          <li key={c.slug}>
            <button type="button" className={`link-button ${c.slug === openSlug ? 'is-open' : ''}`} aria-current={c.slug === openSlug ? 'page' : undefined} onClick={() => onOpen(c.slug)}>
              {c.title} <span className="facet-count">{c.entries.length}</span>
            </button>
          </li>
        ))}
      </ul>
      {isCreating ? (
        <NewCollectionForm
          onCreated={(c) => {
            setCreating(false);
            onOpen(c.slug);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <button type="button" onClick={() => setCreating(true)}>
          New collection
        </button>
      )}
    </section>
  );
});
