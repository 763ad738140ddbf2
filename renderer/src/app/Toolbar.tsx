// The top bar: the archive, the sync state, and the Import / Export / Taxonomy commands.
import type { ArchiveInfo } from '../api';
import { useMirrorStatus } from './use-services';

interface Props {
  info: ArchiveInfo | null;
  onImport: () => void;
  onExport: () => void;
  onTaxonomy: () => void;
}

/** The app's header bar. */
export function Toolbar({ info, onImport, onExport, onTaxonomy }: Props) {
  const { status, error } = useMirrorStatus();
  return (
    <header className="toolbar">
      <h1 className="app-title">Annals</h1>
      <span className="archive-path small muted" title={info?.path}>
        {info ? `${info.isSample ? 'Sample archive' : info.path} · ${info.items} items` : ''}
      </span>
      <span role="status" className="sync-status small">
        {status === 'loading' && 'Loading…'}
        {status === 'syncing' && 'Syncing…'}
        {status === 'error' && `Sync failed: ${error ?? ''}`}
      </span>
      <div className="toolbar-buttons">
        <button type="button" onClick={onImport}>Import</button>
        <button type="button" onClick={onExport}>Export</button>
        <button type="button" onClick={onTaxonomy}>Taxonomy</button>
      </div>
    </header>
  );
}
