// What the archive watcher looks at (watch.ts): which paths are archive files, and one fs.watch per
// folder. Not Node 20's recursive mode: on Linux it opens a watch per file and stats synchronously,
// and not chokidar, which watches every file too; a folder watch costs the same for 10 or 10,000 items.
import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { isConflictCopyName } from './conflicts';
import { COLLECTIONS_DIR, ITEMS_DIR, TAXONOMY_FILE } from './paths';

export type FileKind = 'item' | 'collection' | 'taxonomy';

function isHidden(rel: string): boolean {
  return rel.split('/').some((part) => part.startsWith('.'));
}

/** The archive file a relative path is, or null for what the archive does not read (sources/, .annals/, temp files). */
export function kindOf(rel: string): FileKind | null {
  if (isHidden(rel) || isConflictCopyName(rel)) return null;
  if (rel === TAXONOMY_FILE) return 'taxonomy';
  if (rel.startsWith(`${ITEMS_DIR}/`) && rel.endsWith('.md')) return 'item';
  if (rel.startsWith(`${COLLECTIONS_DIR}/`) && rel.endsWith('.md') && rel.split('/').length === 2) return 'collection';
  return null;
}

/** Folders the archive reads: items/ and every folder below it, collections/ itself. */
export function isArchiveFolder(rel: string): boolean {
  return !isHidden(rel) && (rel === ITEMS_DIR || rel === COLLECTIONS_DIR || rel.startsWith(`${ITEMS_DIR}/`));
}

/** collections/<slug>.md → slug. */
export function slugOfCollectionFile(file: string): string {
  return file.slice(COLLECTIONS_DIR.length + 1, -'.md'.length);
}

/** Non-recursive watches of the archive folder ("") and the folders below it, by relative path. */
export class FolderWatches {
  private readonly handles = new Map<string, FSWatcher>();

  constructor(
    private readonly root: string,
    /** `name` is null when the platform does not say which entry changed: look at the whole folder. */
    private readonly onEvent: (folder: string, name: string | null) => void,
  ) {}

  watchFolder(rel: string): boolean {
    if (this.handles.has(rel)) return true;
    try {
      // Not persistent: a watcher alone must not keep a process (a test, the CLI) alive.
      const handle = watch(join(this.root, rel), { persistent: false }, (_type, name) =>
        this.onEvent(rel, name === null ? null : String(name).split(sep).join('/')),
      );
      // A folder deleted under its watch (EPERM on Windows): look at it again, which re-watches it if it is back.
      handle.on('error', () => {
        this.unwatchTree(rel);
        this.onEvent(rel, null);
      });
      this.handles.set(rel, handle);
      return true;
    } catch {
      return false; // gone or not a folder: its parent's watch reports when it comes back
    }
  }

  /** (Re-)watches `rel` and, under items/, every folder below it: a folder deleted and made again needs a new watch. */
  async watchTree(rel: string): Promise<void> {
    this.unwatchTree(rel);
    if (!this.watchFolder(rel) || rel === COLLECTIONS_DIR) return;
    const entries = await readdir(join(this.root, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) await this.watchTree(`${rel}/${entry.name}`);
    }
  }

  unwatchTree(rel: string): void {
    for (const [folder, handle] of this.handles) {
      if (folder !== rel && !folder.startsWith(`${rel}/`)) continue;
      handle.close();
      this.handles.delete(folder);
    }
  }

  closeAll(): void {
    for (const handle of this.handles.values()) handle.close();
    this.handles.clear();
  }
}
