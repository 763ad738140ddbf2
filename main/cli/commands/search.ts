// annals search QUERY… [--json] [--limit N] [--sort relevance|date]: the app's query language.
import { formatSnippet } from '../../../shared/search';
import { type Command, EXIT_OK, UsageError, choiceOption, integerOption } from '../context';

export const searchCommand: Command = {
  name: 'search',
  summary: 'search the archive with the app\'s query language',
  options: { json: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' }, sort: { type: 'string' } },
  help: `Usage: annals search QUERY… [--json] [--limit N] [--offset N] [--sort relevance|date|date-asc]

Words match by prefix and with typo tolerance, all words must match; "exact phrase", OR, -word,
NOT, parentheses; filters state: organ: exercise: person: tag: year: date: before: after: has: in:.
Several arguments are joined with spaces. Results are in rank order (relevance; by date, newest
first, when the query has only filters). Snippets mark the matched words with **…**.

Options:
  --json        print {"total":N,"results":[{"id","title","date","snippet","tags"}]}
  --limit N     how many results (default 20)
  --offset N    skip the first N results (default 0)
  --sort S      relevance, date (newest first) or date-asc

Example:
  annals search 'state:Armenia organ:"Joint Staff"' --limit 5`,
  async run(ctx) {
    const query = ctx.positionals.join(' ').trim();
    if (!query) throw new UsageError('give a QUERY');
    const limit = integerOption(ctx.values, 'limit', 20);
    const offset = integerOption(ctx.values, 'offset', 0, 0);
    const sortChoice = choiceOption(ctx.values, 'sort', ['relevance', 'date', 'date-asc'] as const, 'relevance');
    const sort = ctx.values.sort === undefined ? undefined : sortChoice;
    const archive = await ctx.openArchive({ readOnly: true });
    const result = await archive.search(query, { limit, offset, sort });
    if (result.error) throw new UsageError(`bad query at position ${result.error.position}: ${result.error.message}`);
    const results = result.hits.map((hit) => ({
      id: hit.id,
      title: hit.title,
      date: hit.date,
      snippet: formatSnippet(hit.snippet, '**', '**'),
      tags: hit.tags,
    }));
    if (ctx.values.json) ctx.printJson({ total: result.total, results });
    else {
      ctx.print(`${result.total} result(s)${result.total > results.length ? `, showing ${offset + 1}–${offset + results.length}` : ''}`);
      for (const [i, hit] of results.entries()) {
        ctx.print(`${offset + i + 1}. [${hit.date ?? 'undated'}] ${hit.title}  (${hit.id})`);
        ctx.print(`   ${hit.snippet.replace(/\s+/g, ' ')}`);
      }
    }
    return EXIT_OK;
  },
};
