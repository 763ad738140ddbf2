// Starts browser mode (main/web) as a child process on a fresh temporary archive, and stops it.
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT_DIR, binPath } from './paths';
import { isolatedEnv, spawnWebProcess } from './web-process';

const run = promisify(execFile);
const START_TIMEOUT_MS = 60_000;

/** 'sample': what a first start creates (the bundled seed pages); 'empty': an archive with no items. */
export type ArchiveKind = 'sample' | 'empty';

export interface RunningApp {
  /** The printed address, token included: opening it signs the browser in. */
  signInUrl: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  archiveDir: string;
  /** What the server wrote to stderr so far (shown when a test fails). */
  readonly log: string[];
  stop(): Promise<void>;
}

/** Runs the `annals` CLI (the same archive code, no server) and answers its stdout. */
export async function runCli(args: string[]): Promise<string> {
  const { stdout } = await run(binPath('tsx'), ['main/cli/index.ts', ...args], { cwd: ROOT_DIR, timeout: 60_000, env: isolatedEnv() });
  return stdout;
}

/** Creates a temporary archive of the given kind and serves it; the caller stops it. */
export async function startApp(kind: ArchiveKind): Promise<RunningApp> {
  const tempDir = await mkdtemp(join(tmpdir(), 'annals-e2e-'));
  const archiveDir = join(tempDir, 'archive');
  try {
    // main/web creates the sample archive in a folder without one; an empty archive is made first.
    if (kind === 'empty') {
      await runCli(['init', '--archive', archiveDir]);
      await access(join(archiveDir, 'annals.json'));
    }
    return await serve(archiveDir, tempDir);
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

async function serve(archiveDir: string, tempDir: string): Promise<RunningApp> {
  const server = await spawnWebProcess(archiveDir, { startTimeoutMs: START_TIMEOUT_MS });
  const stop = async () => {
    await server.stop();
    await rm(tempDir, { recursive: true, force: true });
  };
  return { signInUrl: server.signInUrl, origin: new URL(server.signInUrl).origin, archiveDir, log: server.log, stop };
}
