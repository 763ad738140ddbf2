import { describe, expect, it } from 'vitest';
import { moveEntry } from './reorder';

describe('moveEntry', () => {
  it('moves an entry up, down and to the ends', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 0, 99)).toEqual(['b', 'c', 'a']);
  });

  it('leaves the list as it was for a position outside it', () => {
    expect(moveEntry(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});
