// "New collection": a name field named "Collection name".
import { useState } from 'react';
import { isApiCallError } from '../api';
import type { Collection } from '../../../shared/model';
import { createCollection } from './mutations';

interface Props {
  onCreated: (collection: Collection) => void;
  onCancel: () => void;
  submitLabel?: string;
}

/** Creates a collection from the typed name. */
export function NewCollectionForm({ onCreated, onCancel, submitLabel = 'Create' }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return setError('Give the collection a name.');
        createCollection(name.trim())
          .then(onCreated)
          .catch((caught: unknown) => setError(isApiCallError(caught) ? caught.message : String(caught)));
      }}
    >
      <input autoFocus aria-label="Collection name" placeholder="Collection name" value={name} onChange={(event) => setName(event.target.value)} />
      <button type="submit">{submitLabel}</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && <p role="alert" className="field-error">{error}</p>}
    </form>
  );
}
