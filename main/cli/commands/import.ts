// annals import PATH… [--json]: import files and folders; creates the archive when the folder is new.
import { access } from 'node:fs/promises';
import type { ImportResult } from '../../archive';
import { readManifest } from '../../archive/manifest';
import { type Command, type CommandContext, EXIT_OK, EXIT_PROBLEM, UsageError } from '../context';

/** Reports files named on the command line as the user typed them (files found in folders stay absolute). */
function showGivenPaths(result: ImportResult, ctx: CommandContext): ImportResult {
  const given = new Map(ctx.positionals.map((path) => [ctx.resolvePath(path), path]));
  const show = (file: string) => given.get(file) ?? file;
  return {
    ...result,
    failed: result.failed.map((failure) => ({ ...failure, file: show(failure.file) })),
    files: result.files.map((file) => ({ ...file, file: show(file.file) })),
  };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import files and folders (.txt .md .html .htm) into the archive',
  options: { json: { type: 'boolean' } },
  help: `Usage: annals import PATH… [--archive DIR] [--json]

Imports files and folders (recursively; .txt, .md, .html, .htm) into the archive, creating the
archive when its folder does not exist yet or is empty. Importing the same page again changes
nothing; a teaser and its full article become one item remembering both sources.
Prints, per file, the items added, merged into an existing item, and already present (duplicates).
Exit code 1 when a file could not be imported (the other files are imported all the same).

Options:
  --json   print {"added","merged","duplicates","failed":[{"file","code","message"}],"files":[…],"cancelled"}

Example:
  annals import ~/Downloads/csto-pages --archive ~/Annals`,
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('give at least one file or folder to import');
    for (const path of ctx.positionals) {
      const isThere = await access(ctx.resolvePath(path)).then(() => true, () => false);
      if (!isThere) throw new UsageError(`no such file or folder: ${path}`);
    }
    const isNew = (await readManifest(ctx.archiveDir)) === null;
    const archive = await ctx.openArchive({ create: true });
    if (isNew && !ctx.values.json) ctx.print(`Created archive ${archive.dir}`);
    const result = showGivenPaths(await archive.importPaths(ctx.positionals.map(ctx.resolvePath)), ctx);
    if (ctx.values.json) ctx.printJson(result);
    else {
      for (const file of result.files) {
        if (file.error) ctx.print(`${file.file}: failed (${file.error.code}) ${file.error.message}`);
        else ctx.print(`${file.file}: ${file.added} added, ${file.merged} merged, ${file.duplicates} duplicate(s)`);
      }
      ctx.print(
        `Total: ${result.added} added, ${result.merged} merged, ${result.duplicates} duplicate(s), ${result.failed.length} file(s) failed — archive ${archive.dir}`,
      );
    }
    return result.failed.length > 0 ? EXIT_PROBLEM : EXIT_OK;
  },
};
