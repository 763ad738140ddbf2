// The app's own settings (userData/settings.json): which archive folder the user chose.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from './archive';

export interface AppSettings {
  archiveDir?: string;
}

/** The settings, or none when the file is missing or unreadable (a broken file must not stop the app). */
export async function readSettings(file: string): Promise<AppSettings> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const archiveDir = (parsed as { archiveDir?: unknown }).archiveDir;
    return typeof archiveDir === 'string' && isAbsolute(archiveDir) ? { archiveDir } : {};
  } catch {
    return {};
  }
}

export async function writeSettings(file: string, settings: AppSettings): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`);
}

/** The archive to open: the one the user chose last, else Documents/Annals. */
export function chooseArchiveDir(settings: AppSettings, documentsDir: string): string {
  return settings.archiveDir ?? join(documentsDir, 'Annals');
}
