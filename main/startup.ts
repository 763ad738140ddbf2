// Opening the archive at start: the remembered (or default) folder, and when it cannot be opened
// (not an archive, a newer format, no permission) the user is told why and picks another folder.
import type { Archive } from './archive';

export interface StartupDeps {
  open(dir: string): Promise<Archive>;
  /** Another folder from the user, or null to give up (the app then quits). */
  chooseFolder(current: string): Promise<string | null>;
  report(message: string): Promise<void> | void;
}

/** The opened archive and its folder, or null when the user gave up. */
export async function openStartupArchive(dir: string, deps: StartupDeps): Promise<{ archive: Archive; dir: string } | null> {
  let candidate: string | null = dir;
  while (candidate !== null) {
    try {
      return { archive: await deps.open(candidate), dir: candidate };
    } catch (error) {
      await deps.report(`${candidate}: ${error instanceof Error ? error.message : String(error)}\n\nChoose another folder for the archive.`);
      candidate = await deps.chooseFolder(candidate);
    }
  }
  return null;
}
