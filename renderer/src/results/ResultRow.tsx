// One result: a selection checkbox, the date and title (the open button) and the snippet.
import { memo } from 'react';
import type { MouseEvent } from 'react';
import type { SearchHit } from '../../../shared/search/index';
import { formatDate } from '../lib/format';
import { MarkedText } from '../lib/MarkedText';

interface Props {
  hit: SearchHit;
  index: number;
  total: number;
  top: number;
  isActive: boolean;
  isOpen: boolean;
  isSelected: boolean;
  onOpen: (index: number) => void;
  onSelect: (id: string, mode: 'toggle' | 'range') => void;
}

/** A row of the result list, absolutely placed at `top` by the virtual list (memoised: a scroll or keystroke re-renders only rows that changed). */
export const ResultRow = memo(function ResultRow({ hit, index, total, top, isActive, isOpen, isSelected, onOpen, onSelect }: Props) {
  const onRowClick = (event: MouseEvent) => {
    if (event.shiftKey) onSelect(hit.id, 'range');
    else if (event.ctrlKey || event.metaKey) onSelect(hit.id, 'toggle');
    else onOpen(index);
  };
  const cls = ['result-row', isActive ? 'is-active' : '', isOpen ? 'is-open' : '', isSelected ? 'is-selected' : ''].join(' ');
  return (
    <li className={cls} style={{ top }} aria-posinset={index + 1} aria-setsize={total} aria-current={isOpen ? 'true' : undefined} onClick={onRowClick} data-id={hit.id}>
      <input
        type="checkbox"
        className="row-check"
        aria-label={`Select ${hit.title}`}
        checked={isSelected}
        // onClick (not onChange) sees the Shift key; the reducer owns the checked state.
        onChange={() => undefined}
        onClick={(event) => {
          event.stopPropagation();
          onSelect(hit.id, event.shiftKey ? 'range' : 'toggle');
        }}
      />
      <div className="row-body">
        <button type="button" className="row-open" data-row={index} tabIndex={isActive ? 0 : -1} onClick={(event) => {
            event.stopPropagation();
            onOpen(index);
          }}>
          <span className="row-date">{formatDate(hit.date)}</span>
          <span className="row-title">{hit.title}</span>
        </button>
        <p className="row-snippet">
          <MarkedText text={hit.snippet.text} ranges={hit.snippet.highlights} />
        </p>
      </div>
    </li>
  );
});
