// npm run bench:composer — what the content script costs while someone types, measured in Debian's
// Chromium with the built extension on the composer test pages (tests/e2e/harness.ts), with the
// browser's own clocks. Run: node utils/cli/run-ts.mjs tests/bench/composer.bench.ts
//
// The run, per site (X home composer, LinkedIn share box): a 3,000-character draft of real prose
// (tests/fixtures/prose) with policy hits mixed in; the first 2,500 characters go in with
// keyboard.insertText, one paragraph at a time (not measured), the last 500 are typed with
// keyboard.type (PORTAVOCE_BENCH_DELAY ms between key down and key up, default 30, so about 20–50
// characters a second: faster than anyone types), and every keystroke among them is measured
// (characters outside the US layout, such as "è" or an emoji, go in with insertText: no keydown).
// The same typing is repeated in a second Chromium without the extension (same pages, same routes),
// so the page's own cost is known.
//
// Method (timestamps on the renderer's performance.now() clock; trace times mapped onto it through
// performance.mark() calls, which land in the trace):
// - Keystroke → painted. A capture `keydown` listener on window keeps event.timeStamp (when the browser
//   created the event). A MutationObserver on the editor sees the keystroke reach the DOM and requests
//   an animation frame; that callback's time is the frame's start. The frame itself (rAF callbacks,
//   the content script's among them, then style, layout, paint, commit) is one main-thread task in a
//   CDP trace (ThreadControllerImpl::RunTask, with FireAnimationFrame … Paint … Commit inside): its end
//   is "painted", the end of the main thread's work for the frame that shows the keystroke; raster
//   and display on other threads follow within a few ms. The content script checks and redraws in a
//   requestAnimationFrame (utils/composer/session.ts); a MutationObserver on the overlay host and its
//   open shadow root shows the underlines were redrawn in that same frame ("overlay redrawn in the
//   keystroke's frame"). Not used, and why: a task posted from the rAF callback (MessageChannel) runs
//   late when input keeps the main thread busy (normal priority yields to input and frames: up to
//   hundreds of ms late on X), and Event Timing durations (presentation-based) came out in seconds in
//   this headless Chromium without the extension, so neither measures the frame. With
//   PORTAVOCE_BENCH_TRACE=0 the MessageChannel time is used, as an upper bound.
// - Attribution. The same trace has every FunctionCall (a callback into script), with the url of the
//   function's script. Content scripts run on the page's main thread, in an isolated world, as
//   chrome-extension://<id>/content-scripts/composer.js: the outermost such calls are the extension's
//   script time, including any style or layout it forces (Layout/UpdateLayoutTree inside them,
//   shown apart). The style/layout/paint the browser does afterwards for the overlay's nodes is not
//   in it; it shows in the "frame" row against the run without the extension. "Extension script per
//   keystroke" = its calls in the keystroke's frame task plus its input/mutation listeners between
//   the keydown and that frame.
// - Long tasks. PerformanceObserver({ type: 'longtask' }) during the typing (plus any > 50 ms task in
//   the trace it missed); each is matched to its trace task, so it gets the extension's share.
//   "Attributable to the extension": a task over 50 ms that would be at or under 50 ms without the
//   extension's script in it.
// - Size: .output/chrome-mv3/content-scripts/composer.js (the build the harness makes or finds fresh),
//   raw and gzip -9 (zlib level 9), as the wxt.config.ts build hook prints it.
//
// Tracing slows the page's own handlers by roughly a fifth on this machine, in both columns alike.
// Knobs: PORTAVOCE_BENCH_KEYS (typed keystrokes, default 500), PORTAVOCE_BENCH_DELAY (default 30),
// PORTAVOCE_BENCH_SITES=x|linkedin, PORTAVOCE_BENCH_BASELINE=0 (no run without the extension),
// PORTAVOCE_BENCH_TRACE=0, PORTAVOCE_BENCH_PROFILE=DIR (CPU profiles of the typing, for DevTools),
// PORTAVOCE_BENCH_JSON=FILE (every measurement).
//
// run-ts.mjs bundles its entry with esbuild, and playwright-core cannot be bundled (it looks for its own
// files from __dirname), so this file bundles itself once more with playwright-core left external and
// runs that (`relaunch` below); the harness is imported dynamically for the same reason.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';

declare const __COMPOSER_BENCH_INNER__: boolean | undefined;

