// The CDP trace (and optional CPU profile) of the typing, and its summary: the page's main-thread
// tasks and the extension's script time in them, on the page's performance.now() clock.
import type { Page } from 'playwright-core';

export interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any }

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
}
export interface TraceSummary {
  tasks: TraceTask[];
  extCalls: { start: number; dur: number }[];
}

const isExtensionCall = (e: TraceEvent) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith('chrome-extension://');

/** The page's main-thread tasks and the extension's calls between the two marks. */
export function summarizeTrace(events: TraceEvent[]): TraceSummary {
  const mark = events.find((e) => e.name === 'portavoce-bench:start' && e.cat.includes('blink.user_timing'));
  const endMark = events.find((e) => e.name === 'portavoce-bench:end' && e.cat.includes('blink.user_timing'));
  if (!mark || !endMark) throw new Error('the benchmark marks are missing from the trace');
  const { pid, tid } = mark; // the page's main thread
  const offset = mark.ts / 1000 - mark.args.data.startTime; // trace ms − page ms
  const toPage = (ts: number) => ts / 1000 - offset;
  const sorted = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= mark.ts - 1e6 && e.ts <= endMark.ts)
    .sort((a, b) => a.ts - b.ts);
  const tasks: TraceTask[] = [];
  const extCalls: { start: number; dur: number }[] = [];
  let task: TraceTask | null = null;
  let taskEnd = -1;
  let callEnd = -1;
  let layoutEnd = -1;
  for (const e of sorted) {
    const end = e.ts + (e.dur ?? 0);
    if (e.name === 'ThreadControllerImpl::RunTask' && e.ts >= taskEnd) {
      task = { start: toPage(e.ts), end: toPage(end), ext: 0, extLayout: 0 };
      taskEnd = end;
      if (e.ts >= mark.ts) tasks.push(task);
    } else if (isExtensionCall(e) && e.ts >= callEnd) {
      extCalls.push({ start: toPage(e.ts), dur: (e.dur ?? 0) / 1000 });
      if (task && e.ts < taskEnd) task.ext += (e.dur ?? 0) / 1000;
      callEnd = end;
    } else if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ts < callEnd && e.ts >= layoutEnd) {
      if (task && e.ts < taskEnd) task.extLayout += (e.dur ?? 0) / 1000;
      layoutEnd = end;
    }
  }
  return { tasks, extCalls: extCalls.filter((c) => c.start >= toPage(mark.ts)) };
}
