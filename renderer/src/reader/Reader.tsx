// The reader (region "Item"): title, date, sources, text with highlights, tags, note, status.
import { useEffect, useRef, useState } from 'react';
import type { Facet, Highlight, Item, ItemStatus } from '../../../shared/model';
import { ITEM_STATUSES } from '../../../shared/model';
import { isApiCallError } from '../api';
import { useCollectionsOf } from '../collections/queries';
import { formatDate } from '../lib/format';
import { useTaxonomy } from '../taxonomy/queries';
import { TagEditor } from '../taxonomy/TagEditor';
import type { TagChoice } from '../taxonomy/tag-input';
import { ItemText } from './ItemText';
import { updateItem } from './mutations';
import { NoteField } from './NoteField';
import { useItem } from './queries';
import { listTagChips } from './tag-chips-model';
import { TagChips } from './TagChips';

/** A keyboard command for the reader, for one item; the reader calls onCommandDone once it ran. */
export type ReaderCommand = { kind: 'tag' | 'note' | 'star'; itemId: string } | null;

interface Props {
  itemId: string;
  command: ReaderCommand;
  onCommandDone: () => void;
  onClose: () => void;
  onAddToCollection: (ids: string[]) => void;
}

const NO_LABELS = { state: [], organ: [], exercise: [], person: [] };

function describeError(caught: unknown): string {
  return isApiCallError(caught) ? `${caught.message} (${caught.code})` : String(caught);
}

/** Shows the open item; null item → a short notice. */
export function Reader({ itemId, command, onCommandDone, onClose, onAddToCollection }: Props) {
  const item = useItem(itemId);
  return (
    <section className="reader" aria-label="Item">
      {item === undefined && <p className="muted">Loading…</p>}
      {item === null && <p className="muted">This item is no longer in the archive.</p>}
      {item && <ReaderBody key={item.id} item={item} command={command} onCommandDone={onCommandDone} onClose={onClose} onAddToCollection={onAddToCollection} />}
    </section>
  );
}

function ReaderBody({ item, command, onCommandDone, onClose, onAddToCollection }: { item: Item } & Omit<Props, 'itemId'>) {
  const taxonomy = useTaxonomy();
  const collections = useCollectionsOf(item.id);
  const [isTagging, setTagging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const patch = (p: Parameters<typeof updateItem>[1]) => {
    setError(null);
    updateItem(item.id, p).catch((caught: unknown) => setError(describeError(caught)));
  };
  const setStatus = (status: ItemStatus) => patch({ status });
  const removeTag = (facet: Facet, label: string) => patch({ removeTags: { [facet]: [label] } });
  const addTag = (choice: TagChoice) => patch({ addTags: { [choice.facet]: [choice.label] } });
  const saveHighlights = (highlights: Highlight[]) => patch({ highlights });

  useEffect(() => {
    if (!command || command.itemId !== item.id) return;
    onCommandDone();
    if (command.kind === 'tag') setTagging(true);
    if (command.kind === 'note') noteRef.current?.focus();
    if (command.kind === 'star') setStatus(item.status === 'starred' ? 'reviewed' : 'starred');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [command]);

  return (
    <article className="reader-body">
      <header className="reader-header">
        <h2 className="reader-title">
          {item.title}
          {item.isTitleDerived && (
            <span className="derived-badge" title="The page had no headline; this title was derived from the text">
              derived title
            </span>
          )}
        </h2>
        <button type="button" className="icon-button" aria-label="Close item" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="reader-meta">
        <span>{formatDate(item.date)}</span> · <span>{item.lang === 'ru' ? 'Russian' : 'English'}</span>
      </p>
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="reader-actions">
        <label>
          <span className="field-label">Status</span>
          <select aria-label="Status" value={item.status} onChange={(event) => setStatus(event.target.value as ItemStatus)}>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-pressed={item.status === 'starred'} onClick={() => setStatus(item.status === 'starred' ? 'reviewed' : 'starred')}>
          {item.status === 'starred' ? '★ Starred' : '☆ Star'}
        </button>
        <button type="button" onClick={() => onAddToCollection([item.id])}>
          Add to collection
        </button>
      </div>
      <section aria-label="Tags" className="reader-tags">
        <TagChips chips={listTagChips(item)} onRemove={removeTag} />
        {isTagging ? (
          <TagEditor labels={taxonomy?.labels ?? NO_LABELS} onAdd={addTag} onClose={() => setTagging(false)} />
        ) : (
          <button type="button" onClick={() => setTagging(true)}>
            Add tag
          </button>
        )}
      </section>
      <NoteField key={item.id} ref={noteRef} itemId={item.id} note={item.note} onSave={(note) => patch({ note })} />
      <ItemText text={item.text} highlights={item.highlights} onSave={saveHighlights} />
      <Sources item={item} />
      {collections.length > 0 && (
        <p className="small muted">In collections: {collections.map((c) => c.title).join(', ')}</p>
      )}
    </article>
  );
}

function Sources({ item }: { item: Item }) {
  return (
    <section aria-label="Sources" className="reader-sources">
      <h3>Sources</h3>
      <ul>
        {item.sources.map((s) => (
          <li key={`${s.sha256}-${s.index}`}>
            {s.file}
            {s.url && (
              <>
                {' — '}
                <span className="source-url">{s.url}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
