// Reads the archive on disk, the single source of truth, to check what the UI did reached it.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import YAML from 'yaml';

type FacetTags = Partial<Record<'state' | 'organ' | 'exercise' | 'person', string[]>>;

/** The front matter of an item file, as far as the specs look at it. */
export interface ItemOnDisk {
  id: string;
  title: string;
  tags: FacetTags;
  curator: { added: FacetTags; rejected: FacetTags };
  note: string;
  highlights: { quote: string; start: number; comment: string }[];
  status: string;
}

/** Splits `---\nYAML\n---\nbody` and parses the YAML with the `yaml` package's safe defaults. */
export function parseFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no front matter in:\n${text.slice(0, 200)}`);
  const data: unknown = YAML.parse(match[1] ?? '');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('front matter is not a mapping');
  return { data: data as Record<string, unknown>, body: match[2] ?? '' };
}

/** Every item file of the archive (items/<year>/*.md, items/undated/*.md). */
export async function listItemFiles(archiveDir: string): Promise<string[]> {
  const dir = join(archiveDir, 'items');
  const names = await readdir(dir, { recursive: true });
  return names.filter((name) => name.endsWith('.md')).map((name) => join(dir, name));
}

/** Every item of the archive as its file says (a file replaced or moved while listed is skipped). */
export async function readItems(archiveDir: string): Promise<ItemOnDisk[]> {
  const files = await listItemFiles(archiveDir);
  const items = await Promise.all(
    files.map(async (file) => {
      try {
        return parseFrontMatter(await readFile(file, 'utf8')).data as unknown as ItemOnDisk;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    }),
  );
  return items.filter((item): item is ItemOnDisk => item !== null);
}

/** How long an item may be missing while the app replaces its file (moved aside, the new one linked in). */
const REPLACING_MS = 2000;

/**
 * The item whose title is `title` (the reader shows it); throws when several match, or when none
 * does for longer than a file replacement takes (a listing taken mid-replacement misses the file).
 */
export async function readItemByTitle(archiveDir: string, title: string): Promise<ItemOnDisk> {
  const deadline = Date.now() + REPLACING_MS;
  for (;;) {
    const found = (await readItems(archiveDir)).filter((item) => item.title.trim() === title.trim());
    if (found.length === 1) return found[0]!;
    if (found.length > 1 || Date.now() > deadline) throw new Error(`${found.length} items titled "${title}" in the archive`);
    await new Promise((resolve) => setTimeout(resolve, 25)); // the next listing, not a wait for time to pass
  }
}

/** A collection file's front matter. */
export async function readCollection(archiveDir: string, slug: string): Promise<Record<string, unknown>> {
  return parseFrontMatter(await readFile(join(archiveDir, 'collections', `${slug}.md`), 'utf8')).data;
}
