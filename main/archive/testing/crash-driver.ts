// The process the kill -9 test kills: `node --import tsx crash-driver.ts <kind> <archive> <out>`
// loads its modules and prints "loaded" (so the test can start the next one while another runs),
// waits for a line "go" on stdin, opens the archive (taking its lock), prints "ready", runs the
// scenario's operations printing "op <n>" after each (and "batch" after each import batch is on
// disk), then "done". A failure exits 1 with the error.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { openArchive } from '../archive';
import { preparePageInWorker, stopIngestWorker } from '../../ingest/worker-client';
import { IMPORT_OPS, SCENARIOS, type ScenarioKind, scenarioClock, scenarioOps } from './crash-scenarios';

async function main(): Promise<void> {
  const [kind, dir, out] = process.argv.slice(2);
  if (!SCENARIOS.includes(kind as ScenarioKind) || !dir || !out) throw new Error('usage: crash-driver <import|edit|export> <archive> <out>');
  process.stdout.write('loaded\n');
  const lines = createInterface({ input: process.stdin });
  await once(lines, 'line');
  lines.close();
  const archive = await openArchive(dir, { now: scenarioClock(10_000), tool: 'crash-driver' });
  // The taxonomy compiled and the ingest worker started before "ready" (neither changes a file), so
  // the kill moments fall on the work itself.
  const taxonomy = await archive.taxonomy();
  if (kind === 'import') await preparePageInWorker(IMPORT_OPS[0]?.[0] as string, taxonomy, new Date(0).toISOString());
  process.stdout.write('ready\n');
  let n = 0;
  // Imports read their pages in the ingest worker as the app does; the test's reference reads them
  // inline, which writes the very same files (import.test.ts).
  for (const op of scenarioOps(kind as ScenarioKind, archive, out, { preparer: preparePageInWorker, onBatchWritten: () => process.stdout.write('batch\n') })) {
    await op();
    process.stdout.write(`op ${++n}\n`);
  }
  await archive.close();
  await stopIngestWorker();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
