// The process the kill -9 test kills: `node --import tsx crash-driver.ts <kind> <archive> <out>`
// loads its modules and prints "loaded" (so the test can start the next one while another runs),
// waits for a line "go" on stdin, opens the archive (taking its lock), prints "ready", runs the
// scenario's operations printing "op <n>" after each, then "done". A failure exits 1 with the error.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { openArchive } from '../archive';
import { SCENARIOS, type ScenarioKind, scenarioClock, scenarioOps } from './crash-scenarios';

async function main(): Promise<void> {
  const [kind, dir, out] = process.argv.slice(2);
  if (!SCENARIOS.includes(kind as ScenarioKind) || !dir || !out) throw new Error('usage: crash-driver <import|edit|export> <archive> <out>');
  process.stdout.write('loaded\n');
  const lines = createInterface({ input: process.stdin });
  await once(lines, 'line');
  lines.close();
  const archive = await openArchive(dir, { now: scenarioClock(10_000), tool: 'crash-driver' });
  process.stdout.write('ready\n');
  let n = 0;
  for (const op of scenarioOps(kind as ScenarioKind, archive, out)) {
    await op();
    process.stdout.write(`op ${++n}\n`);
  }
  await archive.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