/** Spelled in pieces so that run-ts.mjs's rewrite of the expression leaves these strings alone. */
const META_URL = ['import', 'meta', 'url'].join('.');
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function relaunch(): Promise<void> {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const playwright = pathToFileURL(join(ROOT, 'node_modules/playwright-core/index.mjs')).href;
  const out = await esbuild.build({
    entryPoints: [SELF], bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'error',
    define: { __COMPOSER_BENCH_INNER__: 'true' },
    banner: { js: `import { createRequire as __cr } from 'node:module'; const require = __cr(${META_URL});` },
    plugins: [{
      name: 'composer-bench',
      setup(build) {
        build.onResolve({ filter: /^playwright-core$/ }, () => ({ path: playwright, external: true }));
        // As run-ts.mjs: each of our modules keeps its own module URL (the harness finds the repository with it).
        build.onLoad({ filter: /\.tsx?$/ }, (args) => {
          if (args.path.includes('/node_modules/')) return undefined;
          const contents = readFileSync(args.path, 'utf8').replaceAll(META_URL, JSON.stringify(pathToFileURL(args.path).href));
          return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
        });
      },
    }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'portavoce-bench-'));
  const file = join(dir, 'composer-bench.mjs');
  writeFileSync(file, out.outputFiles[0]!.contents);
  try {
    await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Settings and drafts

const DRAFT_LENGTH = 3000;
const TYPED = Number(process.env.PORTAVOCE_BENCH_KEYS ?? 500);
const DELAY = Number(process.env.PORTAVOCE_BENCH_DELAY ?? 30);
const TRACE = process.env.PORTAVOCE_BENCH_TRACE !== '0';
const BASELINE = process.env.PORTAVOCE_BENCH_BASELINE !== '0';
/** PORTAVOCE_BENCH_PROFILE=DIR also records a CPU profile of each typing run there (open it in DevTools' Performance panel). */
const PROFILE_DIR = process.env.PORTAVOCE_BENCH_PROFILE;
const VIEWPORT = { width: 1280, height: 900 };
const TARGET = { keystrokeP95Ms: 16, longTaskMs: 50, gzipKB: 60 };
const CONTENT_SCRIPT = join(ROOT, '.output/chrome-mv3/content-scripts/composer.js');

interface Site {
  id: string;
  label: string;
  url: string;
  platform: 'x' | 'linkedin';
  editor: string;
  lang: 'en' | 'it';
  prepare?(page: Page): Promise<void>;
}

const ALL_SITES: Site[] = [
  {
    id: 'x', label: 'X home composer', url: 'https://x.com/home', platform: 'x', lang: 'en',
    editor: '[data-testid="tweetTextarea_0"][contenteditable="true"]',
  },
  {
    id: 'linkedin', label: 'LinkedIn share box', url: 'https://www.linkedin.com/feed/', platform: 'linkedin', lang: 'it',
    editor: '.ql-editor[contenteditable="true"]',
    prepare: (page) => page.evaluate(() => window.fixture.control('open-share')),
  },
];

/** PORTAVOCE_BENCH_SITES=x or =linkedin runs one site only. */
const SITES = ALL_SITES.filter((s) => !process.env.PORTAVOCE_BENCH_SITES || process.env.PORTAVOCE_BENCH_SITES.split(',').includes(s.id));

/** Prose paragraphs of 150–700 characters from one fixture file, in reading order. */
function paragraphs(file: string): string[] {
  const text = readFileSync(join(ROOT, 'tests/fixtures/prose', file), 'utf8');
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length >= 150 && p.length <= 700);
}

/** Policy hits (demo policy) mixed into the prose: some in the pre-filled part, some typed. */
const HITS = {
  en: {
    early: ['Our Q3 revenue grew!!!', 'Details at bit.ly/acme for ACME fans.'],
    typed: ['Call 333 123 4567 about Project Phoenix!!!', 'We thank ACME Cloud and @globex 🚀'],
  },
  it: {
    early: ['Il fatturato cresce!!!', 'Dettagli su bit.ly/acme per i fan di ACME.'],
    typed: ['Chiamate il 333 123 4567 per la fattura INV-123456!!!', 'Grazie a ACME e a @globex 🚀'],
  },
};

/**
 * A 3,000-character draft split in the pre-filled paragraphs (2,500 characters with their line breaks)
 * and the 500 characters typed after them (one line break among them). Hits go at paragraph ends.
 */
function draftFor(lang: 'en' | 'it'): { prefill: string[]; typed: string; full: string } {
  const source = lang === 'en' ? paragraphs('en/us-state-of-the-union-02.txt').slice(40) : paragraphs('it/debian-faq-01.txt').slice(10);
  const hits = HITS[lang];
  const prefixLength = DRAFT_LENGTH - TYPED;
  const prefill: string[] = [];
  let used = 0;
  let i = 0;
  while (used < prefixLength) {
    let p = source[i++]!;
    if (i === 2 || i === 4) p = `${p} ${hits.early[i === 2 ? 0 : 1]}`;
    const room = prefixLength - used - (prefill.length > 0 ? 1 : 0);
    if (room <= 0) break;
    prefill.push(p.slice(0, room));
    used += Math.min(p.length, room) + (prefill.length > 1 ? 1 : 0);
  }
  const rest = source.slice(i);
  const tail = ` ${rest[0]!.slice(0, 80)} ${hits.typed[0]} ${rest[1]!.slice(0, 160)}\n${hits.typed[1]} ${rest[2]!}`;
  const typed = tail.slice(0, TYPED).replace(/[\ud800-\udbff]$/, ' '); // never half an emoji
  const full = prefill.join('\n') + typed;
  return { prefill, typed, full };
}

// ---------------------------------------------------------------------------------------------------
// In the page (main world)

interface KeyRecord {
  key: string;
  /** keydown event.timeStamp */
  down: number;
  /** the editor's DOM changed (MutationObserver) */
  dom?: number;
  /** our requestAnimationFrame callback in the frame after that change */
  raf?: number;
  /** a MessageChannel task posted from that callback (an upper bound of the frame's end: see below) */
  afterFrame?: number;
  /** first overlay mutation after the DOM change */
  overlay?: number;
}

interface PageRecord {
  keys: KeyRecord[];
  longTasks: { startTime: number; duration: number }[];
  start: number;
  end: number;
}

/** Installs the probe; `host` is the overlay host (null without the extension). */
function installProbe([editor, host]: [Element, Element | null]): void {
  const keys: KeyRecord[] = [];
  const record: PageRecord = { keys, longTasks: [], start: 0, end: 0 };
  (window as unknown as { __composerBench: PageRecord }).__composerBench = record;
  let domAt = 0; // keys[0, domAt) have seen their DOM change
  let frameAt = 0;
  let overlayAt = 0;
  let rafPending = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<[number, number]>) => {
    const now = performance.now();
    for (let i = event.data[0]; i < event.data[1]; i++) keys[i]!.afterFrame = now;
  };
  window.addEventListener('keydown', (event) => {
    if (event.isTrusted) keys.push({ key: event.key, down: event.timeStamp });
  }, true);
  new MutationObserver(() => {
    const now = performance.now();
    for (; domAt < keys.length; domAt++) keys[domAt]!.dom = now;
    if (rafPending) return;
    rafPending = true;
    requestAnimationFrame(() => {
      rafPending = false;
      const at = performance.now();
      for (let i = frameAt; i < domAt; i++) keys[i]!.raf = at;
      channel.port2.postMessage([frameAt, domAt]);
      frameAt = domAt;
    });
  }).observe(editor, { childList: true, subtree: true, characterData: true });
  if (host) {
    const observer = new MutationObserver(() => {
      const now = performance.now();
      for (; overlayAt < domAt; overlayAt++) keys[overlayAt]!.overlay = now;
    });
    observer.observe(host, { attributes: true });
    observer.observe(host.shadowRoot!, { attributes: true, childList: true, subtree: true, characterData: true });
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.longTasks.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
}

// ---------------------------------------------------------------------------------------------------
// Trace

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any }

async function startTrace(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'blink.user_timing'] },
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

