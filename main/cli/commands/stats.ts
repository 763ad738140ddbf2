// annals stats [--json]: counts per facet value and per year.
import { FACETS } from '../../../shared/model';
import { type Command, EXIT_OK } from '../context';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'counts per facet value, per year, language and status',
  options: { json: { type: 'boolean' } },
  help: `Usage: annals stats [--json]

Counts the archive's items per year (and undated), language, status, and per tag of each facet
(effective tags: automatic ones not rejected plus the curator's).

Options:
  --json   print {"items","collections","sources","byYear","byLang","byStatus","facets":{"state":{label:N}…},"withNotes"}

Example:
  annals stats`,
  async run(ctx) {
    const stats = (await ctx.openArchive({ readOnly: true })).stats();
    if (ctx.values.json) {
      ctx.printJson(stats);
      return EXIT_OK;
    }
    ctx.print(`${stats.items} item(s), ${stats.collections} collection(s), ${stats.sources} source file(s), ${stats.withNotes} with notes`);
    ctx.print(`Years: ${Object.entries(stats.byYear).map(([year, n]) => `${year} ${n}`).join(', ') || '—'}`);
    ctx.print(`Languages: ${Object.entries(stats.byLang).map(([lang, n]) => `${lang} ${n}`).join(', ') || '—'}`);
    for (const facet of FACETS) {
      const entries = Object.entries(stats.facets[facet]);
      ctx.print(`${facet}: ${entries.map(([label, n]) => `${label} ${n}`).join(', ') || '—'}`);
    }
    return EXIT_OK;
  },
};
