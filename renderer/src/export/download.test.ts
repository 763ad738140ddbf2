import { describe, expect, it } from 'vitest';
import { toDownloadName } from './download';

describe('toDownloadName', () => {
  it('flattens folders and replaces characters browsers refuse', () => {
    expect(toDownloadName('items/2024-05-01-summit.md')).toBe('items--2024-05-01-summit.md');
    expect(toDownloadName('../a:b?.md')).toBe('_--a_b_.md');
  });
});
