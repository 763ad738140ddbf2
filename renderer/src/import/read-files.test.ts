import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './read-files';

describe('encodeBase64', () => {
  it('matches Node’s encoding for any bytes, across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });
});
