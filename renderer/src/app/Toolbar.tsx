// The top bar: the archive, the sync state, the offline cache's state, and the Import / Export /
// Taxonomy commands.
import { memo } from 'react';
import type { ArchiveInfo } from '../api';
import { describeCache, describeSync } from './mirror-status-text';
import { useMirrorState } from './use-services';

interface Props {
  info: ArchiveInfo | null;
  onImport: () => void;
  onExport: () => void;
  onTaxonomy: () => void;
}

/** The app's header bar (memoised: it follows the mirror's state, not keystrokes). */
export const Toolbar = memo(function Toolbar({ info, onImport, onExport, onTaxonomy }: Props) {
  const state = useMirrorState();
  return (
    <header className="toolbar">
      <h1 className="app-title">Annals</h1>
      <span className="archive-path small muted" title={info?.path}>
        {info ? `${info.isSample ? 'Sample archive' : info.path} · ${info.items} items` : ''}
      </span>
      <span role="status" className="sync-status small">{describeSync(state)}</span>
      {/* Always rendered: a live region must exist before its text changes to be announced. */}
      <span role="status" className="cache-status small" data-cache={state.cache.isOn ? 'on' : state.cache.code} title={state.cache.isOn ? undefined : state.cache.message}>
        {describeCache(state.cache)}
      </span>
      <div className="toolbar-buttons">
        <button type="button" onClick={onImport}>Import</button>
        <button type="button" onClick={onExport}>Export</button>
        <button type="button" onClick={onTaxonomy}>Taxonomy</button>
      </div>
    </header>
  );
});