async function startProfile(page: Page) {
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
interface TraceTask {
  start: number;
  end: number;
  /** the extension's script in it (outermost chrome-extension:// FunctionCalls) */
  ext: number;
  /** style and layout forced from inside that script */
  extLayout: number;
}
interface TraceSummary {
  tasks: TraceTask[];
  extCalls: { start: number; dur: number }[];
}

const isExtensionCall = (e: TraceEvent) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith('chrome-extension://');

/** The page's main-thread tasks and the extension's calls between the two marks. */
function summarizeTrace(events: TraceEvent[]): TraceSummary {
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

// ---------------------------------------------------------------------------------------------------
// One run

interface KeyResult {
  /** keydown → the end of the main-thread task of the frame that showed the keystroke (and the overlay) */
  painted: number;
  /** keydown → the editor's DOM had the keystroke (the page's own input handling) */
  dom: number;
  /** the editor's DOM change → the start of that frame's rAF callbacks */
  toFrame: number;
  /** the frame: rAF callbacks (the content script's check and redraw) through style, layout, paint */
  frame: number;
  /** the extension's script for this keystroke: its input listeners, and its check and redraw in the frame */
  ext: number | null;
  extLayout: number | null;
  overlayInFrame: boolean;
}

interface RunResult {
  site: Site;
  withExtension: boolean;
  keys: KeyResult[];
  typedKeys: number;
  /** true: frame ends from the trace; false: from the MessageChannel probe (trace off) */
  traced: boolean;
  longTasks: { startTime: number; duration: number; ext: number | null }[];
  extTotal: number | null;
  typingMs: number;
  findings: { errors: string; warnings: string; suggestions: string; bars: number } | null;
  textOk: boolean;
}

const timings: string[] = [];
async function phase<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    return await work();
  } finally {
    timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

async function runSite(context: BrowserContext, site: Site, withExtension: boolean): Promise<RunResult> {
  const draft = draftFor(site.lang);
  const page = await context.newPage();
  const tag = `${site.id}${withExtension ? '' : ' (no extension)'}`;
  try {
    const editor = page.locator(site.editor).first();
    await phase(`${tag}: open and pre-fill`, async () => {
      await page.goto(site.url);
      await page.waitForFunction(() => !!window.fixture);
      await site.prepare?.(page);
      await editor.click();
      for (const [i, paragraph] of draft.prefill.entries()) {
        if (i > 0) await page.keyboard.press('Enter');
        await page.keyboard.insertText(paragraph);
      }
      const prefilled = draft.prefill.join('\n');
      await page.waitForFunction(([el, text]) => window.fixture.modelText(el as Element) === text, [await editor.elementHandle(), prefilled] as const);
      await page.waitForTimeout(500);
    });
    const overlay = page.locator(`portavoce-overlay[data-platform="${site.platform}"][data-surface="post"]`).first();
    const host = withExtension ? await overlay.elementHandle() : null;
    await page.evaluate(installProbe, [await editor.elementHandle(), host] as [never, never]);
    const stopTrace = TRACE ? await startTrace(page) : null;
    const stopProfile = PROFILE_DIR ? await startProfile(page) : null;
    await page.evaluate(() => { (window as any).__composerBench.start = performance.mark('portavoce-bench:start').startTime; });
    const typingStart = Date.now();
    await phase(`${tag}: type ${TYPED}`, () => page.keyboard.type(draft.typed, { delay: DELAY }));
    const typingMs = Date.now() - typingStart;
    await page.waitForTimeout(300);
    await page.evaluate(() => { (window as any).__composerBench.end = performance.mark('portavoce-bench:end').startTime; });
    if (stopProfile) writeFileSync(join(PROFILE_DIR!, `${site.id}${withExtension ? '' : '-no-extension'}.cpuprofile`), JSON.stringify(await stopProfile()));
    const trace = stopTrace ? await phase(`${tag}: trace`, async () => summarizeTrace(await stopTrace())) : null;
    const record = await page.evaluate(() => (window as any).__composerBench as PageRecord);
    const textOk = (await editor.evaluate((el) => window.fixture.modelText(el))) === draft.full;
    const findings = withExtension
      ? await overlay.evaluate((el) => ({
        errors: el.getAttribute('data-errors') ?? '?',
        warnings: el.getAttribute('data-warnings') ?? '?',
        suggestions: el.getAttribute('data-suggestions') ?? '?',
        bars: el.shadowRoot?.querySelectorAll('[data-finding]').length ?? 0,
      }))
      : null;

    const taskAt = (t: number) => trace?.tasks.find((task) => task.start <= t && t <= task.end) ?? null;
    const keys: KeyResult[] = [];
    for (const k of record.keys) {
      if (k.dom === undefined || k.raf === undefined) continue;
      const frameTask = taskAt(k.raf);
      const frameEnd = trace ? frameTask?.end : k.afterFrame;
      if (frameEnd === undefined) continue;
      const inputExt = trace ? trace.extCalls.filter((c) => c.start >= k.down && c.start < k.raf! && !(frameTask && c.start >= frameTask.start)) : [];
      keys.push({
        painted: frameEnd - k.down,
        dom: k.dom - k.down,
        toFrame: k.raf - k.dom,
        frame: frameEnd - k.raf,
        ext: trace ? (frameTask?.ext ?? 0) + inputExt.reduce((s, c) => s + c.dur, 0) : null,
        extLayout: trace ? frameTask?.extLayout ?? 0 : null,
        overlayInFrame: k.overlay !== undefined && k.overlay >= k.dom && k.overlay <= frameEnd,
      });
    }

    let longTasks: RunResult['longTasks'] = record.longTasks.map((t) => ({ ...t, ext: null }));
    if (trace) {
      // The same tasks in the trace (the observer's start times are the tasks' starts).
      longTasks = record.longTasks.map((lt) => {
        const task = trace.tasks.find((t) => Math.abs(t.start - lt.startTime) < 2);
        return { ...lt, ext: task ? task.ext : null };
      });
      for (const t of trace.tasks) {
        if (t.end - t.start > TARGET.longTaskMs && !longTasks.some((lt) => Math.abs(lt.startTime - t.start) < 2)) {
          longTasks.push({ startTime: t.start, duration: t.end - t.start, ext: t.ext });
        }
      }
    }
    return {
      site, withExtension, keys, typedKeys: record.keys.length, traced: !!trace, longTasks,
      extTotal: trace ? trace.extCalls.reduce((s, c) => s + c.dur, 0) : null,
      typingMs, findings, textOk,
    };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Report

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!;
}
const ms = (v: number) => (Number.isNaN(v) ? '—' : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);
const triple = (values: number[]) => (values.length ? `${ms(quantile(values, 0.5))} / ${ms(quantile(values, 0.95))} / ${ms(Math.max(...values))}` : '—');
const column = (run: RunResult, pick: (k: KeyResult) => number | null) => triple(run.keys.map(pick).filter((v): v is number => v !== null));

function attributable(run: RunResult): { count: number; maxExt: number; known: boolean } {
  const known = run.longTasks.every((t) => t.ext !== null);
  const count = run.longTasks.filter((t) => t.ext !== null && t.duration > TARGET.longTaskMs && t.duration - t.ext <= TARGET.longTaskMs).length;
  return { count, maxExt: Math.max(0, ...run.longTasks.map((t) => t.ext ?? 0)), known };
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows.slice(1)) console.log(line(r));
}

function report(runs: RunResult[]): void {
  console.log(`\nPortavoce composer benchmark: Chromium ${VIEWPORT.width}×${VIEWPORT.height} headless; the last ${TYPED} characters `
    + `of a ${DRAFT_LENGTH.toLocaleString('en')}-character draft typed with keyboard.type (delay ${DELAY} ms); `
    + `${TRACE ? 'frame ends and attribution from a CDP trace' : 'trace off: frame ends are upper bounds (MessageChannel), no attribution'}. `
    + 'Cells: p50 / p95 / max.\n');
  for (const site of SITES) {
    const withExt = runs.find((r) => r.site === site && r.withExtension);
    const without = runs.find((r) => r.site === site && !r.withExtension);
    if (!withExt) continue;
    const cols = [withExt, ...(without ? [without] : [])];
    const only = (cell: string) => [cell, ...(without ? ['—'] : [])];
    const a = attributable(withExt);
    const rows: string[][] = [
      ['', 'with Portavoce', ...(without ? ['without extension'] : [])],
      ['keystrokes measured (with a keydown)', ...cols.map((r) => `${r.keys.length}/${r.typedKeys}`)],
      ['keystroke → painted (main thread)', ...cols.map((r) => column(r, (k) => k.painted))],
      ['  keydown → editor DOM updated (page)', ...cols.map((r) => column(r, (k) => k.dom))],
      ['  DOM updated → frame starts', ...cols.map((r) => column(r, (k) => k.toFrame))],
      ['  frame: rAF → style, layout, paint', ...cols.map((r) => column(r, (k) => k.frame))],
      ['overlay redrawn in the keystroke’s frame', ...only(`${withExt.keys.filter((k) => k.overlayInFrame).length}/${withExt.keys.length}`)],
      ['extension script per keystroke', ...only(withExt.traced ? column(withExt, (k) => k.ext) : '(trace off)')],
      ['  of which style/layout it forces', ...only(withExt.traced ? column(withExt, (k) => k.extLayout) : '(trace off)')],
      ['extension script, total / typing time', ...only(withExt.extTotal !== null ? `${ms(withExt.extTotal)} / ${(withExt.typingMs / 1000).toFixed(1)} s` : '(trace off)')],
      ['long tasks > 50 ms while typing', ...cols.map((r) => (r.longTasks.length ? `${r.longTasks.length}, longest ${ms(Math.max(...r.longTasks.map((t) => t.duration)))}` : 'none'))],
      ['  attributable to the extension', ...only(a.known ? `${a.count} (largest extension share of one: ${ms(a.maxExt)})` : '(trace off)')],
      ['findings at the end: err/warn/sugg (bars)', ...only(withExt.findings ? `${withExt.findings.errors}/${withExt.findings.warnings}/${withExt.findings.suggestions} (${withExt.findings.bars})` : '—')],
      ['editor model = the draft at the end', ...cols.map((r) => (r.textOk ? 'yes' : 'NO'))],
    ];
    console.log(`${site.label}: ${site.url}${site.prepare ? ' (share box open)' : ''}, ${site.lang === 'en' ? 'English' : 'Italian'} prose`);
    printTable(rows);
    console.log('');
  }

  console.log('Targets');
  const rows: string[][] = [['target', 'measured', 'met']];
  for (const site of SITES) {
    const run = runs.find((r) => r.site === site && r.withExtension);
    if (!run) continue;
    const p95 = quantile(run.keys.map((k) => k.painted), 0.95);
    rows.push([`${site.label}: keystroke → underlines painted, p95 ≤ ${TARGET.keystrokeP95Ms} ms`, ms(p95), p95 <= TARGET.keystrokeP95Ms ? 'yes' : 'no']);
    if (run.traced) {
      const extP95 = quantile(run.keys.map((k) => k.ext ?? 0), 0.95);
      rows.push([`${site.label}: extension script per keystroke, p95 ≤ ${TARGET.keystrokeP95Ms} ms`, ms(extP95), extP95 <= TARGET.keystrokeP95Ms ? 'yes' : 'no']);
    }
    const a = attributable(run);
    rows.push([`${site.label}: no long task > ${TARGET.longTaskMs} ms attributable to the extension`, a.known ? String(a.count) : '(trace off)', a.known ? (a.count === 0 ? 'yes' : 'no') : '?']);
  }
  if (existsSync(CONTENT_SCRIPT)) {
    const code = readFileSync(CONTENT_SCRIPT);
    const gz = gzipSync(code, { level: 9 }).length;
    rows.push([`content script ≤ ${TARGET.gzipKB} kB gzipped`, `${(code.length / 1000).toFixed(1)} kB raw, ${(gz / 1000).toFixed(1)} kB gzip -9`, gz <= TARGET.gzipKB * 1000 ? 'yes' : 'no']);
  } else {
    rows.push(['content script size', `missing: ${CONTENT_SCRIPT}`, '?']);
  }
  printTable(rows);
}

// ---------------------------------------------------------------------------------------------------

async function launchWithoutExtension(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM } = await import('../e2e/harness');
  const { installRoutes } = await import('../e2e/routes');
  const dir = mkdtempSync(join(tmpdir(), 'portavoce-bench-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, viewport: VIEWPORT,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await installRoutes(context, []);
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const { launchHarness } = await import('../e2e/harness');
  const runs: RunResult[] = [];
  const harness = await phase('launch (wxt build if stale)', () => launchHarness({ viewport: VIEWPORT }));
  try {
    for (const site of SITES) {
      process.stderr.write(`${site.label}: with Portavoce…\n`);
      runs.push(await runSite(harness.context, site, true));
    }
  } finally {
    await harness.close();
  }
  if (BASELINE) {
    const plain = await launchWithoutExtension();
    try {
      for (const site of SITES) {
        process.stderr.write(`${site.label}: without extension…\n`);
        runs.push(await runSite(plain.context, site, false));
      }
    } finally {
      await plain.close();
    }
  }
  report(runs);
  if (process.env.PORTAVOCE_BENCH_JSON) writeFileSync(process.env.PORTAVOCE_BENCH_JSON, JSON.stringify(runs.map((r) => ({ ...r, site: r.site.id })), null, 1));
  console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s in all (${timings.join('; ')})`);
}

if (typeof __COMPOSER_BENCH_INNER__ === 'undefined') await relaunch();
else await main();
