// The process the export kill -9 test kills: `node export-crash-driver.ts <out>` prints "loaded",
// waits for a line "go" on stdin, prints "ready", makes the run's folder exports to <out> printing
// "op <n>" after each, then "done". A failure exits 1 with the error.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { writeExport } from '../write-export';
import { EXPORT_RUNS, exportVariant } from './crash-exports';

async function main(): Promise<void> {
  const [out] = process.argv.slice(2);
  if (!out) throw new Error('usage: export-crash-driver <out>');
  process.stdout.write('loaded\n');
  const lines = createInterface({ input: process.stdin });
  await once(lines, 'line');
  lines.close();
  process.stdout.write('ready\n');
  for (let n = 0; n < EXPORT_RUNS; n++) {
    await writeExport(exportVariant(n), out, 'folder');
    process.stdout.write(`op ${n + 1}\n`);
  }
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
