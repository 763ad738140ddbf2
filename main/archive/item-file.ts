// Item ↔ Markdown file. The front matter keeps everything but the text; the body is the clean text,
// so the file reads well in any editor, in Obsidian and in a git diff.
import {
  type CuratorTags,
  type DatePrecision,
  FACETS,
  type Highlight,
  ITEM_STATUSES,
  type Item,
  type ItemSource,
  type Lang,
  type Tags,
  emptyTags,
} from '../../shared/model';
import { ArchiveFileError, FieldReader, joinFrontMatterFast, splitFrontMatter } from './front-matter';

/** Version of the item file format; a newer one is refused rather than misread. */
export const ITEM_FORMAT_VERSION = 1;

const DATE_PATTERN: Record<DatePrecision, RegExp> = {
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  year: /^\d{4}$/,
};
const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year'];
const LANGS: readonly Lang[] = ['en', 'ru'];

function tagsToYaml(tags: Tags, omitEmpty: boolean): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const facet of FACETS) if (!omitEmpty || tags[facet].length > 0) out[facet] = [...tags[facet]];
  return out;
}

/** The front matter of an item's file: every field but the text, in the order the file lists them. */
export function buildItemFrontMatter(item: Item): Record<string, unknown> {
  return {
    format: ITEM_FORMAT_VERSION,
    id: item.id,
    date: item.date,
    datePrecision: item.datePrecision,
    title: item.title,
    titleDerived: item.isTitleDerived,
    lang: item.lang,
    sources: item.sources.map((s) => ({ sha256: s.sha256, file: s.file, ext: s.ext, url: s.url, index: s.index })),
    tags: tagsToYaml(item.autoTags, false),
    curator: { added: tagsToYaml(item.curator.added, true), rejected: tagsToYaml(item.curator.rejected, true) },
    note: item.note,
    highlights: item.highlights.map((h) => ({ quote: h.quote, start: h.start, comment: h.comment })),
    status: item.status,
    imported: item.imported,
    updated: item.updated,
  };
}

/** Serializes an item to the text of its file. */
export function serializeItem(item: Item): string {
  return joinFrontMatterFast(buildItemFrontMatter(item), item.text);
}

function readTags(reader: FieldReader): Tags {
  const tags = emptyTags();
  for (const facet of FACETS) tags[facet] = reader.stringList(facet);
  return tags;
}

function readSources(fields: FieldReader): ItemSource[] {
  return fields.list('sources').map((_, index) => {
    const source = fields.nested('sources', index);
    const sha256 = source.string('sha256');
    if (!/^[0-9a-f]{64}$/.test(sha256)) source.fail('sha256', 'a sha256 in lower-case hex');
    return {
      sha256,
      file: source.string('file', ''),
      ext: source.string('ext', ''),
      url: source.nullableString('url'),
      index: source.integer('index'),
    };
  });
}

function readHighlights(fields: FieldReader): Highlight[] {
  return fields.list('highlights').map((_, index) => {
    const highlight = fields.nested('highlights', index);
    return { quote: highlight.string('quote'), start: highlight.integer('start'), comment: highlight.string('comment', '') };
  });
}

function readDate(fields: FieldReader): { date: string | null; datePrecision: DatePrecision | null } {
  const date = fields.nullableString('date');
  if (date === null) return { date: null, datePrecision: null };
  const datePrecision = fields.oneOf('datePrecision', DATE_PRECISIONS);
  if (!DATE_PATTERN[datePrecision].test(date)) fields.fail('date', `a date of ${datePrecision} precision (YYYY-MM-DD, YYYY-MM or YYYY)`);
  return { date, datePrecision };
}

function checkVersion(fields: FieldReader, file: string): void {
  const version = fields.raw('format');
  if (typeof version !== 'number' || !Number.isInteger(version)) fields.fail('format', 'the format version (a number)');
  if (version > ITEM_FORMAT_VERSION) {
    throw new ArchiveFileError(
      'unsupported-version',
      file,
      `format ${version} is newer than this version of Annals understands (${ITEM_FORMAT_VERSION}); update Annals`,
    );
  }
}

/** Parses an item file; throws ArchiveFileError naming the file and the problem. */
export function parseItem(text: string, file: string): Item {
  const { data, body } = splitFrontMatter(text, file);
  const fields: FieldReader = new FieldReader(data, file);
  checkVersion(fields, file);
  const id = fields.string('id');
  if (!/^[0-9a-z][0-9a-z-]{7,63}$/.test(id)) fields.fail('id', 'at least 8 lower-case letters or digits');
  const curatorFields = fields.nested('curator');
  const curator: CuratorTags = {
    added: readTags(curatorFields.nested('added')),
    rejected: readTags(curatorFields.nested('rejected')),
  };
  return {
    id,
    title: fields.string('title'),
    isTitleDerived: fields.boolean('titleDerived', false),
    ...readDate(fields),
    lang: fields.oneOf('lang', LANGS),
    text: body,
    sources: readSources(fields),
    autoTags: readTags(fields.nested('tags')),
    curator,
    note: fields.nullableString('note') ?? '',
    highlights: readHighlights(fields),
    status: fields.oneOf('status', ITEM_STATUSES, 'unread'),
    imported: fields.string('imported'),
    updated: fields.string('updated'),
  };
}
