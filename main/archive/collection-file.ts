// Collection ↔ Markdown file: front matter with the title and the ordered entries, body = intro.
import type { Collection } from '../../shared/model';
import { ArchiveFileError, FieldReader, joinFrontMatter, splitFrontMatter } from './front-matter';

export const COLLECTION_FORMAT_VERSION = 1;

/** Serializes a collection to the text of collections/<slug>.md (the slug is the file name). */
export function serializeCollection(collection: Collection): string {
  const data = {
    format: COLLECTION_FORMAT_VERSION,
    title: collection.title,
    created: collection.created,
    updated: collection.updated,
    entries: collection.entries.map((entry) => ({ id: entry.id, note: entry.note })),
  };
  return joinFrontMatter(data, collection.intro);
}

/** Parses a collection file; `slug` comes from its file name. */
export function parseCollection(text: string, file: string, slug: string): Collection {
  const { data, body } = splitFrontMatter(text, file);
  const fields: FieldReader = new FieldReader(data, file);
  const version = fields.raw('format');
  if (typeof version !== 'number' || !Number.isInteger(version)) fields.fail('format', 'the format version (a number)');
  if (version > COLLECTION_FORMAT_VERSION) {
    throw new ArchiveFileError('unsupported-version', file, `format ${version} is newer than this version of Annals understands`);
  }
  const entries = fields.list('entries').map((_, index) => {
    const entry = fields.nested('entries', index);
    return { id: entry.string('id'), note: entry.nullableString('note') ?? '' };
  });
  return {
    slug,
    title: fields.string('title'),
    intro: body,
    entries,
    created: fields.string('created'),
    updated: fields.string('updated'),
  };
}
