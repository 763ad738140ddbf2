// annals check [--repair] [--json]: verify the archive (read-only, no lock); --repair fixes what can be fixed.
import type { Problem } from '../../archive';
import { repairArchive } from '../../archive/repair';
import { type Command, type CommandContext, EXIT_OK, EXIT_PROBLEM } from '../context';

function printProblems(ctx: CommandContext, problems: Problem[], counts: { items: number; collections: number }): void {
  for (const problem of problems) ctx.print(`${problem.code}: ${problem.message}`);
  ctx.print(
    problems.length === 0
      ? `OK: ${counts.items} item(s), ${counts.collections} collection(s), no problems`
      : `${problems.length} problem(s) found`,
  );
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'verify the archive (files parse, ids unique, no temp files, links and sources present); --repair fixes',
  options: { json: { type: 'boolean' }, repair: { type: 'boolean' } },
  help: `Usage: annals check [--repair] [--json]

Verifies the archive without changing it (and without its lock, so it runs while the app is open):
annals.json is valid, every item and collection file parses, ids are unique, no temp file, file
moved aside or unfinished journal is left from an interrupted write, collections point at existing
items, every item's sources are present in sources/ with the right hash; conflict copies
(<name>.conflict-<time>.md: another program's version of a file Annals changed) are listed.
Exit code 1 on any problem.

--repair takes the archive's lock (refused while the app has it open) and fixes what is safe:
finishes or undoes interrupted changes (.annals/journal), removes temp files, puts back or keeps
files moved aside, removes empty item files and byte-identical duplicates, drops collection entries
pointing at missing items and duplicate entries. Everything it did is recorded in
repairs/<time>.json (with the notes of dropped entries). Files that do not parse, missing sources and
conflict copies are left for you and still reported.

Options:
  --json   print {"ok":true|false,"items":N,"collections":N,"problems":[{"file","code","message"}]}
           (with --repair also "actions":[{"code","file","detail"}] and "log")

Example:
  annals check --archive ~/Annals
  annals check --repair --archive ~/Annals`,
  async run(ctx) {
    if (ctx.values.repair) {
      const archive = await ctx.openArchive({ sweep: false });
      const report = await repairArchive(archive);
      const counts = { items: archive.listItems().length, collections: archive.listCollections().length };
      if (ctx.values.json) ctx.printJson({ ok: report.remaining.length === 0, ...counts, problems: report.remaining, actions: report.actions, log: report.log });
      else {
        for (const action of report.actions) ctx.print(`repaired ${action.code}: ${action.file}: ${action.detail}`);
        if (report.log) ctx.print(`Recorded in ${report.log}`);
        printProblems(ctx, report.remaining, counts);
      }
      return report.remaining.length === 0 ? EXIT_OK : EXIT_PROBLEM;
    }
    const archive = await ctx.openArchive({ readOnly: true });
    const problems = await archive.check();
    const counts = { items: archive.listItems().length, collections: archive.listCollections().length };
    if (ctx.values.json) ctx.printJson({ ok: problems.length === 0, ...counts, problems });
    else printProblems(ctx, problems, counts);
    return problems.length === 0 ? EXIT_OK : EXIT_PROBLEM;
  },
};
