// Starts browser mode (main/web) on an existing archive and a fixed port, as e2e/app-process.ts does
// for its temporary archives: IndexedDB belongs to an origin, so the warm run needs the cold run's port.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { ROOT_DIR, binPath } from '../../e2e/paths';

const START_TIMEOUT_MS = 10 * 60_000;
const STOP_TIMEOUT_MS = 10_000;
const READY_LINE = /^Annals is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/;

export interface BenchServer {
  signInUrl: string;
  /** performance.now() when the process was spawned and when it printed its address. */
  spawnedAt: number;
  readyAt: number;
  readonly log: string[];
  stop(): Promise<void>;
}

const running = new Set<() => Promise<void>>();

/** Stops every server this process started and has not stopped yet (on SIGINT/SIGTERM). */
export async function stopAllBenchServers(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()));
}

/** A port that was free a moment ago on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Spawns `tsx main/web/index.ts --archive DIR --port P` and waits for its address. */
export async function startBenchServer(archiveDir: string, port: number): Promise<BenchServer> {
  const env = { ...process.env };
  delete env.ANNALS_ARCHIVE;
  const spawnedAt = performance.now();
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child = spawn(binPath('tsx'), ['main/web/index.ts', '--archive', archiveDir, '--port', String(port)], {
    cwd: ROOT_DIR,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    running.delete(stop);
    await stopProcess(child, exited);
  };
  running.add(stop);
  try {
    const signInUrl = await readSignInUrl(child, log);
    return { signInUrl, spawnedAt, readyAt: performance.now(), log, stop };
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
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS).unref());
  if (await Promise.race([exited.then(() => false), timer])) {
    signal('SIGKILL');
    await exited;
  }
}
