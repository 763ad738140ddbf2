import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../api';
import { initialImport, reduceImport } from './import-state';

const summary = (jobId: string): ImportSummary => ({ jobId, added: 2, merged: 1, duplicates: 0, failed: [], files: [], cancelled: false });

describe('reduceImport', () => {
  it('follows progress of the started job to its summary', () => {
    let state = reduceImport(initialImport, { type: 'reading', files: 3 });
    state = reduceImport(state, { type: 'started', jobId: 'j1' });
    state = reduceImport(state, { type: 'progress', event: { jobId: 'j1', step: 'parse', done: 1, total: 3, file: 'a.html' } });
    expect(state).toMatchObject({ phase: 'running', done: 1, total: 3, file: 'a.html' });
    state = reduceImport(state, { type: 'done', summary: summary('j1') });
    expect(state).toEqual({ phase: 'done', summary: summary('j1') });
  });

  it('adopts a job started from the menu', () => {
    const state = reduceImport(initialImport, { type: 'progress', event: { jobId: 'menu', step: 'read', done: 0, total: 5 } });
    expect(state).toMatchObject({ phase: 'running', jobId: 'menu', total: 5 });
  });

  it('ignores another job while one is shown', () => {
    const shown = reduceImport(initialImport, { type: 'started', jobId: 'j1' });
    expect(reduceImport(shown, { type: 'progress', event: { jobId: 'j2', step: 'x', done: 4, total: 4 } })).toBe(shown);
    expect(reduceImport(shown, { type: 'done', summary: summary('j2') })).toBe(shown);
  });

  it('keeps a summary that arrived before the start answer', () => {
    const done = reduceImport(initialImport, { type: 'done', summary: summary('j1') });
    expect(reduceImport(done, { type: 'started', jobId: 'j1' })).toBe(done);
  });
});
