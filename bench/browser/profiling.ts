// --profile DIR: CPU profiles of the page's main thread while typing and during a reload (the page's
// warm start, the server already up), written as .cpuprofile (open in Chrome DevTools → Performance)
// and summarised as the functions with the most self time.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { type HotFunction, type PageProfile, createSourceLocator, startCpuProfile, summarizeProfile } from './cpu-profile';
import { waitForFirstResults, waitForSyncIdle } from './probe-state';
import type { TaskAttribution } from './task-attribution';
import type { TracedTask } from './trace-summary';

export interface ProfileSummaries {
  typing?: HotFunction[];
  reload?: HotFunction[];
  /** What each long task while typing was. */
  typingTasks?: TaskAttribution[];
  /** What each long task of the reload (until the sync with main was done) was. */
  reloadTasks?: TaskAttribution[];
  /** --trace: every main-thread task of 50 ms or more during the typing (clearing between queries included), by trace event. */
  typingTrace?: TracedTask[];
}

export interface ProfiledWork {
  hot: HotFunction[];
  recorded: PageProfile;
}

/** Runs `work` under the profiler, saves `DIR/NAME.cpuprofile` and answers its hottest functions and the profile. */
export async function profileWhile(page: Page, dir: string, name: string, work: () => Promise<void>): Promise<ProfiledWork> {
  const stop = await startCpuProfile(page);
  let recorded: PageProfile;
  try {
    await work();
  } finally {
    recorded = await stop();
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(recorded.profile));
  await writeFile(join(dir, `${name}.epoch.json`), JSON.stringify({ epochAtStart: recorded.epochAtStart }));
  return { hot: summarizeProfile(recorded.profile, 15, createSourceLocator()), recorded };
}

/** Reloads the page (the saved index again, the server warm) under the profiler. */
export function profileReload(page: Page, dir: string): Promise<ProfiledWork> {
  return profileWhile(page, dir, 'reload', async () => {
    await page.reload();
    await waitForFirstResults(page, 5 * 60_000);
    await waitForSyncIdle(page, 5 * 60_000);
  });
}
