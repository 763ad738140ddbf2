// The curator's note: saved on blur and after a pause in typing.
import { forwardRef, useEffect, useRef, useState } from 'react';

interface Props {
  itemId: string;
  note: string;
  onSave: (note: string) => void;
}

const DEBOUNCE_MS = 800;

/** A textarea named "Note". */
export const NoteField = forwardRef<HTMLTextAreaElement, Props>(function NoteField({ itemId, note, onSave }, ref) {
  const [draft, setDraft] = useState(note);
  const saved = useRef(note);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, onSave });
  latest.current = { draft, onSave };

  // Leaving the item (the reader remounts this field per item) saves what was typed.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (latest.current.draft !== saved.current) latest.current.onSave(latest.current.draft);
    },
    [],
  );

  // A new item, or an edit from elsewhere while this field is untouched, replaces the draft.
  useEffect(() => {
    if (draft === saved.current) setDraft(note);
    saved.current = note;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [itemId, note]);

  const flush = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (value !== saved.current) {
      saved.current = value;
      onSave(value);
    }
  };

  return (
    <label className="note-field">
      <span className="field-label">Note</span>
      <textarea
        ref={ref}
        aria-label="Note"
        rows={4}
        value={draft}
        onChange={(event) => {
          const value = event.target.value;
          setDraft(value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => flush(value), DEBOUNCE_MS);
        }}
        onBlur={() => flush(draft)}
      />
    </label>
  );
});
