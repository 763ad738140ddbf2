// A process that tries to open an archive for writing (archive-lock.test.ts): prints "got" when it
// holds the lock or "locked <message>" when refused, then waits for a line on stdin before releasing.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { openArchive } from '../archive';

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('loaded\n');
  await once(lines, 'line');
  try {
    const archive = await openArchive(process.argv[2] as string, { tool: 'lock-contender' });
    process.stdout.write('got\n');
    await once(lines, 'line');
    await archive.close();
  } catch (error) {
    process.stdout.write(`locked ${(error as { code?: string }).code} ${(error as Error).message}\n`);
  }
  lines.close();
}

void main();
