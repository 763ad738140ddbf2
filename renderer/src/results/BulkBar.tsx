// Actions on the selected results: tag, untag, add to collection, set status.
import type { ItemStatus } from '../../../shared/model';
import { ITEM_STATUSES } from '../../../shared/model';

interface Props {
  count: number;
  onTag: () => void;
  onUntag: () => void;
  onCollect: () => void;
  onStatus: (status: ItemStatus) => void;
  onClear: () => void;
}

/** The bulk-action toolbar, shown while results are selected. */
export function BulkBar({ count, onTag, onUntag, onCollect, onStatus, onClear }: Props) {
  if (count === 0) return null;
  return (
    <div role="toolbar" aria-label="Selection" className="bulk-bar">
      <span className="bulk-count">{count} selected</span>
      <button type="button" onClick={onTag}>Tag all selected</button>
      <button type="button" onClick={onUntag}>Remove a tag from selected</button>
      <button type="button" onClick={onCollect}>Add selected to collection</button>
      <select
        aria-label="Set status of selected"
        value=""
        onChange={(event) => event.target.value && onStatus(event.target.value as ItemStatus)}
      >
        <option value="">Set status…</option>
        {ITEM_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
      </select>
      <button type="button" onClick={onClear}>Clear selection</button>
    </div>
  );
}
