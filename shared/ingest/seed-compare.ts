// The seed comparison of seeds/README ("To compare an import with a seed"), used by the seed tests
// and by anyone measuring the importer on annotated pages.
import type { ParsedPage } from './index';

export interface ExpectedItem {
  anchor: string;
  title: string | null;
  date: string | null;
  states: string[];
  organs: string[];
  exercises: string[];
}

export interface ExpectedPage {
  url: string | null;
  lang: 'en' | 'ru';
  items: ExpectedItem[];
}

/** Folds whitespace (no-break spaces included), typographic quotes and dashes, and letter case. */
export function foldForMatch(text: string): string {
  return text
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u3000]+/gu, ' ')
    .replace(/[“”„‟«»″"]/gu, '"')
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[‐‑‒–—―−]/gu, '-')
    .toLowerCase()
    .trim();
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** Compares a parsed page with its expectation; returns one line per difference (empty when equal). */
export function compareWithSeed(page: ParsedPage, expected: ExpectedPage): string[] {
  const problems: string[] = [];
  if (page.lang !== expected.lang) problems.push(`lang: got ${page.lang}, expected ${expected.lang}`);
  const haystacks = page.items.map((item) => foldForMatch(`${item.title ?? ''}\n\n${item.text}`));
  const used = new Set<number>();
  expected.items.forEach((want, n) => {
    const anchor = foldForMatch(want.anchor);
    const candidates = haystacks.map((h, i) => i).filter((i) => !used.has(i) && haystacks[i]!.includes(anchor));
    const i = candidates.find((c) => haystacks[c]!.startsWith(anchor)) ?? candidates[0];
    if (i === undefined) {
      problems.push(`item ${n} missed: no produced item contains "${want.anchor}"`);
      return;
    }
    used.add(i);
    const got = page.items[i]!;
    const where = `item ${n} ("${want.anchor.slice(0, 30)}…")`;
    if (got.title !== want.title) problems.push(`${where} title: got ${JSON.stringify(got.title)}, expected ${JSON.stringify(want.title)}`);
    if (got.date !== want.date) problems.push(`${where} date: got ${got.date}, expected ${want.date}`);
    const facets: [string, string[], string[]][] = [
      ['states', got.tags.state, want.states],
      ['organs', got.tags.organ, want.organs],
      ['exercises', got.tags.exercise, want.exercises],
    ];
    for (const [facet, have, expect] of facets) {
      if (!sameSet(have, expect)) problems.push(`${where} ${facet}: got [${have.join(', ')}], expected [${expect.join(', ')}]`);
    }
  });
  page.items.forEach((item, i) => {
    if (!used.has(i)) problems.push(`spurious item ${i}: "${(item.title ?? item.text).slice(0, 60)}"`);
  });
  return problems;
}
