import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from './safe-file-name';

// Hostile pieces: uniform random strings almost never build a traversal (STACK.md).
const piece = fc.constantFrom('..', '.', '/', '\\', 'CON', 'nul', '\u0000', '\u202e', ':', ' ', 'a', 'б', '.txt', 'C:', '~', '%2e');

describe('safeFileName', () => {
  it('is always one plain, non-empty name: no separator, control or bidi character, never . or ..', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (name) => {
        const safe = safeFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe).not.toMatch(/[/\\\u0000-\u001f:\u202e]/);
        expect(['.', '..']).not.toContain(safe);
        expect(safe).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps an ordinary name and its extension', () => {
    expect(safeFileName('ОДКБ новости 2024.html')).toBe('ОДКБ новости 2024.html');
    expect(safeFileName('C:\\Users\\me\\page.txt')).toBe('page.txt');
    expect(safeFileName(`${'x'.repeat(400)}.md`)).toMatch(/^x{147}\.md$/);
  });
});
