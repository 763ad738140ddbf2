// Outside edits (DESIGN §2): while the app runs, the archive folder is watched, so items the CLI
// imports, files edited by hand and a `git pull` show up without a restart. What they changed is
// pushed as items-changed, like the app's own edits.
import type { Archive } from '../archive';
import type { Problem } from '../archive/scan';
import { type ArchiveWatcher, type OutsideChange, watchArchive } from '../archive/watch';
import type { EventHub } from './events';

export interface OutsideEdits {
  /** Watches `archive` instead of the archive watched so far; resolves once it is watched. */
  follow(archive: Archive): Promise<void>;
  /** Resolves once the current archive is watched (or could not be). */
  whenWatching(): Promise<void>;
  close(): Promise<void>;
}

export function createOutsideEdits(events: EventHub, warn: (message: string) => void = (message) => console.warn(message)): OutsideEdits {
  let watching: Promise<ArchiveWatcher | null> = Promise.resolve(null);

  const announce = (change: OutsideChange) => {
    const collections = [...change.collections, ...change.removedCollections];
    if (change.items.length + collections.length === 0 && !change.isReset) return; // a taxonomy.json edit changes no item
    events.emit('items-changed', { items: change.items, collections, reset: change.isReset });
  };
  const report = (problems: Problem[]) => {
    for (const problem of problems) warn(`[annals] changed outside the app and not readable: ${problem.message}`);
  };
  const start = (archive: Archive) =>
    watchArchive(archive, { onChange: announce, onProblems: report }).catch((error: unknown) => {
      // The app still works without the watcher; outside edits then show after a restart.
      warn(`[annals] cannot watch ${archive.dir} for outside edits: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });

  return {
    async follow(archive) {
      const previous = watching;
      watching = previous.then((watcher) => watcher?.close()).then(() => start(archive));
      await watching;
    },
    async whenWatching() {
      await watching;
    },
    async close() {
      const previous = watching;
      watching = Promise.resolve(null);
      await (await previous)?.close();
    },
  };
}
