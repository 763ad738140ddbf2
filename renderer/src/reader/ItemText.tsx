// The item's text with the curator's highlights; selecting text offers "Highlight" with a comment.
import { useRef, useState } from 'react';
import type { Highlight } from '../../../shared/model';
import { MarkedText } from '../lib/MarkedText';
import { highlightRanges } from '../lib/segments';
import { readSelectionOffsets } from './text-selection';

interface Props {
  text: string;
  highlights: readonly Highlight[];
  onSave: (highlights: Highlight[]) => void;
}

/** The text, its highlights and the highlight form. */
export function ItemText({ text, highlights, onSave }: Props) {
  const textRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<[number, number] | null>(null);
  const [isFormOpen, setFormOpen] = useState(false);
  const [comment, setComment] = useState('');
  const ranges = highlightRanges(text, highlights);

  const captureSelection = () => {
    if (!textRef.current) return;
    const offsets = readSelectionOffsets(textRef.current, window.getSelection());
    setPending(offsets);
    if (!offsets) setFormOpen(false);
  };
  const save = () => {
    if (!pending) return;
    const [start, end] = pending;
    onSave([...highlights, { quote: text.slice(start, end), start, comment: comment.trim() }]);
    setPending(null);
    setFormOpen(false);
    setComment('');
  };

  return (
    <section className="item-text-section" aria-label="Text">
      <div ref={textRef} className="item-text" onMouseUp={captureSelection} onKeyUp={captureSelection}>
        <MarkedText text={text} ranges={ranges} titleOf={(i) => highlights[i]?.comment || undefined} />
      </div>
      {pending && !isFormOpen && (
        <button type="button" className="highlight-button" onClick={() => setFormOpen(true)}>
          Highlight
        </button>
      )}
      {pending && isFormOpen && (
        <form
          className="highlight-form"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <blockquote className="quote">{text.slice(pending[0], pending[1])}</blockquote>
          <label>
            Comment
            <textarea aria-label="Comment" value={comment} onChange={(event) => setComment(event.target.value)} rows={2} />
          </label>
          <div className="row-buttons">
            <button type="submit">Save highlight</button>
            <button type="button" onClick={() => setFormOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {highlights.length > 0 && (
        <section aria-label="Highlights" className="highlight-list">
          <h3>Highlights</h3>
          <ul>
            {highlights.map((h, i) => (
              <li key={`${h.start}-${i}`}>
                <mark>{h.quote}</mark>
                {h.comment && <p className="small">{h.comment}</p>}
                <button type="button" className="link-button" aria-label={`Remove highlight ${h.quote.slice(0, 40)}`} onClick={() => onSave(highlights.filter((_, k) => k !== i))}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
