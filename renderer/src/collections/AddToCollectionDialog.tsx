// Adds items (one, or a bulk selection) to an existing or a new collection.
import { useState } from 'react';
import { isApiCallError } from '../api';
import { Dialog } from '../lib/Dialog';
import { addToCollection } from './mutations';
import { NewCollectionForm } from './NewCollectionForm';
import { useCollections } from './queries';

interface Props {
  ids: string[];
  onClose: () => void;
}

/** The "Add to collection" dialog. */
export function AddToCollectionDialog({ ids, onClose }: Props) {
  const collections = useCollections();
  const [slug, setSlug] = useState('');
  const [isCreating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = (target: string) =>
    addToCollection(target, ids)
      .then(onClose)
      .catch((caught: unknown) => setError(isApiCallError(caught) ? caught.message : String(caught)));
  const chosen = slug || collections[0]?.slug || '';
  return (
    <Dialog title={`Add ${ids.length === 1 ? 'item' : `${ids.length} items`} to collection`} onClose={onClose}>
      {collections.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) void add(chosen);
          }}
        >
          <select aria-label="Collection" value={chosen} onChange={(event) => setSlug(event.target.value)}>
            {collections.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
          <button type="submit">Add</button>
        </form>
      )}
      {isCreating ? (
        <NewCollectionForm submitLabel="Create and add" onCreated={(c) => void add(c.slug)} onCancel={() => setCreating(false)} />
      ) : (
        <button type="button" onClick={() => setCreating(true)}>
          Create collection…
        </button>
      )}
      {error && <p role="alert" className="field-error">{error}</p>}
    </Dialog>
  );
}
