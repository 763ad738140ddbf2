import { describe, expect, it } from 'vitest';
import { emptyTags } from '../../../shared/model';
import { listTagChips } from './tag-chips-model';

describe('listTagChips', () => {
  it('tells automatic tags from the curator’s and hides rejected ones', () => {
    const item = {
      autoTags: { ...emptyTags(), state: ['Armenia', 'Russia'] },
      curator: { added: { ...emptyTags(), organ: ['Joint Staff'] }, rejected: { ...emptyTags(), state: ['Russia'] } },
    };
    expect(listTagChips(item)).toEqual([
      { facet: 'state', label: 'Armenia', isAutomatic: true },
      { facet: 'organ', label: 'Joint Staff', isAutomatic: false },
    ]);
  });
});
