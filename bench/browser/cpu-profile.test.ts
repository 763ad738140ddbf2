import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CpuProfile, createSourceLocator, summarizeProfile } from './cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

describe('summarizeProfile', () => {
  it('adds each sample’s time to its own function and ranks functions by self time', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)') },
        { id: 2, callFrame: frame('readItems', 'http://127.0.0.1:1/assets/index.js', 9) },
        { id: 3, callFrame: frame('render', 'http://127.0.0.1:1/assets/index.js', 41) },
        { id: 4, callFrame: frame('readItems', 'http://127.0.0.1:1/assets/index.js', 9) },
      ],
      samples: [2, 3, 2, 4, 1],
      timeDeltas: [1000, 500, 2000, 1500, 100],
    };
    expect(summarizeProfile(profile)).toEqual([
      { name: 'readItems (http://127.0.0.1:1/assets/index.js:10)', selfMs: 4.5 },
      { name: 'render (http://127.0.0.1:1/assets/index.js:42)', selfMs: 0.5 },
      { name: '(root)', selfMs: 0.1 },
    ]);
  });

  it('names positions through the locator it is given, and keeps only the top entries', () => {
    const profile: CpuProfile = {
      nodes: [1, 2, 3].map((id) => ({ id, callFrame: frame(`f${id}`, 'x.js', id) })),
      samples: [1, 2, 3],
      timeDeltas: [3000, 2000, 1000],
    };
    expect(summarizeProfile(profile, 2, (url, line) => `src/${url}#${line}`).map((h) => h.name)).toEqual(['f1 (src/x.js#1)', 'f2 (src/x.js#2)']);
  });

  it('maps positions through the bundle’s source map, and leaves a frame without a position unmapped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpu-profile-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index.js.map'), JSON.stringify({ version: 3, sources: ['../../renderer/src/a.ts'], names: [], mappings: 'AAAA' }));
    const locate = createSourceLocator(dir);
    expect(locate('http://127.0.0.1:1/assets/index.js', 0, 0)).toBe('renderer/src/a.ts:1');
    expect(locate('http://127.0.0.1:1/assets/index.js', -1, -1)).toBe('/assets/index.js:0');
    rmSync(dir, { recursive: true, force: true });
  });
});
