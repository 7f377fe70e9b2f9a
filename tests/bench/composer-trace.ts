// The CDP trace (and optional CPU profile) of the typing, and its summary: the page's main-thread
// tasks and the extension's script time in them, on the page's performance.now() clock.
import type { Page } from 'playwright-core';

export interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; id?: string; args?: any }

export async function startTrace(page: Page, categories = ['devtools.timeline', 'toplevel', 'blink.user_timing']) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories },
    transferMode: 'ReturnAsStream',
  } as never);
  return async (): Promise<TraceEvent[]> => {
    const complete = new Promise<{ stream: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve as never));
    await cdp.send('Tracing.end');
    const { stream } = await complete;
    const chunks: string[] = [];
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream, size: 4 << 20 });
      chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    await cdp.detach();
    const parsed = JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  };
}

export async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile;
  };
}

/** A main-thread task, in ms on the page's performance.now() clock. */
export interface TraceTask {
  start: number;
  end: number;
  /** the extension's script in it (outermost chrome-extension:// FunctionCalls) */
  ext: number;
  /** style and layout forced from inside that script */
  extLayout: number;
  /**
   * The extension's share by the trace's CPU samples (stacks with a chrome-extension:// frame): also what
   * runs without a FunctionCall event of its own, such as module evaluation and promise continuations (the
   * compilation's slices, the warm-up). Used for long tasks.
   */
  extSampled: number;
}
export interface TraceSummary {
  tasks: TraceTask[];
  /** The tasks between the 'portavoce-bench:prefill' mark, when there is one, and the start mark. */
  prefillTasks: TraceTask[];
  /** The page's tasks before that mark, from when the trace started (the page loading, the composer mounting). */
  loadTasks: TraceTask[];
  extCalls: { start: number; dur: number }[];
}

/** The categories of startTrace, with the CPU samples that summarizeTrace attributes long tasks with. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'toplevel', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'];

/** The CPU samples of one thread in the trace: their times (trace µs) and whether each was in the extension's code. */
function samplesOf(events: TraceEvent[], pid: number, tid: number): { at: number[]; ext: boolean[] } {
  const profiles = new Map(events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => [e.id!, e.args?.data?.startTime as number]));
  const at: number[] = [];
  const ext: boolean[] = [];
  const isExt = new Map<number, boolean>();
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && profiles.has(e.id!));
  const time = new Map([...profiles]);
  for (const chunk of chunks) {
    const profile = chunk.args?.data?.cpuProfile ?? {};
    for (const node of (profile.nodes ?? []) as { id: number; parent?: number; callFrame: { url?: string } }[]) {
      isExt.set(node.id, String(node.callFrame.url ?? '').startsWith('chrome-extension://') || (node.parent !== undefined && isExt.get(node.parent) === true));
    }
    const deltas = (chunk.args?.data?.timeDeltas ?? []) as number[];
    let t = time.get(chunk.id!)!;
    ((profile.samples ?? []) as number[]).forEach((node, i) => {
      t += deltas[i] ?? 0;
      at.push(t);
      ext.push(isExt.get(node) === true);
    });
    time.set(chunk.id!, t);
  }
  const order = at.map((_, i) => i).sort((a, b) => at[a]! - at[b]!);
  return { at: order.map((i) => at[i]!), ext: order.map((i) => ext[i]!) };
}

const isExtensionCall = (e: TraceEvent) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith('chrome-extension://');

/** Milliseconds of [from, to) (trace µs) that the samples spent in the extension's code. */
function sampledShare({ at, ext }: { at: number[]; ext: boolean[] }, from: number, to: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  let share = 0;
  for (let i = Math.max(lo, 1); i < at.length && at[i]! <= to; i++) if (ext[i]) share += (at[i]! - Math.max(at[i - 1]!, from)) / 1000;
  return share;
}

/** The page's main-thread tasks and the extension's calls between the two marks. */
export function summarizeTrace(events: TraceEvent[]): TraceSummary {
  const mark = events.find((e) => e.name === 'portavoce-bench:start' && e.cat.includes('blink.user_timing'));
  const endMark = events.find((e) => e.name === 'portavoce-bench:end' && e.cat.includes('blink.user_timing'));
  if (!mark || !endMark) throw new Error('the benchmark marks are missing from the trace');
  const prefill = events.find((e) => e.name === 'portavoce-bench:prefill' && e.cat.includes('blink.user_timing'));
  const from = prefill && prefill.pid === mark.pid && prefill.ts < mark.ts ? 0 : mark.ts - 1e6;
  const { pid, tid } = mark; // the page's main thread
  const samples = samplesOf(events, pid, tid);
  const offset = mark.ts / 1000 - mark.args.data.startTime; // trace ms − page ms
  const toPage = (ts: number) => ts / 1000 - offset;
  const sorted = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= from && e.ts <= endMark.ts)
    .sort((a, b) => a.ts - b.ts);
  const tasks: TraceTask[] = [];
  const prefillTasks: TraceTask[] = [];
  const loadTasks: TraceTask[] = [];
  const extCalls: { start: number; dur: number }[] = [];
  let task: TraceTask | null = null;
  let taskEnd = -1;
  let callEnd = -1;
  let layoutEnd = -1;
  for (const e of sorted) {
    const end = e.ts + (e.dur ?? 0);
    if (e.name === 'ThreadControllerImpl::RunTask' && e.ts >= taskEnd) {
      task = { start: toPage(e.ts), end: toPage(end), ext: 0, extLayout: 0, extSampled: sampledShare(samples, e.ts, end) };
      taskEnd = end;
      if (e.ts >= mark.ts) tasks.push(task);
      else if (prefill && e.ts >= prefill.ts) prefillTasks.push(task);
      else if (prefill) loadTasks.push(task);
    } else if (isExtensionCall(e) && e.ts >= callEnd) {
      extCalls.push({ start: toPage(e.ts), dur: (e.dur ?? 0) / 1000 });
      if (task && e.ts < taskEnd) task.ext += (e.dur ?? 0) / 1000;
      callEnd = end;
    } else if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ts < callEnd && e.ts >= layoutEnd) {
      if (task && e.ts < taskEnd) task.extLayout += (e.dur ?? 0) / 1000;
      layoutEnd = end;
    }
  }
  return { tasks, prefillTasks, loadTasks, extCalls: extCalls.filter((c) => c.start >= toPage(mark.ts)) };
}
