// annals check [--json]: verify the archive; exit 1 on any problem.
import { openArchive } from '../../archive';
import { type Command, EXIT_OK, EXIT_PROBLEM } from '../context';

export const checkCommand: Command = {
  name: 'check',
  summary: 'verify the archive (files parse, ids unique, no temp files, links and sources present)',
  options: { json: { type: 'boolean' } },
  help: `Usage: annals check [--json]

Verifies the archive without changing it: annals.json is valid, every item and collection file parses,
ids are unique, no temp file is left from an interrupted write, collections point at existing items,
and every item's sources are present in sources/ with the right hash. Exit code 1 on any problem.

Options:
  --json   print {"ok":true|false,"items":N,"collections":N,"problems":[{"file","code","message"}]}

Example:
  annals check --archive ~/Annals`,
  async run(ctx) {
    const archive = await openArchive(ctx.archiveDir, { sweep: false });
    const problems = await archive.check();
    const summary = { ok: problems.length === 0, items: archive.listItems().length, collections: archive.listCollections().length, problems };
    if (ctx.values.json) ctx.printJson(summary);
    else {
      for (const problem of problems) ctx.print(`${problem.code}: ${problem.message}`);
      ctx.print(
        problems.length === 0
          ? `OK: ${summary.items} item(s), ${summary.collections} collection(s), no problems`
          : `${problems.length} problem(s) found`,
      );
    }
    return problems.length === 0 ? EXIT_OK : EXIT_PROBLEM;
  },
};
