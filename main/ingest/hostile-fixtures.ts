// Test helper and script: builds the hostile-input fixtures (resources/fixtures/hostile/). Small files
// are committed so they can be opened and reused (e2e, manual checks); the big ones (50 MB, 5 MB,
// 100k-deep nesting, 1e6 attributes) are only ever built on the fly into a temp folder.
//   npx tsx main/ingest/hostile-fixtures.ts resources/fixtures/hostile
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeSingleByte, encodeUtf16 } from './test-encoders';

/** What importing the fixture must do: give items (a title among them) or fail with a code. */
export type HostileExpectation =
  | { outcome: 'imported'; title?: string; minItems?: number }
  | { outcome: 'rejected'; code: string };

export interface HostileFixture {
  name: string;
  why: string;
  expect: HostileExpectation;
  /** Built on the fly, never committed (size). */
  isBig?: boolean;
  build: () => Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

const EN_TITLE = 'CSTO chiefs of staff gather in Moscow';
const EN_PAGE =
  `${EN_TITLE}\n\n28.08.2012\n\nThe chiefs of general staff of the armed forces of the Collective Security Treaty ` +
  'Organization member states will gather in the Russian capital on Tuesday to discuss the joint exercise.\n\n' +
  'The meeting will review the readiness of the Collective Rapid Reaction Forces.\n';
const RU_TITLE = 'Учение "Эшелон-2024" прошло в Кыргызстане';
const RU_PAGE =
  `${RU_TITLE}\n\n10.09.2024\n\nВ Кыргызстане специальное учение с силами и средствами материально-технического ` +
  'обеспечения проводится с целью совершенствования слаженности и оперативности работы органов тылового обеспечения.\n\n' +
  'Учение завершится на следующей неделе, сообщили в Объединенном штабе ОДКБ.\n';

function htmlPage(title: string, body: string, head = ''): string {
  const paragraphs = body.split('\n\n').slice(1).map((p) => `<p>${p.trim()}</p>`).join('\n');
  return `<!DOCTYPE html><html><head>${head}<title>site</title></head><body><nav><a href="/">Home</a></nav>` +
    `<article><h1>${title}</h1>\n${paragraphs}</article></body></html>`;
}

function withHeader(header: number[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let seed = 7;
  for (let i = 0; i < size; i += 1) out[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  out.set(header);
  return out;
}

/** A page of `targetBytes`: real articles between a huge inline script and data-URI images (what a saved page weighs). */
export function buildBigPage(targetBytes: number): Uint8Array {
  const article = htmlPage(EN_TITLE, EN_PAGE);
  const open = article.slice(0, article.indexOf('<article>'));
  const close = article.slice(article.indexOf('<article>'));
  const image = `<img alt="" src="data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB'.repeat(2000)}">\n`;
  const fill = Math.max(0, targetBytes - open.length - close.length - 40);
  const scriptBytes = Math.floor(fill / 2);
  const images = image.repeat(Math.floor((fill - scriptBytes) / image.length));
  const script = `<script>${'var a=1;'.repeat(Math.floor((targetBytes - open.length - close.length - images.length - 17) / 8))}</script>`;
  return utf8(`${open}${script}${images}${close}`);
}

function buildSingleLine(bytes: number): Uint8Array {
  const sentence = 'The Collective Security Treaty Organization held talks in Minsk, the ministers agreed. ';
  return utf8(`${EN_TITLE} 28.08.2012 ${sentence.repeat(Math.ceil(bytes / sentence.length))}`.slice(0, bytes));
}

function buildDeepNesting(levels: number): Uint8Array {
  // Opened, never closed, then as many stray closers of another element: each must cost O(1).
  return utf8(`<html><body>${'<div>'.repeat(levels)}${htmlPage(EN_TITLE, EN_PAGE)}${'</span>'.repeat(levels)}</body></html>`);
}

function buildManyAttributes(count: number): Uint8Array {
  const attrs = Array.from({ length: count }, (_, i) => `a${i}="${i}"`).join(' ');
  return utf8(`<html><body><div ${attrs}>x</div>${htmlPage(EN_TITLE, EN_PAGE)}</body></html>`);
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => {
    const prev = String.fromCharCode(97 + i);
    return `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
].join('\n');

/** A `---js` front matter that would leave a marker file and a global if anything ran it. */
export function jsFrontMatterPayload(markerPath: string): string {
  return `---js\n(function () { globalThis.__annalsPwned = true; require('fs').writeFileSync(${JSON.stringify(markerPath)}, 'pwned'); return { title: 'pwned' }; })()\n---\n\n${EN_PAGE}`;
}

const YAML_BREAKER_TITLE = 'CSTO: "Security" --- the #1 topic & *priority* | !!js/function {a: b}';

export const HOSTILE_FIXTURES: HostileFixture[] = [
  { name: 'png-named.html', why: 'a PNG image saved as .html', expect: { outcome: 'rejected', code: 'binary' }, build: () => withHeader([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 2048) },
  { name: 'zip-named.html', why: 'a ZIP archive saved as .html', expect: { outcome: 'rejected', code: 'binary' }, build: () => withHeader([0x50, 0x4b, 0x03, 0x04], 2048) },
  { name: 'elf-named.htm', why: 'an ELF executable saved as .htm', expect: { outcome: 'rejected', code: 'binary' }, build: () => withHeader([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 2048) },
  { name: 'empty.html', why: 'a 0-byte file', expect: { outcome: 'rejected', code: 'empty' }, build: () => new Uint8Array() },
  { name: 'utf16le-bom.txt', why: 'UTF-16 LE with a BOM', expect: { outcome: 'imported', title: RU_TITLE }, build: () => encodeUtf16(RU_PAGE, 'le', true) },
  { name: 'utf16le-nobom.txt', why: 'UTF-16 LE without a BOM', expect: { outcome: 'imported', title: RU_TITLE }, build: () => encodeUtf16(RU_PAGE, 'le', false) },
  { name: 'utf16be-bom.txt', why: 'UTF-16 BE with a BOM', expect: { outcome: 'imported', title: EN_TITLE }, build: () => encodeUtf16(EN_PAGE, 'be', true) },
  { name: 'utf16be-nobom.txt', why: 'UTF-16 BE without a BOM', expect: { outcome: 'imported', title: RU_TITLE }, build: () => encodeUtf16(RU_PAGE, 'be', false) },
  { name: 'cp1251-no-charset.html', why: 'Windows-1251 with no charset declared', expect: { outcome: 'imported', title: RU_TITLE }, build: () => encodeSingleByte(htmlPage(RU_TITLE, RU_PAGE), 'windows-1251') },
  { name: 'koi8r-lying-charset.html', why: 'KOI8-R declaring windows-1251', expect: { outcome: 'imported', title: RU_TITLE }, build: () => encodeSingleByte(htmlPage(RU_TITLE, RU_PAGE, '<meta charset="windows-1251">'), 'koi8-r') },
  { name: 'cp866-no-charset.txt', why: 'CP866 (DOS) text', expect: { outcome: 'imported', title: RU_TITLE }, build: () => encodeSingleByte(RU_PAGE, 'ibm866') },
  { name: 'cp1251-claims-utf8.html', why: 'Windows-1251 declaring UTF-8', expect: { outcome: 'imported', title: RU_TITLE }, build: () => encodeSingleByte(htmlPage(RU_TITLE, RU_PAGE, '<meta charset="utf-8">'), 'windows-1251') },
  { name: 'mixed-line-endings.txt', why: 'CRLF, LF and lone CR in one file', expect: { outcome: 'imported', title: EN_TITLE }, build: () => utf8(EN_PAGE.split('\n').map((line, i) => line + ['\r\n', '\n', '\r\n'][i % 3]).join('').replace(/\r\n$/, '\r')) },
  { name: 'nul-bytes.txt', why: 'stray NUL bytes inside text', expect: { outcome: 'imported', title: EN_TITLE }, build: () => utf8(EN_PAGE.replace('general staff', 'general\u0000 staff').replace('Tuesday', 'Tues\u0000day')) },
  { name: 'invalid-utf8.txt', why: 'UTF-8 Russian with a few invalid bytes', expect: { outcome: 'imported', title: RU_TITLE }, build: () => { const ok = utf8(RU_PAGE); const out = new Uint8Array(ok.length + 2); out.set(ok.subarray(0, 200)); out.set([0xff, 0xc3], 200); out.set(ok.subarray(200), 202); return out; } },
  { name: 'yaml-breaker-title.txt', why: 'a title full of YAML syntax', expect: { outcome: 'imported', title: YAML_BREAKER_TITLE }, build: () => utf8(EN_PAGE.replace(EN_TITLE, YAML_BREAKER_TITLE)) },
  { name: 'js-front-matter.md', why: 'Markdown with a ---js front matter (must not run)', expect: { outcome: 'imported', title: EN_TITLE }, build: () => utf8(jsFrontMatterPayload('/tmp/annals-js-front-matter-ran')) },
  { name: 'billion-laughs.md', why: 'a YAML alias bomb as front matter', expect: { outcome: 'imported', title: EN_TITLE }, build: () => utf8(`---\n${BILLION_LAUGHS}\n---\n\n${EN_PAGE}`) },
  { name: 'unterminated-comment.html', why: 'an HTML comment that never closes', expect: { outcome: 'imported', title: EN_TITLE }, build: () => utf8(`${htmlPage(EN_TITLE, EN_PAGE)}<!-- ${'never closed '.repeat(1000)}`) },
  { name: 'unterminated-script.html', why: 'a <script> that never closes', expect: { outcome: 'imported', title: EN_TITLE }, build: () => utf8(`${htmlPage(EN_TITLE, EN_PAGE)}<script>${'alert(1);'.repeat(1000)}`) },
  { name: 'only-script.html', why: 'a page that is nothing but script', expect: { outcome: 'rejected', code: 'empty' }, build: () => utf8('<html><script>alert(1)</script><style>b{}</style></html>') },
  { name: 'navigation-only.txt', why: 'only navigation lines', expect: { outcome: 'rejected', code: 'no-items' }, build: () => utf8('Home\nNews\nAbout\nContacts\nSearch\nВсе новости\nEnglish\nРусский\n') },
  { name: 'unsupported.pdf', why: 'a type the importer does not read', expect: { outcome: 'rejected', code: 'unsupported-type' }, build: () => utf8('%PDF-1.4') },
  { name: 'big-50mb.html', why: 'a 50 MB saved page (inline script and images)', isBig: true, expect: { outcome: 'imported', title: EN_TITLE }, build: () => buildBigPage(50_000_000) },
  { name: 'too-large.txt', why: 'one byte over the 50 MiB limit', isBig: true, expect: { outcome: 'rejected', code: 'too-large' }, build: () => new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61) },
  { name: 'single-line-5mb.txt', why: 'a 5 MB single line of text', isBig: true, expect: { outcome: 'imported' }, build: () => buildSingleLine(5_000_000) },
  { name: 'single-line-5mb.html', why: 'a 5 MB single-line HTML page', isBig: true, expect: { outcome: 'imported', title: EN_TITLE }, build: () => utf8(htmlPage(EN_TITLE, EN_PAGE).replace('</article>', `<p>${'Minsk talks. '.repeat(400_000)}</p></article>`).replace(/\n/g, ' ')) },
  { name: 'deep-nesting.html', why: '100k nested elements and 100k stray end tags', isBig: true, expect: { outcome: 'imported', title: EN_TITLE }, build: () => buildDeepNesting(100_000) },
  { name: 'million-attributes.html', why: 'one element with 1e6 attributes', isBig: true, expect: { outcome: 'imported', title: EN_TITLE }, build: () => buildManyAttributes(1_000_000) },
];

/** Writes the fixtures into `dir` (the big ones only when asked); answers the written paths. */
export function writeHostileFixtures(dir: string, { includeBig = false } = {}): Map<string, string> {
  mkdirSync(dir, { recursive: true });
  const written = new Map<string, string>();
  for (const fixture of HOSTILE_FIXTURES) {
    if (fixture.isBig && !includeBig) continue;
    const path = join(dir, fixture.name);
    writeFileSync(path, fixture.build());
    written.set(fixture.name, path);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const target = process.argv[2] ?? 'resources/fixtures/hostile';
  console.log(`wrote ${writeHostileFixtures(target).size} fixtures to ${target}`);
}
