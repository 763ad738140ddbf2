// Test helper (imported by *.test.ts only): the pieces hostile titles, texts and file names are built
// from, for property-based tests of the importer, the file naming, the front matter and the exports.
import fc from 'fast-check';

const CYRILLIC_300 = 'Объединенный штаб ОДКБ провел совещание '.repeat(8).slice(0, 300);

/** Path tricks, device names, bidi and zero-width characters, YAML and Markdown syntax, HTML, emoji. */
export const HOSTILE_PIECES: readonly string[] = [
  '..', '../', '/', '\\', '..\\..\\', '\u0000', 'CON', 'con', 'aux.txt', 'NUL', 'COM1', 'LPT9', 'prn.', ' .', '. ',
  '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u202a', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
  '---', '---js', '...', ': ', ':', '#', '- ', '? ', '|', '>', '&a', '*a', '!!js/function', '!tag', '%YAML 1.2', '@', '`',
  '"', "'", '{', '}', '[', ']', ',', '\n', '\r\n', '\r', '\t', '\u2028', '\u0085', '\u00a0',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '[x](javascript:alert(1))',
  'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:msgbox(1)', '<!--', '-->', '&lt;', '&#x3C;',
  '🎉', '👩‍👩‍👧', '🇷🇺', 'é', 'e\u0301', 'ё', 'Ё', 'Москва', CYRILLIC_300, 'CSTO', ' ', '  ', '~', '$', '%', '^', '=',
];

/** A string glued from hostile pieces and a little random text. */
export function hostileText(maxPieces = 12): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: maxPieces })
    .map((parts) => parts.join(''));
}
