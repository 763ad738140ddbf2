// Test helpers: a fresh archive in a temp folder, seeded with real seed pages, and an event recorder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiEventName, ApiEvents } from '../../shared/api';
import { type Archive, openArchive } from '../archive';
import type { EventHub } from './events';

export const SEED_DIR = fileURLToPath(new URL('../../resources/seeds', import.meta.url));
export const SEED_PAGES = ['000_cd461175736abc75.txt', '001_f0ede400db868b7c.txt'].map((name) => join(SEED_DIR, name));

/** A new archive in a temp folder holding the items of `pages`; `cleanup` removes the folder. */
export async function createTestArchive(pages: string[] = SEED_PAGES): Promise<{ archive: Archive; dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'annals-services-'));
  let tick = 0;
  const archive = await openArchive(join(dir, 'archive'), { create: true, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) });
  if (pages.length > 0) await archive.importPaths(pages);
  return { archive, dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export type RecordedEvent = { [E in ApiEventName]: { event: E; payload: ApiEvents[E] } }[ApiEventName];

/** Records every event emitted on the hub. */
export function recordEvents(hub: EventHub): RecordedEvent[] {
  const seen: RecordedEvent[] = [];
  hub.subscribe((event, payload) => seen.push({ event, payload } as RecordedEvent));
  return seen;
}

/** The payloads of one event, typed. */
export function payloadsOf<E extends ApiEventName>(events: RecordedEvent[], name: E): ApiEvents[E][] {
  return events.filter((entry) => entry.event === name).map((entry) => entry.payload as ApiEvents[E]);
}
