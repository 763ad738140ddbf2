// Tags or untags every selected item at once.
import { useState } from 'react';
import { isApiCallError } from '../api';
import { Dialog } from '../lib/Dialog';
import { updateItems } from '../reader/mutations';
import { useTaxonomy } from '../taxonomy/queries';
import { TagEditor } from '../taxonomy/TagEditor';
import type { TagChoice } from '../taxonomy/tag-input';

const NO_LABELS = { state: [], organ: [], exercise: [], person: [] };

interface Props {
  ids: string[];
  mode: 'add' | 'remove';
  onClose: () => void;
}

/** The bulk tag / untag dialog. */
export function BulkTagDialog({ ids, mode, onClose }: Props) {
  const taxonomy = useTaxonomy();
  const [status, setStatus] = useState<string | null>(null);
  const apply = (choice: TagChoice) => {
    const tags = { [choice.facet]: [choice.label] };
    setStatus('Saving…');
    updateItems(ids, mode === 'add' ? { addTags: tags } : { removeTags: tags })
      .then((items) => setStatus(`${mode === 'add' ? 'Tagged' : 'Untagged'} ${items.length} item${items.length === 1 ? '' : 's'}: ${choice.label}.`))
      .catch((caught: unknown) => setStatus(`Failed: ${isApiCallError(caught) ? caught.message : String(caught)}`));
  };
  return (
    <Dialog title={`${mode === 'add' ? 'Tag' : 'Untag'} ${ids.length} selected item${ids.length === 1 ? '' : 's'}`} onClose={onClose}>
      <TagEditor labels={taxonomy?.labels ?? NO_LABELS} onAdd={apply} onClose={onClose} submitLabel={mode === 'add' ? 'Add tag' : 'Remove tag'} />
      {status && <p role="status">{status}</p>}
    </Dialog>
  );
}
