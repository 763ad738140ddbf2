// The renderer's bundle must not carry zod (it doubled the UI bundle): main validates, the renderer
// only needs the contract's names and types. This follows the run-time import graph of the UI and
// of the search worker, as the bundler does, and fails if it ever reaches zod or shared/api.ts.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(SRC, '../..');
const ENTRIES = [join(SRC, 'main.tsx'), join(SRC, 'search/search.worker.ts')];
const ZOD_BEARING = resolve(ROOT, 'shared/api.ts');

// `import x from`, `import { a, type b } from`, `export * from`, `import 'side-effect'`, `import('lazy')`;
// `import type` / `export type` are erased by the compiler and are skipped.
const STATIC = /^\s*(import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a source file loads at run time. */
function listRuntimeImports(source: string): string[] {
  const found = [...source.matchAll(STATIC)].map((m) => m[2] ?? '');
  return [...found, ...[...source.matchAll(DYNAMIC)].map((m) => m[1] ?? '')];
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every file reached from the entries, and every package (bare specifier) one of them loads. */
function walkGraph(entries: string[]): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file) || !/\.tsx?$/.test(file)) continue;
    files.add(file);
    for (const specifier of listRuntimeImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, relative(ROOT, file));
        continue;
      }
      const target = resolveRelative(file, specifier);
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the renderer bundle', () => {
  it('never loads zod or shared/api.ts at run time, from the UI or the search worker', () => {
    const { files, packages } = walkGraph(ENTRIES);
    expect(files.size).toBeGreaterThan(40);
    expect(files.has(resolve(ROOT, 'shared/api-contract.ts'))).toBe(true);
    expect([...packages.keys()]).toContain('react');
    const zodUsers = [...packages].filter(([name]) => name === 'zod' || name.startsWith('zod/')).map(([, by]) => by);
    expect(zodUsers).toEqual([]);
    expect(files.has(ZOD_BEARING)).toBe(false);
  });

  it('imports the bridge declaration only from shared/api-contract, even for types', () => {
    const offenders = listSources(SRC).filter((file) => /from\s+['"][./]*shared\/api['"]/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('reads run-time imports and skips type-only ones', () => {
    const source = [
      "import type { z } from 'zod';",
      "import { type A, b } from './b';",
      "export * from './c';",
      "export type { D } from './d';",
      "import './styles.css';",
      "const lazy = () => import('./e');",
      "import {\n  f,\n  g,\n} from 'dexie';",
    ].join('\n');
    expect(listRuntimeImports(source).sort()).toEqual(['./b', './c', './e', './styles.css', 'dexie'].sort());
  });
});
