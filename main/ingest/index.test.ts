import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefaultTaxonomy } from '../../shared/taxonomy';
import { IngestError, MAX_FILE_BYTES, decodeFile, readPage } from './index';
import { encodeSingleByte } from './test-encoders';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof IngestError ? error.code : 'other';
  }
  return undefined;
}

describe('decoding a file by its type', () => {
  it('refuses unsupported types, empty and whitespace-only files, binaries and oversized files', () => {
    expect(codeOf(() => decodeFile(new Uint8Array([65]), 'a.pdf'))).toBe('unsupported-type');
    expect(codeOf(() => decodeFile(new Uint8Array(), 'a.txt'))).toBe('empty');
    expect(codeOf(() => decodeFile(new TextEncoder().encode(' \n\u00a0\t '), 'a.txt'))).toBe('empty');
    expect(codeOf(() => decodeFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'a.txt'))).toBe('binary');
    expect(codeOf(() => decodeFile(new Uint8Array(MAX_FILE_BYTES + 1), 'a.txt'))).toBe('too-large');
    expect(codeOf(() => decodeFile(new TextEncoder().encode('<script>x</script>'), 'a.html'))).toBe('empty');
  });

  it('names the file and the problem in the message', () => {
    try {
      decodeFile(new Uint8Array(), '/some/dir/page.txt');
    } catch (error) {
      expect((error as IngestError).file).toBe('page.txt');
      expect((error as Error).message).toMatch(/page\.txt: .*empty/);
    }
  });

  it('decodes a windows-1251 HTML page whose meta charset lies', () => {
    const html = '<html><head><meta charset="koi8-r"><link rel="canonical" href="https://jscsto.org/news/5994/"></head><body><article><h1>Годовщина создания Объединенного штаба ОДКБ</h1><p>Сегодня на полигоне состоялась церемония открытия учения.</p></article></body></html>';
    const decoded = decodeFile(encodeSingleByte(html, 'windows-1251'), 'page.htm');
    expect(decoded).toMatchObject({ encoding: 'windows-1251', kind: 'html', url: 'https://jscsto.org/news/5994/' });
    expect(decoded.text).toBe('Годовщина создания Объединенного штаба ОДКБ\n\nСегодня на полигоне состоялась церемония открытия учения.');
  });

  it('keeps Markdown text and strips its heading marks', () => {
    expect(decodeFile(new TextEncoder().encode('# Title of it\n\nBody.'), 'n.md')).toMatchObject({ kind: 'markdown', text: 'Title of it\n\nBody.' });
  });
});

describe('reading a page from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'annals-ingest-'));
  const taxonomy = loadDefaultTaxonomy();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads, decodes and parses a seed page', async () => {
    const path = join(dir, 'ru3.txt');
    writeFileSync(path, encodeSingleByte('28.04.2020\n\nГодовщина создания штаба ОДКБ\n\nГодовщина создания штаба ОДКБ\n\nТекст новости о годовщине.', 'koi8-r'));
    const { decoded, page } = await readPage(path, taxonomy);
    expect(decoded.encoding).toBe('koi8-r');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ title: 'Годовщина создания штаба ОДКБ', date: '2020-04-28', lang: 'ru' });
  });

  it('reports a missing file as read-failed and a page of navigation only as no-items', async () => {
    await expect(readPage(join(dir, 'missing.txt'), taxonomy)).rejects.toMatchObject({ code: 'read-failed' });
    const path = join(dir, 'nav.txt');
    writeFileSync(path, 'Main page\nAll news\nGo back\n');
    await expect(readPage(path, taxonomy)).rejects.toMatchObject({ code: 'no-items' });
  });
});
