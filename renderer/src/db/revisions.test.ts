import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRevisions, diffRevisionsInSlices } from './revisions';

const revisions = fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-f0-9]{1,4}$/), rev: fc.constantFrom('r1', 'r2') }), { selector: (r) => r.key, maxLength: 60 });

describe('diffRevisionsInSlices', () => {
  it('finds the same changed and removed keys as diffRevisions, whatever the slice size', async () => {
    await fc.assert(
      fc.asyncProperty(revisions, revisions, fc.integer({ min: 1, max: 20 }), async (local, remote, size) => {
        const map = new Map(local.map((r) => [r.key, r.rev]));
        expect(await diffRevisionsInSlices(map, remote, size, async () => undefined)).toEqual(diffRevisions(map, remote));
      }),
    );
  });

  it('yields to the event loop between slices, so no slice runs long', async () => {
    let yields = 0;
    const remote = Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, rev: 'r' }));
    await diffRevisionsInSlices(new Map([['gone', 'r']]), remote, 10, async () => void yields++);
    // Two yields between the three slices of main's 25 revisions, one before the mirror's single slice.
    expect(yields).toBe(3);
  });
});
