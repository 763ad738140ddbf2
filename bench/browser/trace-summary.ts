// --trace DIR: a Chrome trace (devtools.timeline) of the page while typing, and what each long task
// of the page's main thread spent its time on, by trace event: FunctionCall (JavaScript),
// UpdateLayoutTree (style), Layout, Paint, MinorGC/MajorGC, HandlePostMessage… — the native work a
// CPU profile lumps into "(program)".
import type { CDPSession, Page } from 'playwright';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface TracedTask {
  /** Trace clock, ms. */
  startMs: number;
  durationMs: number;
  /** Self time per event name inside the task (ms), the largest first; "(task)" is time no event covers. */
  parts: { name: string; ms: number }[];
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'];
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Starts tracing the page; the answer stops and returns the trace's events. */
export async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => void events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    return events;
  };
}

// The page's main thread: the renderer main thread that ran the most.
function findMainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; busy: number } | null = null;
  for (const main of mains) {
    const busy = events.reduce((sum, e) => (e.pid === main.pid && e.tid === main.tid && TASK_NAMES.has(e.name) ? sum + (e.dur ?? 0) : sum), 0);
    if (!best || busy > best.busy) best = { pid: main.pid, tid: main.tid, busy };
  }
  return best && { pid: best.pid, tid: best.tid };
}

// Self time per event name within one task: each event's duration minus its children's.
function splitTask(task: TraceEvent, inside: readonly TraceEvent[]): { name: string; ms: number }[] {
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [{ end: task.ts + (task.dur ?? 0), name: '(task)' }];
  const add = (name: string, us: number) => self.set(name, (self.get(name) ?? 0) + us);
  add('(task)', task.dur ?? 0);
  for (const event of inside) {
    while (stack.length > 1 && (stack.at(-1)?.end ?? 0) <= event.ts) stack.pop();
    const dur = Math.min(event.dur ?? 0, (stack.at(-1)?.end ?? 0) - event.ts);
    add(stack.at(-1)?.name ?? '(task)', -dur);
    add(event.name, dur);
    stack.push({ end: event.ts + dur, name: event.name });
  }
  return [...self]
    .filter(([, us]) => us >= 500)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }))
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
}

/** The main thread's tasks of `minMs` or more, each split into the trace events it ran. */
export function summarizeTraceTasks(events: readonly TraceEvent[], minMs = 50): TracedTask[] {
  const main = findMainThread(events);
  if (!main) return [];
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // A task event may be nested in another (RunTask inside ThreadControllerImpl::RunTask): outermost only.
  const tasks: TraceEvent[] = [];
  for (const e of own) {
    const last = tasks.at(-1);
    if (!TASK_NAMES.has(e.name) || (last && e.ts < last.ts + (last.dur ?? 0))) continue;
    tasks.push(e);
  }
  return tasks.filter((task) => (task.dur ?? 0) >= minMs * 1000).map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && !TASK_NAMES.has(e.name));
    return { startMs: Math.round(task.ts / 1000), durationMs: Math.round((task.dur ?? 0) / 1000), parts: splitTask(task, inside).slice(0, 6) };
  });
}

/** "154 ms: Layout 60 ms, FunctionCall 40 ms, …" */
export function formatTracedTask(task: TracedTask): string {
  return `${task.durationMs} ms: ${task.parts.map((p) => `${p.name} ${p.ms} ms`).join(', ')}`;
}
