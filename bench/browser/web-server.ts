// Starts browser mode (main/web) on an existing archive and a fixed port, as e2e/app-process.ts does
// for its temporary archives: IndexedDB belongs to an origin, so the warm run needs the cold run's port.
import { createServer } from 'node:net';
import { spawnWebProcess } from '../../e2e/web-process';

const START_TIMEOUT_MS = 10 * 60_000;

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
  const server = await spawnWebProcess(archiveDir, { port, startTimeoutMs: START_TIMEOUT_MS });
  const stop = async () => {
    running.delete(stop);
    await server.stop();
  };
  running.add(stop);
  return { ...server, stop };
}
