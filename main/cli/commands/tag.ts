// annals tag|untag ID facet:Label… and annals note ID TEXT: a curator's edits from the command line.
import { FACETS, type Facet, type Tags, emptyTags } from '../../../shared/model';
import { type Command, type CommandContext, EXIT_OK, UsageError } from '../context';
import { resolveItemId } from './resolve';

function parseTagArgs(args: string[]): Tags {
  const tags = emptyTags();
  for (const arg of args) {
    const match = /^([a-z]+):(.+)$/.exec(arg);
    const facet = match?.[1] as Facet | undefined;
    if (!match || !facet || !FACETS.includes(facet)) {
      throw new UsageError(`"${arg}" is not facet:Label (facets: ${FACETS.join(', ')})`);
    }
    tags[facet].push((match[2] as string).trim());
  }
  return tags;
}

async function editTags(ctx: CommandContext, mode: 'add' | 'remove'): Promise<number> {
  const [rawId, ...tagArgs] = ctx.positionals;
  if (!rawId || tagArgs.length === 0) throw new UsageError(`usage: annals ${mode === 'add' ? 'tag' : 'untag'} ID facet:Label…`);
  const archive = await ctx.openArchive();
  const id = resolveItemId(archive, rawId);
  const tags = parseTagArgs(tagArgs);
  await archive.updateItem(id, mode === 'add' ? { addTags: tags } : { removeTags: tags });
  ctx.print(`${mode === 'add' ? 'Tagged' : 'Untagged'} ${id}`);
  return EXIT_OK;
}

const TAG_HELP = (verb: string, what: string) => `Usage: annals ${verb} ID facet:Label…

${what}
Facets: ${FACETS.join(', ')}. ID is an item id or a unique prefix of 8+ characters.

Example:
  annals ${verb} 0a9ec614 state:Armenia 'organ:Joint Staff'`;

export const tagCommand: Command = {
  name: 'tag',
  summary: 'add tags to an item (lifts a rejection of the same automatic tag)',
  options: {},
  help: TAG_HELP('tag', 'Adds the curator\'s tags to an item. Adding an automatic tag the curator had rejected lifts the rejection.'),
  run: (ctx) => editTags(ctx, 'add'),
};

export const untagCommand: Command = {
  name: 'untag',
  summary: 'remove tags from an item (an automatic tag is recorded as rejected)',
  options: {},
  help: TAG_HELP('untag', 'Removes tags from an item. An automatic tag is recorded as rejected, so re-tagging never brings it back.'),
  run: (ctx) => editTags(ctx, 'remove'),
};

export const noteCommand: Command = {
  name: 'note',
  summary: 'set the curator\'s note of an item',
  options: {},
  help: `Usage: annals note ID TEXT…

Sets the item's note (an empty TEXT "" clears it).

Example:
  annals note 0a9ec614 "Cited in the September report"`,
  async run(ctx) {
    const [rawId, ...words] = ctx.positionals;
    if (!rawId || words.length === 0) throw new UsageError('usage: annals note ID TEXT');
    const archive = await ctx.openArchive();
    const id = resolveItemId(archive, rawId);
    await archive.updateItem(id, { note: words.join(' ') });
    ctx.print(`Note saved on ${id}`);
    return EXIT_OK;
  },
};

export const retagCommand: Command = {
  name: 'retag',
  summary: 're-tag every item with the taxonomy (keeps the curator\'s decisions)',
  options: {},
  help: `Usage: annals retag

Recomputes the automatic tags of every item with the built-in taxonomy plus the archive's
taxonomy.json. The curator's added and rejected tags are kept.`,
  async run(ctx) {
    const changed = await (await ctx.openArchive()).retagAll();
    ctx.print(`Re-tagged: ${changed} item(s) changed`);
    return EXIT_OK;
  },
};
