// Another program editing archive files while Annals edits the same ones (conflict.test.ts): after a
// line "go" on stdin, `rounds` times over, it reads each file, appends a line "rival-<round>" to its
// text and writes it back the way editors and git do (a temp file renamed over it), printing
// "round <n>" after each round and "done" at the end. A file briefly missing (Annals is replacing it)
// is read again.
import { once } from 'node:events';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

async function readWhenThere(path: string): Promise<string> {
  for (;;) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

async function main(): Promise<void> {
  const [roundsArg, ...files] = process.argv.slice(2);
  const rounds = Number(roundsArg);
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('loaded\n');
  await once(lines, 'line');
  lines.close();
  for (let round = 1; round <= rounds; round++) {
    for (const path of files) {
      const text = await readWhenThere(path);
      const temp = join(dirname(path), `.${basename(path)}.rival-${process.pid}`);
      await writeFile(temp, `${text}rival-${round}\n`);
      await rename(temp, path);
    }
    process.stdout.write(`round ${round}\n`);
  }
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
