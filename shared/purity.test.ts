// shared/ runs in main, in the renderer and in workers: it must stay free of Node, Electron and DOM.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"]node:/, 'imports a node: module'],
  [/from\s+['"](fs|path|os|crypto|child_process|url|stream|buffer|util)['"]/, 'imports a Node built-in'],
  [/from\s+['"]electron['"]/, 'imports electron'],
  [/\brequire\s*\(/, 'uses require'],
  [/\b(document|window|localStorage|navigator)\s*\./, 'touches the DOM'],
  [/\bprocess\.(env|argv|cwd|exit)/, 'touches the Node process'],
];

describe('shared/ purity', () => {
  it('keeps every shared/ module free of node:*, electron and the DOM', () => {
    const offences: string[] = [];
    for (const file of listSources(root)) {
      const source = readFileSync(file, 'utf8');
      for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(source)) offences.push(`${relative(root, file)} ${what}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
