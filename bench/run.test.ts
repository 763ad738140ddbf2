import { describe, expect, it } from 'vitest';
import { formatJson, formatReport } from './report';
import { pickEvenly, runBench } from './run';

describe('a whole run', () => {
  it('prints the fields the issue names, with agreement and facets measured', async () => {
    const result = await runBench({
      items: 60, queries: 12, seed: 5, skipRaw: false, rawQueries: 6, skipSave: false, importItems: 0, skipImport: true, skipAgreement: false, agreementItems: 40, log: () => undefined,
    });
    const json = JSON.parse(formatJson(result)) as Record<string, Record<string, unknown>>;
    expect(Object.keys(json).slice(0, 6)).toEqual(['items', 'queries', 'raw', 'app', 'import', 'agreement']);
    expect(Object.keys(json.raw ?? {}).slice(0, 5)).toEqual(['buildMs', 'loadMs', 'heapMB', 'p50Ms', 'p95Ms']);
    expect(Object.keys(json.app ?? {}).slice(0, 7)).toEqual(['buildMs', 'loadMs', 'heapMB', 'p50Ms', 'p95Ms', 'p99Ms', 'facetMs']);
    expect(json.agreement?.items).toBe(40);
    expect(json.agreement?.sameHits).toBeGreaterThanOrEqual(0);
    expect(json.agreement?.sameHits).toBeLessThanOrEqual(1);
    expect(json.raw?.queriesRun).toBe(6);
    expect(json.app?.queriesRun).toBe(12);
    expect(formatReport(result)).toContain('query p95 (ms)');
    expect(formatReport(result)).toContain('raw MiniSearch ran 6 of the 12 queries');
  });
});

describe('pickEvenly', () => {
  it('keeps every kind of an ordered mix when running fewer queries', () => {
    const kinds = ['word', 'words', 'prefix', 'typo', 'phrase', 'filter'];
    const list = kinds.flatMap((kind) => Array.from({ length: 40 }, (_, i) => `${kind}:${i}`));
    const picked = pickEvenly(list, 12);
    expect(picked).toHaveLength(12);
    for (const kind of kinds) expect(picked.filter((q) => q.startsWith(`${kind}:`))).toHaveLength(2);
    expect(pickEvenly(list, null)).toEqual(list);
    expect(pickEvenly(list, 1000)).toEqual(list);
  });
});
