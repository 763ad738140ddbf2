// Import progress (bar with counts, Cancel) and the summary of what was added, merged and rejected.
import type { ImportSummary } from '../api';
import { Dialog } from '../lib/Dialog';
import type { ImportControl } from './use-import';

/** The import dialog; hidden while idle. */
export function ImportPanel({ control }: { control: ImportControl }) {
  const { state } = control;
  if (state.phase === 'idle') return null;
  const isBusy = state.phase === 'reading' || state.phase === 'running';
  return (
    <Dialog title="Import" onClose={isBusy ? () => undefined : control.dismiss} className="import-dialog">
      {state.phase === 'reading' && <p role="status">Reading {state.files} file{state.files === 1 ? '' : 's'}…</p>}
      {state.phase === 'running' && (
        <div className="import-progress">
          <progress aria-label="Import progress" max={Math.max(1, state.total)} value={state.done} />
          <p role="status" className="small">
            {state.done} of {state.total || '?'} files{state.file ? ` — ${state.file}` : ''} ({state.step})
          </p>
          <button type="button" disabled={state.isCancelling || !state.jobId} onClick={control.cancel}>
            {state.isCancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}
      {state.phase === 'done' && <ImportSummaryView summary={state.summary} />}
      {state.phase === 'failed' && <p role="alert" className="field-error">Import failed: {state.message}</p>}
      {!isBusy && (
        <footer className="dialog-footer">
          <button type="button" className="primary" onClick={control.dismiss}>Done</button>
        </footer>
      )}
    </Dialog>
  );
}

function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  return (
    <section aria-label="Import summary" className="import-summary">
      {summary.cancelled && <p role="status">The import was cancelled; files already read were kept.</p>}
      <dl className="summary-counts">
        <dt>Added</dt><dd>{summary.added}</dd>
        <dt>Merged</dt><dd>{summary.merged}</dd>
        <dt>Duplicates</dt><dd>{summary.duplicates}</dd>
        <dt>Rejected files</dt><dd>{summary.failed.length}</dd>
      </dl>
      {summary.failed.length > 0 && (
        <>
          <h3>Rejected</h3>
          <ul className="rejected-list">
            {summary.failed.map((f) => (
              <li key={f.file}>
                <strong>{f.file}</strong>: {f.message} <span className="muted small">({f.code})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.files.length > 0 && (
        <table className="file-table">
          <caption className="visually-hidden">Per file</caption>
          <thead>
            <tr><th scope="col">File</th><th scope="col">Added</th><th scope="col">Merged</th><th scope="col">Duplicates</th></tr>
          </thead>
          <tbody>
            {summary.files.map((f) => (
              <tr key={f.file}>
                <td>{f.file}</td><td>{f.added}</td><td>{f.merged}</td><td>{f.error ? `rejected: ${f.error.message}` : f.duplicates}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
