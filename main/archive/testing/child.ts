// A TypeScript script run as a real child process (node itself, no npx in between, so a SIGKILL
// reaches the process doing the work), with waits on the lines it prints: the tests
// synchronise on what the child says, never on sleeps.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Child {
  readonly process: ChildProcess;
  /** Every line printed so far. */
  readonly lines: string[];
  /** Resolves when a line matching `pattern` has been printed; rejects if the process ends first. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (null when killed by a signal) and stderr. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  send(line: string): void;
  kill(): Promise<void>;
}

const BUNDLE_DIR = join(REPO_ROOT, '.annals-tmp', 'child-scripts');
const bundles = new Map<string, Promise<string | null>>();

/**
 * The script bundled into one ES module by esbuild (the compiler tsx uses), with the ingest worker
 * beside it where worker-client.ts looks for a built worker: a child then starts in a fraction of the
 * time tsx takes to compile the modules, which is what makes 100+ kills fit in CI. Null when esbuild
 * cannot be loaded; the child then runs through tsx.
 */
function bundleScript(script: string): Promise<string | null> {
  let bundle = bundles.get(script);
  if (!bundle) {
    bundle = (async () => {
      try {
        const esbuild = await import('esbuild');
        const out = join(BUNDLE_DIR, `${basename(script, '.ts')}.mjs`);
        const banner = { js: "import { createRequire as __annalsRequire } from 'node:module'; const require = __annalsRequire(import.meta.url);" };
        const common = { bundle: true, platform: 'node' as const, format: 'esm' as const, logLevel: 'silent' as const, banner, absWorkingDir: REPO_ROOT };
        await esbuild.build({ ...common, entryPoints: [join(REPO_ROOT, script)], outfile: out });
        await esbuild.build({ ...common, entryPoints: [join(REPO_ROOT, 'main/ingest/worker.ts')], outfile: join(BUNDLE_DIR, 'ingest-worker.js') });
        return out;
      } catch {
        return null;
      }
    })();
    bundles.set(script, bundle);
  }
  return bundle;
}

/** Runs `script` (a path relative to the repository) as a child; bundled when possible (see bundleScript). */
export async function spawnScript(script: string, args: string[], env: Record<string, string> = {}): Promise<Child> {
  const bundle = await bundleScript(script);
  const argv = bundle ? [bundle, ...args] : ['--import', 'tsx', script, ...args];
  const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (!waiter.pattern.test(line)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  child.stdin?.on('error', () => undefined); // writing to a killed child
  return {
    process: child,
    lines,
    exited,
    waitForLine(pattern, timeoutMs = 60_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${script}: no line ${pattern} within ${timeoutMs} ms; printed ${lines.join(' | ')}`)), timeoutMs);
        waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        void exited.then(({ code, signal, stderr: err }) => {
          clearTimeout(timer);
          reject(new Error(`${script} ended (${code ?? signal}) before printing ${pattern}: ${err.slice(-2000)}`));
        });
      });
    },
    send(line) {
      child.stdin?.write(`${line}\n`);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Lets a crash-test driver run to its end (loaded → go → ready → done) and answers how long its work
 * took after "ready", in ms: the kill tests place their kill moments within that span. Throws if the
 * driver does not exit cleanly.
 */
export async function timeRunAfterReady(child: Child): Promise<number> {
  await child.waitForLine(/^loaded$/);
  child.send('go');
  await child.waitForLine(/^ready$/);
  const start = Date.now();
  await child.waitForLine(/^done$/);
  const took = Date.now() - start;
  const { code, stderr } = await child.exited;
  if (code !== 0) throw new Error(`the driver exited with code ${String(code)}: ${stderr}`);
  return took;
}

/** The same seed gives the same kill moments in every run. */
export { createRandom as seededRandom } from '../../../shared/seeded-random';
