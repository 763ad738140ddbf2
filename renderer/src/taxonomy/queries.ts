// The taxonomy's labels, asked of main once and again after an edit.
import { useCallback, useEffect, useState } from 'react';
import type { TaxonomyView } from '../api';
import { callApiStrict } from '../app/services';

let cached: Promise<TaxonomyView> | null = null;
const listeners = new Set<() => void>();

/** Forgets the cached taxonomy (after an edit) and tells every user to read it again. */
export function invalidateTaxonomy(): void {
  cached = null;
  listeners.forEach((l) => l());
}

/** The taxonomy view, null until loaded. */
export function useTaxonomy(): TaxonomyView | null {
  const [view, setView] = useState<TaxonomyView | null>(null);
  const load = useCallback(() => {
    cached ??= callApiStrict('taxonomy:get', {});
    cached.then(setView).catch((caught: unknown) => {
      cached = null;
      console.error('taxonomy:get failed', caught);
    });
  }, []);
  useEffect(() => {
    load();
    listeners.add(load);
    return () => void listeners.delete(load);
  }, [load]);
  return view;
}
