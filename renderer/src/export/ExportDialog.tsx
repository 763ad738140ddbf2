// Export a collection or the current results: options, a live Markdown preview, save or download.
import { useEffect, useState } from 'react';
import type { ExportOptionsInput, ExportSourceInput } from '../api';
import { isApiCallError } from '../api';
import { loadArchiveInfo } from '../app/archive-info';
import { callApiStrict } from '../app/services';
import { Dialog } from '../lib/Dialog';
import { downloadFiles } from './download';

interface Props {
  source: ExportSourceInput;
  title: string;
  onClose: () => void;
}

type Files = { path: string; content: string }[];

const DEFAULTS: ExportOptionsInput = { format: 'single', text: 'full', includeNotes: true, includeHighlights: true, includeTags: true };

function describe(caught: unknown): string {
  return isApiCallError(caught) ? caught.message : String(caught);
}

function usePreview(source: ExportSourceInput, options: ExportOptionsInput): { files: Files; error: string | null } {
  const [state, setState] = useState<{ files: Files; error: string | null }>({ files: [], error: null });
  const key = JSON.stringify([source, options]);
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      callApiStrict('export:render', { source, options }).then(
        (r) => isCurrent && setState({ files: r.files, error: null }),
        (caught: unknown) => isCurrent && setState({ files: [], error: describe(caught) }),
      );
    }, 200);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

/** The Export dialog. */
export function ExportDialog({ source, title, onClose }: Props) {
  const [options, setOptions] = useState<ExportOptionsInput>(DEFAULTS);
  const [shown, setShown] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const { files, error } = usePreview(source, options);
  const file = files[Math.min(shown, files.length - 1)];
  const set = <K extends keyof ExportOptionsInput>(key: K, value: ExportOptionsInput[K]) => setOptions((o) => ({ ...o, [key]: value }));

  const save = async () => {
    setStatus('Saving…');
    try {
      const info = await loadArchiveInfo();
      if (info.transport === 'electron') {
        const saved = await callApiStrict('export:save', { source, options });
        setStatus(saved ? `Saved to ${saved.path}` : 'Not saved.');
      } else {
        const rendered = await callApiStrict('export:render', { source, options });
        await downloadFiles(rendered.files);
        setStatus(`Downloaded ${rendered.files.length} file${rendered.files.length === 1 ? '' : 's'}.`);
      }
    } catch (caught) {
      setStatus(`Export failed: ${describe(caught)}`);
    }
  };

  return (
    <Dialog title={`Export ${title}`} onClose={onClose} className="export-dialog">
      <div className="export-layout">
        <ExportOptionsForm options={options} set={set} />
        <section className="export-preview" aria-label="Preview">
          {files.length > 1 && (
            <label>
              <span className="field-label">File</span>
              <select aria-label="Preview file" value={shown} onChange={(event) => setShown(Number(event.target.value))}>
                {files.map((f, i) => (
                  <option key={f.path} value={i}>{f.path}</option>
                ))}
              </select>
            </label>
          )}
          {error && <p role="alert" className="field-error">{error}</p>}
          <pre className="markdown-preview" aria-label="Markdown preview" tabIndex={0}>{file?.content ?? ''}</pre>
        </section>
      </div>
      <footer className="dialog-footer">
        {status && <p role="status" className="small">{status}</p>}
        <button type="button" className="primary" onClick={() => void save()}>Save export</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </footer>
    </Dialog>
  );
}

interface FormProps {
  options: ExportOptionsInput;
  set: <K extends keyof ExportOptionsInput>(key: K, value: ExportOptionsInput[K]) => void;
}

function ExportOptionsForm({ options, set }: FormProps) {
  return (
    <div className="export-options">
      <fieldset>
        <legend>Format</legend>
        <label><input type="radio" name="format" checked={options.format === 'single'} onChange={() => set('format', 'single')} /> Single document</label>
        <label><input type="radio" name="format" checked={options.format === 'folder'} onChange={() => set('format', 'folder')} /> Folder (one file per item)</label>
      </fieldset>
      <fieldset>
        <legend>Text</legend>
        <label><input type="radio" name="text" checked={options.text === 'full'} onChange={() => set('text', 'full')} /> Full text</label>
        <label><input type="radio" name="text" checked={options.text === 'excerpt'} onChange={() => set('text', 'excerpt')} /> Excerpt</label>
        <label><input type="radio" name="text" checked={options.text === 'none'} onChange={() => set('text', 'none')} /> No text</label>
      </fieldset>
      <fieldset>
        <legend>Include</legend>
        <label><input type="checkbox" checked={options.includeNotes} onChange={(e) => set('includeNotes', e.target.checked)} /> Notes</label>
        <label><input type="checkbox" checked={options.includeHighlights} onChange={(e) => set('includeHighlights', e.target.checked)} /> Highlights</label>
        <label><input type="checkbox" checked={options.includeTags} onChange={(e) => set('includeTags', e.target.checked)} /> Tags</label>
      </fieldset>
    </div>
  );
}
