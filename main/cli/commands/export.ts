// annals export (--collection NAME | --query Q) --out PATH [--format single|folder] [--text …] [--no-…]
import { exportCollection, exportQuery } from '../../export';
import { type Command, EXIT_OK, UsageError, choiceOption, stringOption } from '../context';

export const exportCommand: Command = {
  name: 'export',
  summary: 'export a collection or a search result to Markdown',
  options: {
    collection: { type: 'string' },
    query: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    text: { type: 'string' },
    'no-notes': { type: 'boolean' },
    'no-highlights': { type: 'boolean' },
    'no-tags': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  help: `Usage: annals export (--collection NAME | --query Q) --out PATH [options]

Exports a collection (by slug or title, in its order, with its intro and entry notes) or the results
of a query (in rank order, at most 1000) to CommonMark with YAML front matter.
  --format single   one document written to the file PATH (default)
  --format folder   one file per item plus index.md in the folder PATH; the folder must be new, empty,
                    or a previous Annals export (whose files are replaced)

Options:
  --text full|excerpt|none   how much of each item's text (default full)
  --no-notes                 leave out the curator's notes
  --no-highlights            leave out highlights
  --no-tags                  leave out tags
  --json                     print {"files":[paths written]}

Example:
  annals export --collection armenia-2024 --out report.md`,
  async run(ctx) {
    const collection = stringOption(ctx.values, 'collection');
    const query = stringOption(ctx.values, 'query');
    const out = stringOption(ctx.values, 'out');
    if ((collection === undefined) === (query === undefined)) throw new UsageError('give exactly one of --collection NAME or --query Q');
    if (!out) throw new UsageError('give --out PATH');
    if (ctx.positionals.length > 0) throw new UsageError(`unexpected argument "${ctx.positionals[0]}"`);
    const options = {
      format: choiceOption(ctx.values, 'format', ['single', 'folder'] as const, 'single'),
      text: choiceOption(ctx.values, 'text', ['full', 'excerpt', 'none'] as const, 'full'),
      includeNotes: !ctx.values['no-notes'],
      includeHighlights: !ctx.values['no-highlights'],
      includeTags: !ctx.values['no-tags'],
      generated: new Date().toISOString(),
    };
    const archive = await ctx.openArchive({ readOnly: true });
    const target = ctx.resolvePath(out);
    const files =
      collection !== undefined
        ? await exportCollection(archive, collection, target, options)
        : await exportQuery(archive, query as string, target, options);
    if (ctx.values.json) ctx.printJson({ files });
    else ctx.print(`Exported ${files.length} file(s) to ${target}`);
    return EXIT_OK;
  },
};
