// annals collection <create|list|show|add|remove|rename|delete|note|intro> …
import { type Command, type CommandContext, EXIT_OK, UsageError, stringOption } from '../context';
import { resolveCollection, resolveItemId } from './resolve';

type Sub = (ctx: CommandContext, args: string[]) => Promise<void>;

function need(args: string[], count: number, usage: string): void {
  if (args.length < count) throw new UsageError(`usage: annals collection ${usage}`);
}

const SUBCOMMANDS: Record<string, Sub> = {
  async create(ctx, args) {
    need(args, 1, 'create TITLE [--intro TEXT]');
    const archive = await ctx.openArchive();
    const collection = await archive.createCollection(args.join(' '), stringOption(ctx.values, 'intro') ?? '');
    if (ctx.values.json) ctx.printJson(collection);
    else ctx.print(`Created collection "${collection.title}" (${collection.slug})`);
  },
  async list(ctx) {
    const collections = (await ctx.openArchive({ readOnly: true })).listCollections();
    if (ctx.values.json) ctx.printJson({ collections: collections.map(({ slug, title, entries }) => ({ slug, title, items: entries.length })) });
    else for (const c of collections) ctx.print(`${c.slug}  ${c.title}  (${c.entries.length} item(s))`);
  },
  async show(ctx, args) {
    need(args, 1, 'show NAME');
    const archive = await ctx.openArchive({ readOnly: true });
    const collection = resolveCollection(archive, args.join(' '));
    if (ctx.values.json) return ctx.printJson(collection);
    ctx.print(`${collection.title} (${collection.slug})`);
    if (collection.intro) ctx.print(collection.intro);
    for (const [i, entry] of collection.entries.entries()) {
      const item = archive.getItem(entry.id);
      ctx.print(`${i + 1}. ${entry.id} [${item?.date ?? 'undated'}] ${item?.title ?? '(missing item)'}${entry.note ? ` — ${entry.note}` : ''}`);
    }
  },
  async add(ctx, args) {
    need(args, 2, 'add NAME ID…');
    const archive = await ctx.openArchive();
    const collection = resolveCollection(archive, args[0] as string);
    const ids = args.slice(1).map((raw) => resolveItemId(archive, raw));
    const saved = await archive.addToCollection(collection.slug, ids);
    ctx.print(`"${saved.title}" now holds ${saved.entries.length} item(s)`);
  },
  async remove(ctx, args) {
    need(args, 2, 'remove NAME ID…');
    const archive = await ctx.openArchive();
    const collection = resolveCollection(archive, args[0] as string);
    const saved = await archive.removeFromCollection(collection.slug, args.slice(1).map((raw) => resolveItemId(archive, raw)));
    ctx.print(`"${saved.title}" now holds ${saved.entries.length} item(s)`);
  },
  async rename(ctx, args) {
    need(args, 2, 'rename NAME NEW-TITLE');
    const archive = await ctx.openArchive();
    const saved = await archive.renameCollection(resolveCollection(archive, args[0] as string).slug, args.slice(1).join(' '));
    ctx.print(`Renamed to "${saved.title}" (slug stays ${saved.slug})`);
  },
  async delete(ctx, args) {
    need(args, 1, 'delete NAME');
    const archive = await ctx.openArchive();
    const collection = resolveCollection(archive, args.join(' '));
    await archive.deleteCollection(collection.slug);
    ctx.print(`Deleted collection "${collection.title}" (its items stay in the archive)`);
  },
  async note(ctx, args) {
    need(args, 3, 'note NAME ID TEXT');
    const archive = await ctx.openArchive();
    const collection = resolveCollection(archive, args[0] as string);
    await archive.setCollectionEntryNote(collection.slug, resolveItemId(archive, args[1] as string), args.slice(2).join(' '));
    ctx.print('Note saved');
  },
  async intro(ctx, args) {
    need(args, 2, 'intro NAME TEXT');
    const archive = await ctx.openArchive();
    await archive.setCollectionIntro(resolveCollection(archive, args[0] as string).slug, args.slice(1).join(' '));
    ctx.print('Intro saved');
  },
};

export const collectionCommand: Command = {
  name: 'collection',
  summary: 'create, list, show and edit curated collections',
  options: { json: { type: 'boolean' }, intro: { type: 'string' } },
  help: `Usage: annals collection <subcommand> …

  create TITLE [--intro TEXT]   new collection; its slug (file name) comes from the title
  list [--json]                 every collection with its slug and size
  show NAME [--json]            the entries of a collection, in order
  add NAME ID…                  append items (ids or unique 8+ character id prefixes)
  remove NAME ID…               take items out (they stay in the archive)
  rename NAME NEW-TITLE         change the title; the slug stays
  delete NAME                   delete the collection (not its items)
  note NAME ID TEXT             set an entry's note
  intro NAME TEXT               set the intro

NAME is a slug or a title. Example:
  annals collection create "Armenia 2024"
  annals collection add armenia-2024 0a9ec614 eefe29f5`,
  async run(ctx) {
    const [sub, ...args] = ctx.positionals;
    const handler = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (!handler) throw new UsageError(sub ? `unknown subcommand "${sub}"` : `give a subcommand: ${Object.keys(SUBCOMMANDS).join(', ')}`);
    await handler(ctx, args);
    return EXIT_OK;
  },
};
