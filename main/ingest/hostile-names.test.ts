// Property tests with hostile pieces: slugs and item paths are safe file names on every OS and stay
// inside the archive; importing real pages whose titles, texts and file names are hostile never
// throws, writes nothing outside the archive, and every item file reads back as the item.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PIECES, hostileText } from '../../shared/ingest/hostile-pieces';
import { MAX_SLUG_BYTES, slugify, utf8Length } from '../../shared/slug';
import { type Archive, openArchive } from '../archive';
import { parseItem, serializeItem } from '../archive/item-file';
import { itemRelPath } from '../archive/paths';
import type { IngestErrorCode } from './index';

// Windows refuses these names with any extension, and these characters anywhere.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/;
const INVISIBLE = /[\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
const INGEST_CODES: IngestErrorCode[] = ['unsupported-type', 'timed-out', 'worker-failed', 'empty', 'binary', 'too-large', 'decode-failed', 'no-items', 'read-failed'];

/** Why `name` is not a file name safe on Windows, macOS and Linux, or null. */
function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (utf8Length(name) > 255) return 'over 255 bytes';
  if (WINDOWS_FORBIDDEN.test(name)) return 'a character Windows forbids';
  if (INVISIBLE.test(name)) return 'an invisible or bidi character';
  if (WINDOWS_DEVICE.test(name)) return 'a Windows device name';
  if (/[. ]$/.test(name) || /^[ ]/.test(name)) return 'a leading space or trailing dot/space';
  if (name === '.' || name === '..') return 'a dot name';
  if (name.normalize('NFC') !== name) return 'not NFC (macOS would rename it)';
  return null;
}

const hostile = hostileText(14);

describe('slugs from hostile text', () => {
  it('are non-empty lower-case letters, digits and single hyphens, within the byte limit, and stable', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 200 }), (text, maxBytes) => {
        const slug = slugify(text, 'item', maxBytes);
        expect(slug).toMatch(/^[\p{Ll}\p{Lo}\p{Lm}\p{N}]+(-[\p{Ll}\p{Lo}\p{Lm}\p{N}]+)*$/u);
        expect(utf8Length(slug)).toBeLessThanOrEqual(Math.max(maxBytes, 'item'.length));
        expect(unsafeNameReason(`${slug}.md`)).toBeNull();
        expect(slugify(slug, 'item', maxBytes)).toBe(slug);
      }),
      { numRuns: 1000 },
    );
  });

  it('never give a device name, even for CON, aux.txt or LPT9 dressed in invisible characters, at any length limit', () => {
    for (const name of ['CON', 'aux.txt', 'nul', 'Com1', '\u200bprn\u202e', 'LPT9.', ' AUX ']) {
      for (const maxBytes of [3, 4, 6, 8, 120]) {
        const slug = slugify(name, 'item', maxBytes);
        expect(unsafeNameReason(`${slug}.md`), name).toBeNull();
        expect(WINDOWS_DEVICE.test(slug), `${name} within ${maxBytes}`).toBe(false);
        expect(slugify(slug, 'item', maxBytes)).toBe(slug);
      }
    }
  });
});

