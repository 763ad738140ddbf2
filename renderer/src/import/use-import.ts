// Runs imports: reads files, starts the job in main, follows its events, cancels on request.
import { useCallback, useEffect, useReducer } from 'react';
import { isApiCallError, onApiEvent } from '../api';
import { callApiStrict } from '../app/services';
import { initialImport, reduceImport } from './import-state';
import type { ImportState } from './import-state';
import { readFilesAsBase64 } from './read-files';

export interface ImportControl {
  state: ImportState;
  importFiles(files: File[]): void;
  /** Electron: main's own open dialog. */
  chooseInMain(): void;
  cancel(): void;
  dismiss(): void;
}

function describe(caught: unknown): string {
  return isApiCallError(caught) ? `${caught.message} (${caught.code})` : String(caught);
}

/** The import state and its commands. */
export function useImport(): ImportControl {
  const [state, dispatch] = useReducer(reduceImport, initialImport);

  useEffect(() => {
    const offProgress = onApiEvent('import-progress', (event) => dispatch({ type: 'progress', event }));
    const offDone = onApiEvent('import-done', (summary) => dispatch({ type: 'done', summary }));
    return () => {
      offProgress();
      offDone();
    };
  }, []);

  const importFiles = useCallback((files: File[]) => {
    if (files.length === 0) return;
    dispatch({ type: 'reading', files: files.length });
    readFilesAsBase64(files)
      .then((payload) => callApiStrict('import:files', { files: payload }))
      .then(({ jobId }) => dispatch({ type: 'started', jobId }))
      .catch((caught: unknown) => dispatch({ type: 'failed', message: describe(caught) }));
  }, []);

  const chooseInMain = useCallback(() => {
    callApiStrict('import:choose', {})
      .then((started) => started && dispatch({ type: 'started', jobId: started.jobId }))
      .catch((caught: unknown) => dispatch({ type: 'failed', message: describe(caught) }));
  }, []);

  const jobId = state.phase === 'running' ? state.jobId : null;
  const cancel = useCallback(() => {
    if (!jobId) return;
    dispatch({ type: 'cancelling' });
    callApiStrict('import:cancel', { jobId }).catch((caught: unknown) => dispatch({ type: 'failed', message: describe(caught) }));
  }, [jobId]);

  const dismiss = useCallback(() => dispatch({ type: 'dismiss' }), []);
  return { state, importFiles, chooseInMain, cancel, dismiss };
}
