// The CLI runs the same archive and search code without the renderer: what it finds for a query is
// what the app's search box must show. It reads a copy, so it never touches the served archive.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './app-process';

export interface CliOracle {
  /** The number of results `annals search QUERY` finds. */
  countResults(query: string): Promise<number>;
  dispose(): Promise<void>;
}

/** Copies the archive as it is now; later changes in the app are not seen. */
export async function snapshotForCli(archiveDir: string): Promise<CliOracle> {
  const copyDir = await mkdtemp(join(tmpdir(), 'annals-e2e-cli-'));
  const archiveCopy = join(copyDir, 'archive');
  await cp(archiveDir, archiveCopy, { recursive: true });
  return {
    async countResults(query) {
      const out = JSON.parse(await runCli(['search', query, '--json', '--limit', '1', '--archive', archiveCopy])) as { total: number };
      return out.total;
    },
    dispose: () => rm(copyDir, { recursive: true, force: true }),
  };
}
