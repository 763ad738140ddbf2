import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from '../../shared/taxonomy';
import { parsePage } from '../../shared/ingest';
import { type ExpectedPage, compareWithSeed } from '../../shared/ingest/seed-compare';
import { extractHtml, sniffHtmlCharset } from './html';
import { tokenizeHtml } from './html-tokenizer';

const root = new URL('../../resources/', import.meta.url).pathname;

describe('extracting text from HTML', () => {
  it('turns a saved CSTO news page into exactly the items of its seed', () => {
    const { text, url } = extractHtml(readFileSync(`${root}fixtures/html/seed-004.html`, 'utf8'));
    const expected = JSON.parse(readFileSync(`${root}seeds/004_b84ff4f94bcea16d.json`, 'utf8')) as ExpectedPage;
    expect(url).toBe('https://en.odkb-csto.org/news/news_odkb/koalitsionnyy-shchit/');
    expect(compareWithSeed(parsePage(text, { taxonomy: loadDefaultTaxonomy(), url }), expected)).toEqual([]);
  });

  it('drops scripts, styles, comments, navigation, asides and the page footer', () => {
    const { text } = extractHtml(
      '<body><script>var a = "<p>x</p>";</script><style>p{}</style><!-- c --><nav>Menu</nav><p>Kept text.</p><aside>Side</aside><footer>Foot</footer></body>',
    );
    expect(text).toBe('Kept text.');
  });

  it('keeps an article\'s own header (its headline and date)', () => {
    const { text } = extractHtml('<header>Site</header><article><header><h1>Headline here</h1><time>12.05.2024</time></header><p>Body.</p></article>');
    expect(text).toBe('Headline here\n\n12.05.2024\n\nBody.');
  });

  it('prefers <article>/<main> over the rest of the page', () => {
    expect(extractHtml('<div>Banner line</div><main><p>Main text.</p></main><div>After</div>').text).toBe('Main text.');
  });

  it('breaks lines at blocks, list items, cells and <br>, and decodes entities', () => {
    expect(extractHtml('<ul><li>One</li><li>Two</li></ul><table><tr><td>A&amp;B</td><td>C&nbsp;D</td></tr></table>x<br>y').text).toBe(
      'One\nTwo\n\nA&B\nC\u00a0D\n\nx\ny',
    );
  });

  it('takes og:url when there is no canonical link', () => {
    expect(extractHtml('<meta property="og:url" content="https://tass.ru/x"><p>T.</p>').url).toBe('https://tass.ru/x');
  });

  it('survives malformed markup: unclosed tags, stray "<", unterminated comments and attributes', () => {
    expect(extractHtml('<p>a < b and c<d</p><div class="x>text').text).toContain('a < b and c');
    expect(extractHtml('<p>before<!-- never closed').text).toBe('before');
    expect(extractHtml('<head><title>T</title><body><p>Body without closing head.</p>').text).toBe('Body without closing head.');
  });

  it('handles a 5 MB single-line page in linear time', () => {
    const html = `<p>${'word &amp; <b>bold</b> '.repeat(220_000)}</p>${'<'.repeat(200_000)}`;
    const started = Date.now();
    extractHtml(html);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads raw-text elements up to their own end tag only', () => {
    const tokens = [...tokenizeHtml('<script>if (a</b) x("</scr" + "ipt>");</script><p>ok</p>')];
    expect(tokens.filter((t) => t.type === 'start').map((t) => (t as { name: string }).name)).toEqual(['script', 'p']);
  });

  it('sniffs the declared charset from the first bytes', () => {
    expect(sniffHtmlCharset(new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'))).toBe('windows-1251');
    expect(sniffHtmlCharset(new TextEncoder().encode('<meta charset="KOI8-R">'))).toBe('koi8-r');
    expect(sniffHtmlCharset(new TextEncoder().encode('<p>none</p>'))).toBeNull();
  });
});
