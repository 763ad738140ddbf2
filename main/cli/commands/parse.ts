// annals parse FILE… [--json]: run ingest only and print the items found; the archive is not touched.
import type { Tags } from '../../../shared/model';
import { loadDefaultTaxonomy } from '../../../shared/taxonomy';
import { IngestError, readPage } from '../../ingest';
import { type Command, EXIT_OK, EXIT_PROBLEM, UsageError } from '../context';

interface ParsedFileOutput {
  file: string;
  items: { title: string | null; text: string; date: string | null; datePrecision: string | null; lang: string; tags: Tags }[];
  errors: { code: string; message: string }[];
}

async function parseOne(file: string, path: string): Promise<ParsedFileOutput> {
  try {
    const { page } = await readPage(path, loadDefaultTaxonomy());
    const items = page.items.map((item) => ({
      title: item.title,
      text: item.text,
      date: item.date,
      datePrecision: item.datePrecision,
      lang: item.lang,
      tags: { state: item.tags.state, organ: item.tags.organ, exercise: item.tags.exercise, person: item.tags.person },
    }));
    return { file, items, errors: [] };
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return { file, items: [], errors: [{ code: error.code, message: error.message }] };
  }
}

function describeTags(tags: Tags): string {
  return Object.entries(tags)
    .flatMap(([facet, labels]) => labels.map((label) => `${facet}:${label}`))
    .join(', ');
}

export const parseCommand: Command = {
  name: 'parse',
  summary: 'show the items ingest finds in files (the archive is not touched)',
  options: { json: { type: 'boolean' } },
  help: `Usage: annals parse FILE… [--json]

Runs ingest only (decode, clean, segment, date, title, tag with the built-in taxonomy) and prints the
items found in each file. Nothing is written. Exit code 1 when a file cannot be read or has no items.

Options:
  --json   print {"files":[{"file","items":[{"title","text","date","datePrecision","lang","tags"}],"errors"}]}

Example:
  annals parse resources/seeds/ru/ru1.txt --json`,
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('give at least one FILE to parse');
    const files: ParsedFileOutput[] = [];
    for (const file of ctx.positionals) files.push(await parseOne(file, ctx.resolvePath(file)));
    if (ctx.values.json) ctx.printJson({ files });
    else {
      for (const file of files) {
        for (const error of file.errors) ctx.print(`${file.file}: error ${error.code}: ${error.message}`);
        if (file.errors.length === 0) ctx.print(`${file.file}: ${file.items.length} item(s)`);
        for (const [i, item] of file.items.entries()) {
          ctx.print(`  ${i + 1}. [${item.date ?? 'undated'}] ${item.title ?? `(no title) ${item.text.slice(0, 60)}…`}`);
          const tags = describeTags(item.tags);
          if (tags) ctx.print(`     ${tags}`);
        }
      }
    }
    return files.some((file) => file.errors.length > 0) ? EXIT_PROBLEM : EXIT_OK;
  },
};
