// The import panel's state as a pure reducer over the user's steps and main's events.
import type { ApiEvents, ImportSummary } from '../api';

export interface RunningImport {
  phase: 'running';
  jobId: string | null;
  done: number;
  total: number;
  file: string | null;
  step: string;
  isCancelling: boolean;
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; files: number }
  | RunningImport
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'failed'; message: string };

export type ImportAction =
  | { type: 'reading'; files: number }
  | { type: 'started'; jobId: string }
  | { type: 'progress'; event: ApiEvents['import-progress'] }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'cancelling' }
  | { type: 'failed'; message: string }
  | { type: 'dismiss' };

export const initialImport: ImportState = { phase: 'idle' };

function running(jobId: string | null): RunningImport {
  return { phase: 'running', jobId, done: 0, total: 0, file: null, step: 'starting', isCancelling: false };
}

// A job this window did not start (File → Import… handled by main) is shown too, so events for an
// unknown job are adopted unless another job is already shown.
function isOtherJob(state: ImportState, jobId: string): boolean {
  return state.phase === 'running' && state.jobId !== null && state.jobId !== jobId;
}

/** The import reducer. */
export function reduceImport(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'reading':
      return { phase: 'reading', files: action.files };
    case 'started':
      return state.phase === 'running' && state.jobId === action.jobId ? state : state.phase === 'done' ? state : running(action.jobId);
    case 'progress': {
      const e = action.event;
      if (isOtherJob(state, e.jobId)) return state;
      const base = state.phase === 'running' ? state : running(e.jobId);
      return { ...base, jobId: e.jobId, done: e.done, total: e.total, file: e.file ?? null, step: e.step };
    }
    case 'done':
      return isOtherJob(state, action.summary.jobId) ? state : { phase: 'done', summary: action.summary };
    case 'cancelling':
      return state.phase === 'running' ? { ...state, isCancelling: true } : state;
    case 'failed':
      return { phase: 'failed', message: action.message };
    case 'dismiss':
      return initialImport;
  }
}
