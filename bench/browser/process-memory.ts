// Resident memory of the Chromium processes of one profile: the browser process is recognised by
// its --user-data-dir argument, its helpers (renderer, GPU, network, workers' host) by ancestry.
import { execFileSync } from 'node:child_process';

export interface ProcessRow {
  pid: number;
  ppid: number;
  rssKb: number;
  args: string;
}

/** Parses `ps -eo pid=,ppid=,rss=,args=` output. */
export function parsePsOutput(text: string): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match) rows.push({ pid: Number(match[1]), ppid: Number(match[2]), rssKb: Number(match[3]), args: match[4] ?? '' });
  }
  return rows;
}

/** Sums the RSS (MB) of the processes whose arguments contain `marker` and of all their descendants. */
export function sumTreeRssMb(rows: readonly ProcessRow[], marker: string): { processes: number; rssMb: number } {
  const inTree = new Set(rows.filter((r) => r.args.includes(marker)).map((r) => r.pid));
  let isGrowing = true;
  while (isGrowing) {
    isGrowing = false;
    for (const row of rows) {
      if (!inTree.has(row.pid) && inTree.has(row.ppid)) {
        inTree.add(row.pid);
        isGrowing = true;
      }
    }
  }
  const kb = rows.filter((r) => inTree.has(r.pid)).reduce((sum, r) => sum + r.rssKb, 0);
  return { processes: inTree.size, rssMb: Math.round(kb / 1024) };
}

/** RSS of the Chromium running on `userDataDir`, all its processes together. */
export function readBrowserRss(userDataDir: string): { processes: number; rssMb: number } {
  const text = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return sumTreeRssMb(parsePsOutput(text), `--user-data-dir=${userDataDir}`);
}
