// Spawns browser mode (`tsx main/web/index.ts`) on an archive, waits for the address it prints, and
// stops it with its whole process group. Shared by the e2e harness and the browser benchmark.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT_DIR, binPath } from './paths';

const STOP_TIMEOUT_MS = 5_000;
const READY_LINE = /^Annals is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/;

export interface WebProcess {
  /** The printed address, token included: opening it signs the browser in. */
  signInUrl: string;
  /** performance.now() when the process was spawned and when it printed its address. */
  spawnedAt: number;
  readyAt: number;
  /** What the server wrote to stderr so far (shown when something fails). */
  readonly log: string[];
  stop(): Promise<void>;
}

export interface WebProcessOptions {
  /** A fixed port (IndexedDB belongs to an origin: a warm restart needs the same one); default any. */
  port?: number;
  startTimeoutMs: number;
}

/** An environment that never falls back to the developer's own archive. */
export function isolatedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ANNALS_ARCHIVE;
  return env;
}

/** Spawns the server on `archiveDir` and resolves once it prints its address; stops it on failure. */
export async function spawnWebProcess(archiveDir: string, options: WebProcessOptions): Promise<WebProcess> {
  const args = ['main/web/index.ts', '--archive', archiveDir];
  if (options.port !== undefined) args.push('--port', String(options.port));
  const spawnedAt = performance.now();
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn(binPath('tsx'), args, { cwd: ROOT_DIR, env: isolatedEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => stopProcess(child, exited);
  try {
    const signInUrl = await readSignInUrl(child, log, options.startTimeoutMs);
    return { signInUrl, spawnedAt, readyAt: performance.now(), log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readSignInUrl(child: ChildProcess, log: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`browser mode did not start: ${reason}\n${log.join('')}`));
    };
    const timer = setTimeout(() => fail(`no address printed within ${timeoutMs / 1000} s`), timeoutMs);
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
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS).unref());
  if (await Promise.race([exited.then(() => false), timer])) {
    signal('SIGKILL');
    await exited;
  }
}
