// A copy of the start preview (the cache's newest items and its count) in a small synchronous store
// (localStorage): read before IndexedDB opens, so the first page shows at the first render even when
// the cache answers slowly (its first read after a restart took seconds at 100,000 items).
import type { Item } from '../../../shared/model';
import type { NewestItems } from './mirror-store';

/** Where the preview is kept between runs of the app. */
export interface PreviewCache {
  read(): NewestItems | null;
  write(preview: NewestItems): void;
}

const KEY = 'annals:start-preview';
const FORMAT = 1;
// The preview shows a snippet of each text's beginning: the rest is not worth keeping.
const KEPT_TEXT = 600;

function isItemLike(value: unknown): value is Item {
  const item = value as Partial<Item> | null;
  return typeof item?.id === 'string' && typeof item.title === 'string' && typeof item.text === 'string' && typeof item.autoTags === 'object' && typeof item.curator === 'object';
}

/** The preview cache over a Storage; a missing, full or damaged storage only means no cached preview. */
export function createPreviewCache(storage: Pick<Storage, 'getItem' | 'setItem'> | null): PreviewCache {
  return {
    read() {
      try {
        const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as { format?: unknown; total?: unknown; items?: unknown } | null;
        if (saved?.format !== FORMAT || typeof saved.total !== 'number' || !Array.isArray(saved.items) || !saved.items.every(isItemLike)) return null;
        return { total: saved.total, items: saved.items };
      } catch {
        return null;
      }
    },
    write(preview) {
      const items = preview.items.map((item) => ({ ...item, text: item.text.slice(0, KEPT_TEXT) }));
      try {
        storage?.setItem(KEY, JSON.stringify({ format: FORMAT, total: preview.total, items }));
      } catch {
        // Full or refused: the next start reads the preview from the cache instead.
      }
    },
  };
}
