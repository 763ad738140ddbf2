// An open collection: title (rename, delete), intro, and its ordered entries with notes.
import { useState } from 'react';
import type { Collection, CollectionEntry, Item } from '../../../shared/model';
import { isApiCallError } from '../api';
import { formatDate } from '../lib/format';
import { deleteCollection, removeFromCollection, renameCollection, reorderCollection, setEntryNote, setIntro } from './mutations';
import { useCollection, useItemsById } from './queries';
import { moveEntry } from './reorder';

interface Props {
  slug: string;
  onClose: () => void;
  onOpenItem: (id: string) => void;
}

function useErrorReporter() {
  const [error, setError] = useState<string | null>(null);
  const run = (promise: Promise<unknown>) => {
    setError(null);
    promise.catch((caught: unknown) => setError(isApiCallError(caught) ? caught.message : String(caught)));
  };
  return { error, run };
}

/** The collection region, named by its title. */
export function CollectionView({ slug, onClose, onOpenItem }: Props) {
  const collection = useCollection(slug);
  const items = useItemsById(collection?.entries.map((e) => e.id) ?? []);
  const { error, run } = useErrorReporter();
  if (collection === undefined) return <p className="muted">Loading…</p>;
  if (collection === null) {
    return (
      <section className="collection-view" aria-label="Collection">
        <p className="muted">This collection no longer exists.</p>
        <button type="button" onClick={onClose}>Back to results</button>
      </section>
    );
  }
  const ids = collection.entries.map((e) => e.id);
  const move = (from: number, to: number) => run(reorderCollection(slug, moveEntry(ids, from, to)));
  return (
    <section className="collection-view" aria-label={`Collection ${collection.title}`}>
      <CollectionHeader collection={collection} onClose={onClose} run={run} />
      {error && <p role="alert" className="field-error">{error}</p>}
      <IntroField key={`${slug}-intro`} collection={collection} onSave={(intro) => run(setIntro(slug, intro))} />
      {collection.entries.length === 0 && <p className="muted">No items yet: use “Add to collection” on an item or a selection.</p>}
      <ol className="entry-list" aria-label="Entries">
        {collection.entries.map((entry, index) => (
          <EntryRow
            key={entry.id}
            entry={entry}
            item={items.get(entry.id)}
            index={index}
            count={collection.entries.length}
            onMove={move}
            onOpen={onOpenItem}
            onNote={(note) => run(setEntryNote(slug, entry.id, note))}
            onRemove={() => run(removeFromCollection(slug, [entry.id]))}
          />
        ))}
      </ol>
    </section>
  );
}

interface HeaderProps {
  collection: Collection;
  onClose: () => void;
  run: (promise: Promise<unknown>) => void;
}

function CollectionHeader({ collection, onClose, run }: HeaderProps) {
  const [isRenaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(collection.title);
  return (
    <header className="collection-header">
      {isRenaming ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (title.trim()) run(renameCollection(collection.slug, title.trim()));
            setRenaming(false);
          }}
        >
          <input autoFocus aria-label="Collection name" value={title} onChange={(event) => setTitle(event.target.value)} />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setRenaming(false)}>Cancel</button>
        </form>
      ) : (
        <h2>{collection.title}</h2>
      )}
      <div className="row-buttons">
        <button type="button" onClick={onClose}>Back to results</button>
        <button type="button" onClick={() => { setTitle(collection.title); setRenaming(true); }}>Rename</button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(`Delete the collection “${collection.title}”? Its items stay in the archive.`)) {
              run(deleteCollection(collection.slug).then(onClose));
            }
          }}
        >
          Delete collection
        </button>
      </div>
    </header>
  );
}

function IntroField({ collection, onSave }: { collection: Collection; onSave: (intro: string) => void }) {
  const [draft, setDraft] = useState(collection.intro);
  return (
    <label className="intro-field">
      <span className="field-label">Intro</span>
      <textarea aria-label="Intro" rows={3} value={draft} onChange={(event) => setDraft(event.target.value)} onBlur={() => draft !== collection.intro && onSave(draft)} />
    </label>
  );
}

interface EntryProps {
  entry: CollectionEntry;
  item: Item | undefined;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onOpen: (id: string) => void;
  onNote: (note: string) => void;
  onRemove: () => void;
}

function EntryRow({ entry, item, index, count, onMove, onOpen, onNote, onRemove }: EntryProps) {
  const [note, setNote] = useState(entry.note);
  const [isDropTarget, setDropTarget] = useState(false);
  const title = item?.title ?? `Missing item ${entry.id.slice(0, 8)}`;
  return (
    <li
      className={`entry ${isDropTarget ? 'is-drop-target' : ''}`}
      draggable
      onDragStart={(event) => event.dataTransfer.setData('application/x-annals-entry', String(index))}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('application/x-annals-entry')) return;
        event.preventDefault();
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={(event) => {
        event.preventDefault();
        event.stopPropagation();
        setDropTarget(false);
        const from = Number(event.dataTransfer.getData('application/x-annals-entry'));
        if (Number.isInteger(from) && from !== index) onMove(from, index);
      }}
    >
      <span className="drag-handle" aria-hidden="true">⋮⋮</span>
      <div className="entry-body">
        <button type="button" className="link-button entry-title" onClick={() => onOpen(entry.id)}>
          <span className="row-date">{formatDate(item?.date ?? null)}</span> {title}
        </button>
        <textarea aria-label={`Note for ${title}`} rows={2} placeholder="Note for this entry" value={note} onChange={(event) => setNote(event.target.value)} onBlur={() => note !== entry.note && onNote(note)} />
      </div>
      <div className="entry-buttons">
        <button type="button" aria-label={`Move ${title} up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>↑</button>
        <button type="button" aria-label={`Move ${title} down`} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>↓</button>
        <button type="button" aria-label={`Remove ${title} from collection`} onClick={onRemove}>×</button>
      </div>
    </li>
  );
}
