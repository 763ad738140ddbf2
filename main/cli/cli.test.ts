import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import MarkdownIt from 'markdown-it';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACETS, type Item, effectiveTags } from '../../shared/model';
import { openArchive } from '../archive';
import { runCli } from './run';
import { hashTree } from '../archive/testing/hash-tree';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEEDS = join(ROOT, 'resources', 'seeds');

let work: string;
let archiveDir: string;
let firstImport: { added: number; merged: number; duplicates: number; failed: unknown[] };
let secondImport: typeof firstImport;
let treeAfterFirst: string;
let treeAfterSecond: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env: { ANNALS_ARCHIVE: archiveDir },
    cwd: ROOT,
  });
  return { code, out, err };
}

async function json<T>(...argv: string[]): Promise<T> {
  const { code, out, err } = await cli(...argv, '--json');
  if (code !== 0) throw new Error(`exit ${code}: ${err}`);
  return JSON.parse(out) as T;
}

/** Hash of every file of the archive (path, bytes and modification time), caches excluded. */

async function listItemFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'items'), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name));
}

interface SearchJson {
  total: number;
  results: { id: string; title: string; date: string | null; snippet: string; tags: Record<string, string[]> }[];
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'annals-cli-'));
  archiveDir = join(work, 'archive');
  firstImport = await json('import', SEEDS);
  treeAfterFirst = await hashTree(archiveDir);
  secondImport = await json('import', SEEDS);
  treeAfterSecond = await hashTree(archiveDir);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function allItems(): Promise<Item[]> {
  return (await openArchive(archiveDir)).listItems();
}

describe('annals import', () => {
  it('imports the seed pages, and importing them again changes no file and counts duplicates', async () => {
    expect(firstImport.failed).toEqual([]);
    expect(firstImport.added).toBeGreaterThan(30);
    expect(treeAfterSecond).toBe(treeAfterFirst);
    expect(secondImport).toMatchObject({ added: 0, merged: 0, failed: [] });
    expect(secondImport.duplicates).toBe(firstImport.added + firstImport.merged + firstImport.duplicates);
  });

  it('leaves an archive that check passes, with front matter every YAML reader parses', async () => {
    const check = await json<{ ok: boolean; problems: unknown[]; items: number }>('check');
    expect(check).toMatchObject({ ok: true, problems: [] });
    const files = await listItemFiles(archiveDir);
    expect(files).toHaveLength(check.items);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const [, frontMatter] = text.split(/^---$/m);
      expect(YAML.parse(frontMatter ?? ''), file).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    }
  });

  it('reports a file that cannot be imported and imports the others', async () => {
    const folder = join(work, 'mixed');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'empty.txt'), '');
    await writeFile(join(folder, 'note.txt'), 'The Collective Security Council of the CSTO met in Minsk to discuss the situation in Afghanistan.');
    const { code, out } = await cli('import', folder, '--json');
    const result = JSON.parse(out);
    expect(code).toBe(1);
    expect(result.failed).toEqual([expect.objectContaining({ file: join(folder, 'empty.txt'), code: 'empty' })]);
    expect(result.added).toBe(1);
  });
});

