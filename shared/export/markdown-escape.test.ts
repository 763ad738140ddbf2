import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanInline, encodeLinkDestination, escapeBlock, escapeInline, renderExternalLink } from './markdown-escape';

const md = new MarkdownIt('commonmark');

const HOSTILE_PIECES = [
  '#', '## ', '---', '===', '***', '___', ': ', '\n', '\n\n', '\r\n', '`', '```', '~~~', '<', '<script>alert(1)</script>',
  '<!--', '[x](javascript:alert(1))', '![i](data:x)', '[ref]: http://x', '|', '| a | b |', '>', '> ', '1. ', '1) ', '- ', '+ ',
  '* ', '    ', '\t', '\\', '&amp;', '&#60;', '_', '*', '==', '%%', '$$', '{#id}', '^', '~', '\u202e', '\u2066', '\u0000', '\u2028',
  'a) ', 'B. ', 'iv. ', '(@) ', '(c) ', '🎉', 'Москва', 'ОДКБ «Взаимодействие-2024»', 'CSTO', ' ', 'a', '2017.', '\u00a0',
];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join(''));

type Token = ReturnType<typeof md.parse>[number];
function inlineText(tokens: Token[]): string {
  return tokens.map((t) => (t.type === 'text' ? t.content : t.type === 'softbreak' ? '\n' : `<${t.type}>`)).join('');
}

describe('escapeInline', () => {
  it('renders any text as exactly its cleaned characters, with no markup', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const tokens = md.parseInline(escapeInline(text), {})[0]?.children ?? [];
        expect(inlineText(tokens)).toBe(cleanInline(text));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a heading a single heading whatever its title holds', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const tokens = md.parse(`## ${escapeInline(text) || 'x'}`, {});
        expect(tokens.map((t) => t.type)).toEqual(['heading_open', 'inline', 'heading_close']);
        expect(inlineText(tokens[1]!.children ?? [])).toBe(cleanInline(text) || 'x');
      }),
      { numRuns: 400 },
    );
  });

  it('removes bidi overrides and control characters but keeps Cyrillic and emoji', () => {
    expect(cleanInline('\u202eevil\u202c Москва 🎉\u0000\nnext')).toBe('evil Москва 🎉 next');
  });
});

describe('escapeBlock', () => {
  it('renders any text as plain paragraphs holding exactly its cleaned lines', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const tokens = md.parse(escapeBlock(text), {});
        const types = new Set(tokens.map((t) => t.type));
        expect([...types].filter((t) => !['paragraph_open', 'inline', 'paragraph_close'].includes(t))).toEqual([]);
        const paragraphs = tokens.filter((t) => t.type === 'inline').map((t) => inlineText(t.children ?? []));
        const expected = cleanBlock(text).split(/\n{2,}/).filter(Boolean);
        expect(paragraphs).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('escapes the lines that would open a heading, list, break, fence or HTML block', () => {
    const text = ['# Moscow', '---', '===', '1. first', '2017) year', '- item', '+ item', '> quote', '```js', '<div>', '    code', 'a) pandoc', '(@) example'].join('\n');
    expect(escapeBlock(text).split('\n')).toEqual([
      '\\# Moscow', '\\---', '\\=\\=\\=', '1\\. first', '2017\\) year', '\\- item', '\\+ item', '\\> quote', '\\`\\`\\`js', '\\<div\\>', 'code', 'a\\) pandoc', '\\(@) example',
    ]);
  });
});

describe('external links', () => {
  it('links an http(s) address so that parentheses or spaces cannot end the link early', () => {
    const markdown = renderExternalLink('https://example.org/a b)(c?q=1&copy;x');
    const tokens = md.parseInline(markdown, {})[0]?.children ?? [];
    expect(tokens.map((t) => t.type)).toEqual(['link_open', 'text', 'link_close']);
    expect(tokens[0]!.attrGet('href')).toBe('https://example.org/a%20b%29%28c?q=1&copy;x');
  });

  it('never links another scheme: the address stays plain text', () => {
    for (const raw of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>', 'file:///etc/passwd', 'vbscript:msgbox', '//evil.org', 'not a url']) {
      const tokens = md.parseInline(renderExternalLink(raw), {})[0]?.children ?? [];
      expect(tokens.map((t) => t.type)).toEqual(['text']);
      expect(tokens[0]!.content).toBe(raw);
    }
  });

  it('percent-encodes every character that could end a link destination', () => {
    expect(encodeLinkDestination('a b()<>"`{}|\\^\u00a0\u2028')).toBe('a%20b%28%29%3C%3E%22%60%7B%7D%7C%5C%5E%C2%A0%E2%80%A8');
    expect(encodeLinkDestination('#1-москва-2024')).toBe('#1-москва-2024');
  });
});