describe('item paths from hostile titles', () => {
  const date = fc.option(fc.constantFrom('2024-09-10', '1999-12', '2012'), { nil: null });
  const id = fc.stringMatching(/^[0-9a-z]{8,40}$/);

  it('stay under items/, use only safe segments and resolve inside the archive', () => {
    const archive = resolve('/archive');
    fc.assert(
      fc.property(hostile, date, id, (title, itemDate, itemId) => {
        const path = itemRelPath({ title, date: itemDate, id: itemId });
        expect(posix.normalize(path)).toBe(path);
        expect(path.startsWith('items/')).toBe(true);
        for (const segment of path.split('/')) expect(unsafeNameReason(segment), `${segment} in ${path}`).toBeNull();
        const absolute = resolve(archive, path);
        expect(absolute.startsWith(archive + sep)).toBe(true);
        expect(utf8Length(path.split('/').pop()!)).toBeLessThanOrEqual(MAX_SLUG_BYTES + 64);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('importing pages with hostile titles, texts and file names', () => {
  let dir: string;
  let archive: Archive;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'annals-hostile-names-'));
    await mkdir(join(dir, 'pages'));
    archive = await openArchive(join(dir, 'archive'), { create: true });
  });
  afterAll(async () => {
    await archive.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A name Linux accepts (no "/" or NUL), built from hostile pieces, under 200 bytes. */
  const fileName = hostileText(6).map((text) => {
    const cleaned = text.replace(/[/\u0000]/g, '_').slice(0, 60);
    return `${cleaned === '.' || cleaned === '..' ? '_' : cleaned}.txt`;
  });
  const body = 'The chiefs of general staff of the armed forces of the Collective Security Treaty Organization met in Moscow to discuss the exercise.';

  async function listFiles(root: string): Promise<string[]> {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
  }

  it('never throws, writes only inside the archive, and every item file reads back as the item', async () => {
    let runs = 0;
    let items = 0;
    await fc.assert(
      fc.asyncProperty(hostile, hostileText(20), fileName, fc.constantFrom('txt', 'html', 'md'), async (title, text, name, kind) => {
        runs += 1;
        const page =
          kind === 'html'
            ? `<html><body><article><h1>${title}</h1><p>10.09.2024</p><p>${text} ${body}</p></article></body></html>`
            : `${kind === 'md' ? '# ' : ''}${title}\n\n10.09.2024\n\n${text}\n\n${body}\n`;
        const pageDir = join(dir, 'pages', String(runs));
        await mkdir(pageDir);
        const path = join(pageDir, name.replace(/\.txt$/, `.${kind}`));
        await writeFile(path, page);
        const result = await archive.importPaths([path]);
        for (const failure of result.failed) expect(INGEST_CODES).toContain(failure.code);
        for (const file of await listFiles(dir)) {
          const where = relative(dir, file);
          expect(isAbsolute(where) || where.startsWith('..')).toBe(false);
          expect(where.startsWith(`archive${sep}`) || where.startsWith(`pages${sep}`), where).toBe(true);
        }
        for (const item of archive.listItems()) {
          const rel = archive.itemFile(item.id)!;
          const absolute = resolve(archive.dir, rel);
          expect(absolute.startsWith(resolve(archive.dir) + sep)).toBe(true);
          for (const segment of relative(archive.dir, absolute).split(sep)) expect(unsafeNameReason(segment), segment).toBeNull();
          expect(parseItem(await readFile(absolute, 'utf8'), rel)).toEqual(item);
          expect(parseItem(serializeItem(item), rel)).toEqual(item);
        }
      }),
      { numRuns: 60 },
    );
    items = archive.listItems().length;
    // The generators must really carry hostile titles into the archive, or the property proves little.
    const hostileTitles = archive.listItems().filter((item) => /[:#|>&*!"'{}[\]<\\\u202e\u2066-\u2069\u200b]|---|\.\./u.test(item.title)).length;
    console.log(`[hostile] pages with hostile titles imported: ${runs}, items: ${items} (${hostileTitles} with hostile titles), files outside the archive: 0`);
    expect(hostileTitles).toBeGreaterThan(5);
    expect(await archive.check()).toEqual([]);
  });

  it('uses every hostile piece at least once in the generators', () => {
    expect(HOSTILE_PIECES).toEqual(expect.arrayContaining(['..', '/', '\\', '\u0000', 'CON', 'aux.txt', '\u202e', '\u2066', '\u2069', '\u200b', '---', ': ', '\n', '🎉', '---js', '<script>alert(1)</script>']));
    expect(HOSTILE_PIECES.some((piece) => /^[А-я ]{300}$/.test(piece))).toBe(true);
  });
});
