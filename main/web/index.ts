// `npm run web -- [--archive DIR] [--port N]`: Annals in a browser, for machines where Electron cannot
// run (and for the end-to-end tests). Prints one line, the address to open, and serves until stopped.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSampleArchive } from '../archive';
import { resolveArchiveDir } from '../cli/context';
import { createServices } from '../services';
import { startWebServer } from './server';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

function readOptions(argv: string[]): { archiveDir: string; port: number } {
  const { values } = parseArgs({
    args: argv,
    options: { archive: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number (0–65535), not "${values.port}"`);
  const archiveDir = resolveArchiveDir(values.archive === undefined ? undefined : resolve(values.archive), { stdout: () => {}, stderr: () => {}, env: process.env });
  return { archiveDir, port };
}

async function main(): Promise<void> {
  const { archiveDir, port } = readOptions(process.argv.slice(2));
  const { archive } = await ensureSampleArchive(archiveDir);
  const services = createServices(archive, { platform: 'web', isArchiveWatched: true });
  const server = await startWebServer({ handleCall: services.handleCall, events: services.events, rendererDir: RENDERER_DIR, port });
  process.stdout.write(`Annals is running at ${server.signInUrl}\n`);
  const stop = () => {
    services.imports.cancelAll();
    void services.imports.whenIdle().then(() => server.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`annals web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
