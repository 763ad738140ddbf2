// The folder exports the app has started and not seen finish, kept in one small file beside the
// settings. A crash in the middle of a swap leaves the export folder mixed until someone exports there
// again; with the ledger the app puts it right at its next start, wherever the folder is.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFilesAtomic } from '../archive/atomic-write';
import { type ExportWriteOptions, type FolderRecovery, recoverFolderExport } from './write-export';

const LEDGER_VERSION = 1;

export interface LedgerRecovery {
  folder: string;
  recovery?: FolderRecovery;
  /** Why the folder could not be recovered now; it stays in the ledger and is tried at the next start. */
  error?: { code: string; message: string };
}

export interface ExportLedger {
  /** Records a folder before its export starts writing. */
  begin(folder: string): Promise<void>;
  /** Forgets a folder once its export has finished (or was put back at once). */
  finish(folder: string): Promise<void>;
  /** Recovers every folder still recorded; forgets those recovered or gone. */
  recoverAll(): Promise<LedgerRecovery[]>;
}

async function readFolders(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  try {
    const data = JSON.parse(text) as { version?: unknown; folders?: unknown };
    if (data.version !== LEDGER_VERSION || !Array.isArray(data.folders)) return [];
    return data.folders.filter((folder): folder is string => typeof folder === 'string');
  } catch {
    // A damaged ledger only costs the start-up recovery: the next export to a folder still recovers it.
    return [];
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'io-error';
}

/** A ledger stored in `file` (e.g. userData/pending-exports.json); every change is an atomic write. */
export function createExportLedger(file: string, options: ExportWriteOptions = {}): ExportLedger {
  let queue: Promise<unknown> = Promise.resolve();
  const update = (change: (folders: string[]) => string[]): Promise<void> => {
    const run = queue.then(async () => {
      const folders = await readFolders(file);
      const next = change(folders);
      if (next.length === folders.length && next.every((folder, i) => folder === folders[i])) return;
      await writeFilesAtomic([{ path: file, data: `${JSON.stringify({ version: LEDGER_VERSION, folders: next }, null, 2)}\n` }]);
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    begin: (folder) => update((folders) => (folders.includes(resolve(folder)) ? folders : [...folders, resolve(folder)])),
    finish: (folder) => update((folders) => folders.filter((entry) => entry !== resolve(folder))),
    async recoverAll() {
      const results: LedgerRecovery[] = [];
      for (const folder of await readFolders(file)) {
        try {
          results.push({ folder, recovery: await recoverFolderExport(folder, options) });
        } catch (error) {
          // A folder the user removed is not an error: recovery finds nothing there and answers.
          results.push({ folder, error: { code: codeOf(error), message: error instanceof Error ? error.message : String(error) } });
        }
      }
      const recovered = new Set(results.filter((result) => result.recovery).map((result) => result.folder));
      await update((folders) => folders.filter((folder) => !recovered.has(folder)));
      return results;
    },
  };
}
