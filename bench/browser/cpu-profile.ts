// CPU profiles of the page's main thread (CDP Profiler) and where their time went: self time per
// function, mapped back to the sources when the renderer was built with source maps (--profile).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Page } from 'playwright';
import { ROOT_DIR } from '../../e2e/paths';

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** The profiler's clock (µs) at the first sample. */
  startTime?: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  /** "name (source:line)" */
  name: string;
  selfMs: number;
}

type Locate = (url: string, line: number, column: number) => string;

/** Self time per function (by name and position), the largest first. */
export function summarizeProfile(profile: CpuProfile, top = 15, locate: Locate = (url, line) => `${url}:${line + 1}`): HotFunction[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  const samples = profile.samples ?? [];
  samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const where = frame.url ? ` (${locate(frame.url, frame.lineNumber, frame.columnNumber)})` : '';
    const key = `${frame.functionName || '(anonymous)'}${where}`;
    // A sample's delta is the time since the previous sample: it belongs to this sample's frame.
    selfUs.set(key, (selfUs.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  return [...selfUs]
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

/** Maps a bundle position in out/renderer to its source file and line, when a .map is beside it. */
export function createSourceLocator(rendererDir = join(ROOT_DIR, 'out', 'renderer')): Locate {
  const maps = new Map<string, TraceMap | null>();
  const mapOf = (path: string) => {
    if (!maps.has(path)) {
      const file = join(rendererDir, `${path}.map`);
      maps.set(path, existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : null);
    }
    return maps.get(path) ?? null;
  };
  return (url, line, column) => {
    const path = url.startsWith('http') ? new URL(url).pathname : url;
    const map = mapOf(path);
    // A frame without a position (line −1: a script's top level as V8 reports some) is not mapped.
    const original = map && line >= 0 && column >= 0 ? originalPositionFor(map, { line: line + 1, column }) : null;
    if (!original?.source) return `${path}:${line + 1}`;
    const name = original.name ? `${original.name} ` : '';
    return `${name}${original.source.replace(/^(\.\.\/)+/, '')}:${original.line}`;
  };
}

export interface PageProfile {
  profile: CpuProfile;
  /**
   * performance.timeOrigin + performance.now() in the page just after the profiler started: maps
   * the profile's clock onto a page's clock (minus that page's timeOrigin, even after a reload).
   */
  epochAtStart: number;
}

/** Starts sampling the page's main thread; the answer stops and returns the profile. */
export async function startCpuProfile(page: Page): Promise<() => Promise<PageProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const epochAtStart = (await page.evaluate('performance.timeOrigin + performance.now()')) as number;
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.detach();
    return { profile, epochAtStart };
  };
}
