import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Item, emptyTags, effectiveTags } from '../../shared/model';
import { type Archive, openArchive } from './archive';
import { checkArchive } from './check';
import { ArchiveError } from './errors';
import { buildItem } from './new-item';

let dir: string;
let tick = 0;
const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annals-archive-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function makeItem(text: string, title: string | null, date: string | null, state: string[] = []): Item {
  const tags = { ...emptyTags(), state };
  return buildItem(
    { title, text, date, datePrecision: date ? 'day' : null, lang: 'en', tags },
    { sha256: 'f'.repeat(64), file: 'page.txt', ext: 'txt', url: null, index: 0 },
    now().toISOString(),
  );
}

async function addItems(archive: Archive, items: Item[]): Promise<void> {
  for (const item of items) archive.itemIndex.put(item, null);
  await archive.writeItemChanges(items.map((item) => ({ item, previous: null })));
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ArchiveError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('opening and creating archives', () => {
  it('creates annals.json with format and version, and reopens the archive', async () => {
    const target = join(dir, 'new-archive');
    await openArchive(target, { create: true, now });
    const manifest = JSON.parse(await readFile(join(target, 'annals.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'annals-archive', version: 1 });
    expect((await openArchive(target)).manifest.created).toBe(manifest.created);
  });

  it('refuses a folder without annals.json unless asked to create, and a non-empty foreign folder even then', async () => {
    expect(await errorCode(openArchive(dir))).toBe('no-archive');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    expect(await errorCode(openArchive(dir, { create: true }))).toBe('folder-not-empty');
  });

  it('refuses an archive of a newer version or an unknown format with a clear error', async () => {
    await writeFile(join(dir, 'annals.json'), JSON.stringify({ format: 'annals-archive', version: 2, created: 'x' }));
    await expect(openArchive(dir)).rejects.toThrow(/version 2.*Update Annals/);
    await writeFile(join(dir, 'annals.json'), JSON.stringify({ format: 'other-app', version: 1, created: 'x' }));
    expect(await errorCode(openArchive(dir))).toBe('unsupported-format');
  });

  it('sweeps temp files left by a crash when it opens', async () => {
    await openArchive(dir, { create: true, now });
    await mkdir(join(dir, 'items', '2024'), { recursive: true });
    await writeFile(join(dir, 'items', '2024', '.x.md.0123456789ab.tmp'), 'partial');
    const unswept = await openArchive(dir, { sweep: false });
    expect((await checkArchive(unswept)).map((p) => p.code)).toEqual(['temp-file']);
    await openArchive(dir);
    expect(await readdir(join(dir, 'items', '2024'))).toEqual([]);
  });
});

describe('items on disk', () => {
  it('files items by year and date, undated ones apart, and reads them back equal', async () => {
    const archive = await openArchive(dir, { create: true, now });
    const dated = makeItem('Armenia hosted the meeting of the Council.', 'Council meets in Yerevan', '2024-09-10', ['Armenia']);
    const undated = makeItem('A paragraph without a date or a headline, long enough to give a title.', null, null);
    await addItems(archive, [dated, undated]);
    expect(archive.itemFile(dated.id)).toBe(`items/2024/2024-09-10-council-meets-in-yerevan-${dated.id.slice(0, 8)}.md`);
    expect(archive.itemFile(undated.id)).toMatch(/^items\/undated\/a-paragraph-without-a-date.*\.md$/);
    const reopened = await openArchive(dir);
    expect(reopened.getItem(dated.id)).toEqual(dated);
    expect(reopened.getItem(undated.id)).toEqual(undated);
    expect(undated.isTitleDerived).toBe(true);
  });

  it('records the rejection of an automatic tag, keeps it through re-tagging, and lifts it when the tag is added back', async () => {
    const archive = await openArchive(dir, { create: true, now });
    const item = makeItem('The Armenian delegation and Belarus took part in the CSTO exercise.', 'Exercise', '2024-01-02');
    await addItems(archive, [item]);
    expect(await archive.retagAll()).toBe(1);
    const tagged = archive.getItem(item.id) as Item;
    expect(tagged.autoTags.state).toEqual(['Armenia', 'Belarus']);

    await archive.updateItem(item.id, { removeTags: { state: ['Armenia'] }, addTags: { organ: ['Joint Staff'] } });
    expect(await archive.retagAll()).toBe(0);
    const reopened = await openArchive(dir);
    const kept = reopened.getItem(item.id) as Item;
    expect(kept.curator.rejected.state).toEqual(['Armenia']);
    expect(effectiveTags(kept)).toMatchObject({ state: ['Belarus'], organ: ['Joint Staff'] });

    await reopened.updateItem(item.id, { addTags: { state: ['Armenia'] } });
    expect(reopened.getItem(item.id)?.curator.rejected.state).toEqual([]);
    expect(effectiveTags(reopened.getItem(item.id) as Item).state).toEqual(['Armenia', 'Belarus']);
  });

  it('saves notes, highlights and status, and writes nothing for an edit that changes nothing', async () => {
    const archive = await openArchive(dir, { create: true, now });
    const item = makeItem('Tajikistan hosted the exercise near Dushanbe.', 'Exercise', '2024-01-02');
    await addItems(archive, [item]);
    const saved = await archive.updateItem(item.id, {
      note: 'Key: "quote" — ---',
      status: 'starred',
      highlights: [{ quote: 'Dushanbe', start: item.text.indexOf('Dushanbe'), comment: 'capital' }],
    });
    const file = join(dir, archive.itemFile(item.id) as string);
    const before = await readFile(file, 'utf8');
    expect(await archive.updateItem(item.id, { note: saved.note, status: 'starred' })).toBe(saved);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await openArchive(dir)).getItem(item.id)).toEqual(saved);
    await expect(archive.updateItem(item.id, { highlights: [{ quote: 'Moscow', start: 0, comment: '' }] })).rejects.toThrow(
      /not at offset/,
    );
  });
});

describe('collections', () => {
  it('creates unique slugs, keeps the slug on rename, and keeps entries, order and notes on disk', async () => {
    const archive = await openArchive(dir, { create: true, now });
    const items = ['One text here.', 'Two text here.', 'Three text here.'].map((t, i) => makeItem(t, `T${i}`, '2024-01-0' + (i + 1)));
    await addItems(archive, items);
    const ids = items.map((item) => item.id);
    const first = await archive.createCollection('Armenia 2024');
    const second = await archive.createCollection('armenia 2024');
    expect([first.slug, second.slug]).toEqual(['armenia-2024', 'armenia-2024-2']);
    await archive.addToCollection(first.slug, ids);
    await archive.addToCollection(first.slug, [ids[0] as string]);
    await archive.reorderCollection(first.slug, [ids[2], ids[0], ids[1]] as string[]);
    await archive.setCollectionEntryNote(first.slug, ids[0] as string, 'why: this');
    await archive.setCollectionIntro(first.slug, '# Intro\n\n---\n');
    await archive.renameCollection(first.slug, 'Armenia: the year');
    await archive.removeFromCollection(first.slug, [ids[1] as string]);
    await archive.deleteCollection(second.slug);

    const reopened = await openArchive(dir);
    expect(reopened.listCollections().map((c) => c.slug)).toEqual(['armenia-2024']);
    expect(reopened.getCollection('armenia-2024')).toMatchObject({
      title: 'Armenia: the year',
      intro: '# Intro\n\n---\n',
      entries: [
        { id: ids[2], note: '' },
        { id: ids[0], note: 'why: this' },
      ],
    });
    expect(await errorCode(archive.addToCollection(first.slug, ['0000000000000000']))).toBe('item-not-found');
    expect(await errorCode(archive.reorderCollection(first.slug, [ids[0] as string]))).toBe('bad-input');
  });

  it('reports a collection entry that points at no item', async () => {
    const archive = await openArchive(dir, { create: true, now });
    const item = makeItem('Some text of an item.', 'Title', null);
    await addItems(archive, [item]);
    await archive.createCollection('Report');
    await archive.addToCollection('report', [item.id]);
    await rm(join(dir, archive.itemFile(item.id) as string));
    const problems = await checkArchive(await openArchive(dir));
    expect(problems.map((p) => [p.file, p.code])).toContainEqual(['collections/report.md', 'missing-item']);
  });

  it('reports a damaged item file by name without hiding the others', async () => {
    const archive = await openArchive(dir, { create: true, now });
    await addItems(archive, [makeItem('Good item text.', 'Good', '2024-01-01')]);
    await writeFile(join(dir, 'items', '2024', 'broken.md'), '---\nid: [unclosed\n---\n\ntext\n');
    const reopened = await openArchive(dir);
    expect(reopened.listItems()).toHaveLength(1);
    expect(reopened.problems).toEqual([expect.objectContaining({ file: 'items/2024/broken.md', code: 'bad-yaml' })]);
  });
});

describe('the archive taxonomy', () => {
  it('tags with the user additions in taxonomy.json on re-tagging, and names a broken file', async () => {
    const archive = await openArchive(dir, { create: true, now });
    const item = makeItem('Observers from Mongolia attended the exercise.', 'Observers', '2024-05-05');
    await addItems(archive, [item]);
    const extra = { format: 'annals-taxonomy', version: 1, state: [{ label: 'Mongolia', aliases: ['Mongolia', 'Монголия'] }] };
    await writeFile(join(dir, 'taxonomy.json'), JSON.stringify(extra));
    const reopened = await openArchive(dir);
    await reopened.retagAll();
    expect(reopened.getItem(item.id)?.autoTags.state).toEqual(['Mongolia']);
    await writeFile(join(dir, 'taxonomy.json'), '{ not json');
    expect(await errorCode((await openArchive(dir)).retagAll())).toBe('bad-taxonomy');
  });
});

describe('concurrent changes', () => {
  it('serializes edits made at the same time and reports each change to listeners', async () => {
    const archive = await openArchive(dir, { create: true, now });
    const items = ['First text here.', 'Second text here.'].map((t, i) => makeItem(t, `T${i}`, '2024-01-01'));
    await addItems(archive, items);
    const seen: string[][] = [];
    archive.onChange((change) => seen.push(change.items.length > 0 ? change.items : change.collections));
    const [a, b] = items as [Item, Item];
    await Promise.all([
      archive.updateItem(a.id, { note: 'one' }),
      archive.updateItem(b.id, { status: 'starred' }),
      archive.updateItem(a.id, { status: 'reviewed' }),
      archive.createCollection('Parallel'),
    ]);
    const reopened = await openArchive(dir);
    expect(reopened.getItem(a.id)).toMatchObject({ note: 'one', status: 'reviewed' });
    expect(reopened.getItem(b.id)?.status).toBe('starred');
    expect(seen).toEqual([[a.id], [b.id], [a.id], ['parallel']]);
  });
});

describe('check', () => {
  it('reports a duplicated id and a missing source, naming the files', async () => {
    const archive = await openArchive(dir, { create: true, now });
    const item = makeItem('Text of an item that will be copied by hand.', 'Copied', '2024-03-03');
    await addItems(archive, [item]);
    const file = archive.itemFile(item.id) as string;
    await writeFile(join(dir, 'items', '2024', 'copy.md'), await readFile(join(dir, file), 'utf8'));
    const problems = await checkArchive(await openArchive(dir));
    expect(problems.map((p) => [p.code, p.file])).toEqual(
      expect.arrayContaining([
        ['duplicate-id', 'items/2024/copy.md'],
        ['missing-source', file],
      ]),
    );
  });
});
