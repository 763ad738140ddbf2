// Handlers of the collection channels: every change is written by the archive, then announced.
import type { Collection } from '../../shared/model';
import type { HandlerContext, Handlers } from './handler-types';

type CollectionHandlers = Pick<
  Handlers,
  | 'collections:get'
  | 'collections:create'
  | 'collections:rename'
  | 'collections:delete'
  | 'collections:add-items'
  | 'collections:remove-items'
  | 'collections:reorder'
  | 'collections:set-entry-note'
  | 'collections:set-intro'
>;

export function createCollectionHandlers(ctx: HandlerContext): CollectionHandlers {
  return {
    async 'collections:get'({ slugs }) {
      // Slugs that no longer exist are left out: the mirror drops what main no longer has.
      const archive = ctx.archive();
      return slugs.flatMap((slug) => archive.getCollection(slug) ?? []);
    },
    'collections:create': ({ title, intro }) =>
      ctx.editCollection((created: Collection) => created.slug, (archive) => archive.createCollection(title, intro ?? '')),
    'collections:rename': ({ slug, title }) => ctx.editCollection(slug, (archive) => archive.renameCollection(slug, title)),
    'collections:delete': ({ slug }) =>
      ctx.editCollection(slug, async (archive) => {
        await archive.deleteCollection(slug);
        return { slug };
      }),
    'collections:add-items': ({ slug, ids, position }) =>
      ctx.editCollection(slug, (archive) => archive.addToCollection(slug, ids, position)),
    'collections:remove-items': ({ slug, ids }) => ctx.editCollection(slug, (archive) => archive.removeFromCollection(slug, ids)),
    'collections:reorder': ({ slug, ids }) => ctx.editCollection(slug, (archive) => archive.reorderCollection(slug, ids)),
    'collections:set-entry-note': ({ slug, id, note }) =>
      ctx.editCollection(slug, (archive) => archive.setCollectionEntryNote(slug, id, note)),
    'collections:set-intro': ({ slug, intro }) => ctx.editCollection(slug, (archive) => archive.setCollectionIntro(slug, intro)),
  };
}