describe('annals search', () => {
  it('filters by state and organ: exactly the items tagged with both', async () => {
    const result = await json<SearchJson>('search', 'state:Armenia organ:"Joint Staff"', '--limit', '100');
    const expected = (await allItems()).filter((item) => {
      const tags = effectiveTags(item);
      return tags.state.includes('Armenia') && tags.organ.includes('Joint Staff');
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(result.results.map((r) => r.id).sort()).toEqual(expected.map((item) => item.id).sort());
    expect(result.total).toBe(expected.length);
  });

  it('finds every item of the Interaction exercise series, English and Russian', async () => {
    const result = await json<SearchJson>('search', 'Interaction', '--limit', '100');
    const series = (await allItems()).filter((item) => effectiveTags(item).exercise.some((label) => label.startsWith('Interaction')));
    expect(series.some((item) => item.lang === 'ru')).toBe(true);
    expect(result.results.map((r) => r.id)).toEqual(expect.arrayContaining(series.map((item) => item.id)));
  });

  it('finds a Russian word through its inflections ("учений" finds "учение")', async () => {
    const result = await json<SearchJson>('search', 'учений', '--limit', '100');
    const inflected = (await allItems()).find((item) => /специальное учение/.test(item.text));
    expect(inflected?.text).not.toMatch(/учений/);
    expect(result.results.map((r) => r.id)).toContain(inflected?.id);
    expect(result.results.find((r) => r.id === inflected?.id)?.snippet).toMatch(/\*\*учени/i);
  });

  it('finds a Cyrillic name typed in Latin letters (the ru1 teaser for "Tasmagambetov")', async () => {
    const result = await json<SearchJson>('search', 'Tasmagambetov');
    const teaser = (await allItems()).find((item) => item.text.startsWith('Генеральный секретарь ОДКБ Имангали Тасмагамбетов'));
    expect(teaser?.sources.map((s) => s.file)).toContain('ru1.txt');
    expect(result.results.map((r) => r.id)).toContain(teaser?.id);
  });

  it('rejects a malformed query with a message naming the problem', async () => {
    const { code, err } = await cli('search', 'year:abc');
    expect(code).toBe(2);
    expect(err).toMatch(/bad query.*year/i);
  });
});

describe('collections and export', () => {
  it('builds a collection from the command line and exports it as valid Markdown', async () => {
    const hits = await json<SearchJson>('search', 'Interaction', '--limit', '3');
    expect((await cli('collection', 'create', 'Interaction', 'reading', '--intro', '# Why\n\n---')).code).toBe(0);
    const ids = hits.results.map((r) => r.id.slice(0, 8));
    expect((await cli('collection', 'add', 'interaction-reading', ...ids)).code).toBe(0);
    expect((await cli('collection', 'note', 'Interaction reading', ids[0] as string, 'Opening: "why" it matters')).code).toBe(0);
    const out = join(work, 'export', 'report.md');
    await mkdir(join(work, 'export'), { recursive: true });
    expect((await cli('export', '--collection', 'interaction-reading', '--out', out)).code).toBe(0);
    const markdown = await readFile(out, 'utf8');
    expect(markdown.startsWith('---\n')).toBe(true);
    const tokens = new MarkdownIt({ html: false }).parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
    const headings = tokens.filter((t, i) => tokens[i - 1]?.type === 'heading_open').map((t) => t.content);
    for (const hit of hits.results) expect(headings.join('\n')).toContain(hit.title.replace(/…$/, '').slice(0, 30));
    expect(markdown).toContain('Opening: "why" it matters');
  });

  it('refuses to export into a non-empty folder that is not a previous export, and replaces a previous export', async () => {
    const folder = join(work, 'taken');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'mine.txt'), 'keep me');
    const refused = await cli('export', '--query', 'Interaction', '--out', folder, '--format', 'folder');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not empty/);
    expect(await readdir(folder)).toEqual(['mine.txt']);

    const target = join(work, 'folder-export');
    expect((await cli('export', '--query', 'Interaction', '--out', target, '--format', 'folder')).code).toBe(0);
    expect((await cli('export', '--query', 'Tasmagambetov', '--out', target, '--format', 'folder')).code).toBe(0);
    const marker = JSON.parse(await readFile(join(target, '.annals-export.json'), 'utf8'));
    expect((await readdir(target, { recursive: true })).filter((f) => f.endsWith('.md')).sort()).toEqual([...marker.files].sort());
  });

  it('records an untagged automatic tag as rejected', async () => {
    const item = (await allItems()).find((i) => i.autoTags.state.includes('Kyrgyzstan')) as Item;
    expect((await cli('untag', item.id, 'state:Kyrgyzstan')).code).toBe(0);
    expect((await cli('retag')).code).toBe(0);
    const after = (await openArchive(archiveDir)).getItem(item.id) as Item;
    expect(after.curator.rejected.state).toEqual(['Kyrgyzstan']);
    expect(effectiveTags(after).state).not.toContain('Kyrgyzstan');
  });
});

describe('annals parse', () => {
  it('prints the ingest result in the documented JSON shape', async () => {
    const file = 'resources/seeds/001_f0ede400db868b7c.txt';
    const expected = JSON.parse(await readFile(join(ROOT, 'resources/seeds/001_f0ede400db868b7c.json'), 'utf8'));
    const { code, out } = await cli('parse', file, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['files']);
    expect(Object.keys(result.files[0])).toEqual(['file', 'items', 'errors']);
    expect(result.files[0].file).toBe(file);
    expect(result.files[0].items).toHaveLength(expected.items.length);
    for (const item of result.files[0].items) {
      expect(Object.keys(item)).toEqual(['title', 'text', 'date', 'datePrecision', 'lang', 'tags']);
      expect(Object.keys(item.tags)).toEqual([...FACETS]);
      expect(item.date === null || /^\d{4}-\d{2}-\d{2}$/.test(item.date)).toBe(true);
    }
  });

  it('gives a failing file no items and an error, with exit code 1', async () => {
    const { code, out } = await cli('parse', 'resources/seeds/missing.txt', 'resources/seeds/ru/ru2.txt', '--json');
    expect(code).toBe(1);
    const [missing, ru2] = JSON.parse(out).files;
    expect(missing).toMatchObject({ file: 'resources/seeds/missing.txt', items: [], errors: [{ code: 'read-failed' }] });
    expect(ru2.errors).toEqual([]);
    expect(ru2.items.length).toBeGreaterThan(0);
  });
});

describe('bad command lines', () => {
  it('names an unknown command, an unknown option and a missing file, with exit code 2', async () => {
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command "frobnicate"/) });
    expect(await cli('search', 'x', '--colour')).toMatchObject({ code: 2, err: expect.stringMatching(/--colour/) });
    expect(await cli('import', 'no/such/file.txt')).toMatchObject({ code: 2, err: expect.stringMatching(/no such file.*no\/such\/file.txt/) });
    expect(await cli('search', 'x', '--limit', 'ten')).toMatchObject({ code: 2, err: expect.stringMatching(/--limit/) });
  });

  it('refuses to search a folder that is not an archive', async () => {
    const { code, err } = await cli('search', 'x', '--archive', join(work, 'nowhere'));
    expect(code).toBe(1);
    expect(err).toMatch(/not an Annals archive/);
  });

  it('prints help for every command', async () => {
    for (const name of ['init', 'import', 'parse', 'search', 'export', 'collection', 'tag', 'untag', 'note', 'retag', 'check', 'stats']) {
      const { code, out } = await cli(name, '--help');
      expect(code, name).toBe(0);
      expect(out, name).toMatch(new RegExp(`Usage: annals ${name}`));
    }
  });
});

describe('the real command', () => {
  it('runs through npx tsx and prints stats as JSON', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'main/cli/index.ts', 'stats', '--json', '--archive', archiveDir], {
      cwd: ROOT,
    });
    const stats = JSON.parse(stdout);
    expect(stats.items).toBe((await allItems()).length);
    expect(Object.keys(stats.facets)).toEqual([...FACETS]);
  });
});
