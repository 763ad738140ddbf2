// --profile DIR: CPU profiles of the page's main thread while typing and during a reload (the page's
// warm start, the server already up), written as .cpuprofile (open in Chrome DevTools → Performance)
// and summarised as the functions with the most self time.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { type CpuProfile, type HotFunction, createSourceLocator, startCpuProfile, summarizeProfile } from './cpu-profile';
import { waitForFirstResults, waitForSyncIdle } from './probe-state';

export interface ProfileSummaries {
  typing?: HotFunction[];
  reload?: HotFunction[];
}

/** Runs `work` under the profiler, saves `DIR/NAME.cpuprofile` and answers its hottest functions. */
export async function profileWhile(page: Page, dir: string, name: string, work: () => Promise<void>): Promise<HotFunction[]> {
  const stop = await startCpuProfile(page);
  let profile: CpuProfile;
  try {
    await work();
  } finally {
    profile = await stop();
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  return summarizeProfile(profile, 15, createSourceLocator());
}

/** Reloads the page (the saved index again, the server warm) under the profiler. */
export function profileReload(page: Page, dir: string): Promise<HotFunction[]> {
  return profileWhile(page, dir, 'reload', async () => {
    await page.reload();
    await waitForFirstResults(page, 5 * 60_000);
    await waitForSyncIdle(page, 5 * 60_000);
  });
}
