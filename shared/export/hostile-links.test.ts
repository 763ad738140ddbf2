// Exports under hostile pieces (bidi, zero-width, NUL, `---js`, `<script>`, dangerous URL schemes):
// no raw HTML, no link to anything but http(s) or the export's own files, and no title can start a
// new front-matter block. The Markdown reader here accepts every link scheme (markdown-it refuses
// javascript: by default, which would hide a leak) and autolinks bare addresses as GFM readers do.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { hostileText } from '../ingest/hostile-pieces';
import { emptyTags } from '../model';
import { exportMarkdown } from './index';
import { ALL_OPTIONS, buildItem } from './test-support';
import type { ExportFile, ExportSource } from './types';

const reader = new MarkdownIt('default', { html: true, linkify: true });
reader.validateLink = () => true;

const DANGEROUS_SCHEME = /^\s*(javascript|data|file|vbscript)\s*:/i;
const DANGEROUS_URLS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd', 'vbscript:msgbox(1)', '\u0000javascript:alert(1)'];

const hostile = hostileText(12);
const url = fc.oneof(fc.constantFrom(...DANGEROUS_URLS), hostile, hostile.map((tail) => `https://example.org/${tail}`));

function linkTargets(markdown: string): string[] {
  const walk = (tokens: ReturnType<typeof reader.parse>): string[] =>
    tokens.flatMap((token) => [
      ...(token.type === 'link_open' ? [String(token.attrGet('href'))] : []),
      ...(token.type === 'image' ? [String(token.attrGet('src'))] : []),
      ...walk(token.children ?? []),
    ]);
  return walk(reader.parse(markdown, {}));
}

/** Checks one exported file; answers the number of links it holds. */
function expectHarmless(file: ExportFile, title: string): number {
  const close = file.content.indexOf('\n---\n', 4);
  expect(file.content.startsWith('---\n')).toBe(true);
  expect(close).toBeGreaterThan(0);
  const front = YAML.parse(file.content.slice(4, close + 1)) as Record<string, unknown>;
  expect([front.title, front.collection]).toContain(title);
  const body = file.content.slice(close + 5);
  // No line can open a second front matter: pandoc reads a `---` line after a blank line anywhere in
  // the document as a new YAML block, Hugo a `+++` one (a lone `...` only closes an open block).
  for (const line of body.split('\n')) expect(line, file.path).not.toMatch(/^(---|\+\+\+)/);
  const tokens = reader.parse(body, {});
  const all = (list: typeof tokens): typeof tokens => list.flatMap((t) => [t, ...all(t.children ?? [])]);
  expect(all(tokens).filter((t) => t.type === 'html_block' || t.type === 'html_inline')).toEqual([]);
  const rendered = reader.render(body);
  expect(rendered).not.toMatch(/<(script|iframe|img|svg|object|embed|base|meta|style)\b/i);
  const links = linkTargets(body);
  for (const href of links) {
    expect(href, file.path).not.toMatch(DANGEROUS_SCHEME);
    // mailto: comes only from a GFM reader autolinking an e-mail-like run of text ("x@y.z"): harmless.
    expect(/^(https?:\/\/|mailto:)/.test(href) || !/^[a-z][a-z0-9+.-]*:/i.test(href.replace(/^[\s\u0000-\u001f]+/, '')), href).toBe(true);
  }
  return links.length;
}

describe('exports of hostile items', () => {
  it('carry no raw HTML, no dangerous link and no second front matter, in both formats', () => {
    let files = 0;
    let links = 0;
    fc.assert(
      fc.property(hostile, fc.array(fc.record({ title: hostile, text: hostile, note: hostile, url, label: hostile }), { minLength: 1, maxLength: 4 }), (title, drafts) => {
        const source: ExportSource = {
          title,
          intro: drafts[0]!.text,
          entries: drafts.map((draft, i) => ({
            note: draft.note,
            item: buildItem({
              id: `item-${i}`, title: draft.title, text: draft.text, note: draft.note,
              highlights: [{ quote: draft.text, start: 0, comment: draft.note }],
              sources: [{ sha256: 'f'.repeat(64), file: draft.title, ext: 'html', url: draft.url, index: 0 }],
              autoTags: { ...emptyTags(), state: [draft.label] },
            }),
          })),
        };
        for (const format of ['single', 'folder'] as const) {
          for (const file of exportMarkdown(source, { ...ALL_OPTIONS, format })) {
            files += 1;
            links += expectHarmless(file, title);
          }
        }
      }),
      { numRuns: 80 },
    );
    console.log(`[hostile] exported files checked: ${files}, links checked: ${links}, dangerous links or raw HTML found: 0`);
  });

  it('shows a dangerous source address as text, never as a link', () => {
    for (const address of DANGEROUS_URLS) {
      const source: ExportSource = {
        title: 'Sources',
        intro: '',
        entries: [{ note: '', item: buildItem({ sources: [{ sha256: 'f'.repeat(64), file: 'page.html', ext: 'html', url: address, index: 0 }] }) }],
      };
      const [file] = exportMarkdown(source, { ...ALL_OPTIONS, format: 'single' });
      expect(linkTargets(file!.content).filter((href) => !href.startsWith('#'))).toEqual([]);
      expect(expectHarmless(file!, 'Sources')).toBeGreaterThan(0);
    }
  });
});
