// Starts browser mode (main/web) as a child process on a fresh temporary archive, and stops it.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { ROOT_DIR, binPath } from './paths';

const run = promisify(execFile);
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const READY_LINE = /^Annals is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/;

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
  const { stdout } = await run(binPath('tsx'), ['main/cli/index.ts', ...args], { cwd: ROOT_DIR, timeout: 60_000, env: cliEnv() });
  return stdout;
}

function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // Never fall back to the developer's own archive.
  delete env.ANNALS_ARCHIVE;
  return env;
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
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn(binPath('tsx'), ['main/web/index.ts', '--archive', archiveDir], {
    cwd: ROOT_DIR,
    env: cliEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    await stopProcess(child, exited);
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    const signInUrl = await readSignInUrl(child, log);
    return { signInUrl, origin: new URL(signInUrl).origin, archiveDir, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readSignInUrl(child: ChildProcess, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`browser mode did not start: ${reason}\n${log.join('')}`));
    };
    const timer = setTimeout(() => fail(`no address printed within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.once('exit', (code) => fail(`exited with code ${code}`));
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line.trim());
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
  });
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const group = -child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(group, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(STOP_TIMEOUT_MS).then(() => true)]);
  if (timedOut) {
    signal('SIGKILL');
    await exited;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
