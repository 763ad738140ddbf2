// Handlers of the archive, item and taxonomy channels.
import { ArchiveError } from '../archive';
import { describeTaxonomy, addTaxonomyAliases } from './taxonomy-edits';
import { listRevisions } from './revisions';
import type { HandlerContext, Handlers } from './handler-types';

type ItemHandlers = Pick<
  Handlers,
  | 'archive:info'
  | 'archive:revisions'
  | 'items:get'
  | 'items:update'
  | 'items:update-many'
  | 'taxonomy:get'
  | 'taxonomy:add-alias'
  | 'taxonomy:add-entry'
>;

export function createItemHandlers(ctx: HandlerContext): ItemHandlers {
  return {
    async 'archive:info'() {
      const archive = ctx.archive();
      return {
        path: archive.dir,
        items: archive.itemIndex.size,
        collections: archive.listCollections().length,
        isSample: await ctx.isSample(archive),
        transport: ctx.platform,
      };
    },
    async 'archive:revisions'() {
      const archive = ctx.archive();
      return listRevisions(archive.itemIndex.all().map((entry) => entry.item), archive.listCollections());
    },
    async 'items:get'({ ids }) {
      // Ids that no longer exist are left out: the mirror drops what main no longer has.
      const archive = ctx.archive();
      return ids.flatMap((id) => archive.getItem(id) ?? []);
    },
    'items:update': ({ id, patch }) =>
      ctx.editItems(async (archive, touch) => {
        const item = await archive.updateItem(id, patch);
        touch(id);
        return item;
      }),
    'items:update-many': ({ ids, patch }) =>
      ctx.editItems(async (archive, touch) => {
        const missing = ids.filter((id) => !archive.getItem(id));
        if (missing.length > 0) throw new ArchiveError('item-not-found', `no item with id ${missing.slice(0, 5).join(', ')}`);
        const saved = [];
        for (const id of new Set(ids)) {
          saved.push(await archive.updateItem(id, patch));
          touch(id);
        }
        return saved;
      }),
    'taxonomy:get': () => describeTaxonomy(ctx.archive()),
    'taxonomy:add-alias': ({ facet, label, alias }) =>
      ctx.retag((archive) => addTaxonomyAliases(archive, { facet, label, aliases: [alias], isNewLabelAllowed: false })),
    'taxonomy:add-entry': ({ facet, label, aliases }) =>
      ctx.retag((archive) => addTaxonomyAliases(archive, { facet, label, aliases, isNewLabelAllowed: true })),
  };
}
