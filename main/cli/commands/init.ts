// annals init [--sample]: create an archive (optionally with the bundled sample pages).
import { ensureSampleArchive } from '../../archive';
import { readManifest } from '../../archive/manifest';
import { type Command, EXIT_OK } from '../context';

export const initCommand: Command = {
  name: 'init',
  summary: 'create an archive folder (--sample: with the bundled sample pages)',
  options: { sample: { type: 'boolean' } },
  help: `Usage: annals init [--archive DIR] [--sample]

Creates an archive in DIR (which must be new or empty). With --sample, imports the bundled sample
pages (resources/seeds: English and Russian CSTO pages) so that search has something to find. An
existing archive is left as it is.

Example:
  annals init --sample --archive ~/Annals`,
  async run(ctx) {
    if (await readManifest(ctx.archiveDir)) {
      ctx.print(`${ctx.archiveDir} is already an Annals archive; nothing to do`);
      return EXIT_OK;
    }
    const archive = ctx.values.sample
      ? ctx.keep((await ensureSampleArchive(ctx.archiveDir)).archive)
      : await ctx.openArchive({ create: true });
    ctx.print(`Created archive ${archive.dir} (${archive.listItems().length} item(s))`);
    return EXIT_OK;
  },
};
