// The popup with 10,000 entries in the database: how long from opening the popup to today on screen,
// measured in Chromium by the browser's own clock. The popup is opened as a member opens it, as the toolbar
// button's popup (chrome.action.openPopup(), called from a tab of the extension; the popup is then found with
// chrome.extension.getViews and closed). The popup marks <html data-today-shown> with the Element Timing
// render time of today's first row (or its "nothing" line: the first paint of today with data), and
// data-coming-shown with that of the coming days, painted the frame after (components/calendar/today-shown.ts);
// both are on the popup's clock, whose zero is the start of its navigation. Printed beside: the time from
// the openPopup() call, and the same page opened as a tab with Playwright's page.goto (what this bench measured
// before 2026-11-28: a new tab first commits about:blank in another renderer, then swaps process, which
// costs 30–40 ms that no popup pays).
// The floor beside it: an extension page with one static paragraph, marked the same way, opened as the popup
// (chrome.action.setPopup) in the same browser between the popup's openings. It ships only in a copy of the
// build made for this run.
// Run: npm run bench:popup (PORTAVOCE_BENCH_ENTRIES, PORTAVOCE_BENCH_RUNS to change the sizes).
// A/B: PORTAVOCE_BENCH_COMPARE=.output-a,.output-b loads those builds side by side in one browser and opens
// their popups in turn, so that a busy machine slows each of them alike.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { it } from 'vitest';
import { PHASE } from '../../components/calendar/start-marks';
import { calendarEntrySchema, type CalendarEntryInput } from '../../utils/calendar/entry';
import { toRow } from '../../utils/calendar/migrations';
import { ROOT } from '../e2e/build-pages';
import { ensureExtensionBuilt, launchHarness } from '../e2e/harness';
import { startTrace } from './composer-trace';

/** The few extension APIs the bench calls inside the extension's own pages. */
declare const chrome: {
  action: { setPopup(details: { popup: string }): Promise<void>; openPopup(): Promise<void> };
  extension: { getViews(filter: { type: 'popup' }): Window[] };
};

const ENTRIES = Number(process.env.PORTAVOCE_BENCH_ENTRIES ?? 10_000);
const RUNS = Number(process.env.PORTAVOCE_BENCH_RUNS ?? 20);
/** PORTAVOCE_BENCH_TRACE=FILE: a Chrome trace of the last opening (open it in DevTools' Performance panel). */
const TRACE_FILE = process.env.PORTAVOCE_BENCH_TRACE;
const COMPARE = process.env.PORTAVOCE_BENCH_COMPARE?.split(',').filter(Boolean) ?? [];

/** Two years of plan around today: ~14 entries a day, a few long quiet periods, some recurring series. */
function plan(count: number) {
  const today = Date.UTC(new Date().getFullYear(), new Date().getMonth(), new Date().getDate());
  const members = ['giulia', 'marco', 'sara', undefined];
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(today + ((i % 730) - 365) * 86_400_000).toISOString().slice(0, 10);
    const input: CalendarEntryInput =
      i % 200 === 0 ? { id: `q${i}`, title: `Quiet period ${i}`, kind: 'quiet-period', start: day, end: new Date(Date.parse(day) + 20 * 86_400_000).toISOString().slice(0, 10), topics: ['financial-results'] }
      : i % 97 === 0 ? { id: `r${i}`, title: `Weekly ${i}`, kind: 'slot', start: `${day}T10:00`, tz: 'Europe/Rome', rrule: 'FREQ=WEEKLY;COUNT=20', memberId: 'marco', platforms: ['linkedin'] }
      : i % 2 ? { id: `s${i}`, title: `Post ${i}`, kind: 'slot', start: `${day}T${String(8 + (i % 10)).padStart(2, '0')}:30`, tz: 'Europe/Rome', memberId: members[i % 4], platforms: ['x'], topics: ['events'] }
      : { id: `a${i}`, title: `All-day ${i}`, kind: i % 3 ? 'slot' : 'event', start: day, memberId: members[i % 4] };
    return toRow(calendarEntrySchema.parse(input));
  });
}

/** The floor: an extension page that paints one static paragraph, marked as the popup marks today (a classic script: the extension's CSP forbids inline ones). */
const EMPTY_PAGE = 'bench-empty.html';
/** A copy of a build with the empty page; side by side, without the manifest key (each then has an id of its own). */
function benchCopy(build: string, sideBySide: boolean): string {
  const copy = mkdtempSync(join(tmpdir(), 'portavoce-bench-'));
  cpSync(build, copy, { recursive: true });
  writeFileSync(join(copy, EMPTY_PAGE), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portavoce</title><script src="/bench-empty.js"></script></head><body><p elementtiming="popup-today">Today</p></body></html>\n');
  writeFileSync(join(copy, 'bench-empty.js'), `new PerformanceObserver((list) => {
  for (const e of list.getEntries()) document.documentElement.dataset.todayShown ||= String(e.renderTime || e.startTime);
}).observe({ type: 'element', buffered: true });\n`);
  if (sideBySide) {
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    delete manifest.key;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  }
  return copy;
}
/** Chromium's id for an unpacked extension without a key: its path's SHA-256, the first 32 hex digits written a–p. */
const unpackedId = (path: string) => [...createHash('sha256').update(path).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** Raw IndexedDB, from the popup once it has created the database (Dexie stores version v as v × 10). */
async function seed(context: BrowserContext, popup: string, rows: ReturnType<typeof plan>): Promise<void> {
  const page = await context.newPage();
  await page.goto(popup);
  await page.waitForFunction(() => document.documentElement.dataset.todayShown);
  await page.evaluate(async (all) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('portavoce');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('entries', 'readwrite');
      for (const row of all) tx.objectStore('entries').put({ ...row, to: row.to ?? Infinity });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows.map((r) => ({ ...r, to: Number.isFinite(r.to) ? r.to : null })));
  await page.close();
}

interface Openings {
  name: string;
  base: string;
  today: number[];
  coming: number[];
  gap: number[];
  /** From the openPopup() call to today painted. */
  sinceCall: number[];
  /** Today painted, the popup opened as a tab with page.goto (every fourth round). */
  asTab: number[];
  /** Today painted − the document received (responseEnd): what the page itself takes, without the navigation's own cost. */
  own: number[];
  phases: Map<string, number[]>;
  shown: number;
}

it('today shown', async () => {
  const builds = COMPARE.length ? COMPARE.map((dir) => ({ name: dir, path: resolve(ROOT, dir, 'chrome-mv3') })) : [{ name: '', path: ensureExtensionBuilt() }];
  const copies = builds.map((b) => benchCopy(b.path, builds.length > 1));
  const h = await launchHarness({ extensionPath: copies.join(','), args: (process.env.PORTAVOCE_BENCH_ARGS ?? '').split(' ').filter(Boolean) });
  try {
    const runs: Openings[] = builds.map((b, i) => ({
      name: b.name,
      base: builds.length > 1 ? `chrome-extension://${unpackedId(copies[i]!)}/` : h.extensionUrl(''),
      today: [], coming: [], gap: [], sinceCall: [], asTab: [], own: [], phases: new Map(Object.values(PHASE).map((name) => [name, []])), shown: 0,
    }));
    const rows = plan(ENTRIES);
    for (const run of runs) await seed(h.context, `${run.base}popup.html`, rows);
    // One tab per build, from which its popup is opened.
    const anchors = await Promise.all(runs.map(async (run) => {
      const tab = await h.context.newPage();
      await tab.goto(`${run.base}${EMPTY_PAGE}`);
      return tab;
    }));
    const openPopup = async (i: number, popup: string, wait: string[]) => {
      // The popup opens over the active window: that of the tab asking for it.
      if (anchors.length > 1) await anchors[i]!.bringToFront();
      // A member does not reopen a popup within milliseconds of closing one; Chromium delays such a reopening.
      await new Promise((resolve) => setTimeout(resolve, 400));
      return anchors[i]!.evaluate(async ([popup, wait]) => {
      await chrome.action.setPopup({ popup });
      const called = performance.timeOrigin + performance.now();
      await chrome.action.openPopup();
      // Looked at every 50 ms only: this tab shares the popup's renderer and main thread.
      for (let tries = 0; tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const view = chrome.extension.getViews({ type: 'popup' })[0];
        const marks = view?.document.documentElement.dataset;
        if (!view || !marks || !wait.every((k) => marks[k])) continue;
        const result = {
          marks: { ...marks },
          received: (view.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
          sinceCall: view.performance.timeOrigin - called,
          phases: view.performance.getEntriesByType('mark').map((m: PerformanceEntry) => [m.name, m.startTime] as const),
          shown: view.document.querySelectorAll('[data-entry]').length,
        };
        view.close();
        return result;
      }
      throw new Error(`${popup}: not shown within 10 s`);
      }, [popup, wait] as const);
    };
    const asTab = async (url: string) => {
      const p = await h.context.newPage();
      await p.goto(url);
      await p.waitForFunction(() => document.documentElement.dataset.todayShown, undefined, { timeout: 10_000 });
      const shown = await p.evaluate(() => Number(document.documentElement.dataset.todayShown));
      await p.close();
      return shown;
    };
    const empty: number[] = [];
    const emptyOwn: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // The empty page, then each popup, in an order that turns every round: none is always first after a pause.
      const floor = await openPopup(0, EMPTY_PAGE, ['todayShown']);
      empty.push(Number(floor.marks.todayShown));
      emptyOwn.push(Number(floor.marks.todayShown) - floor.received);
      for (let k = 0; k < runs.length; k++) {
        const index = (i + k) % runs.length;
        const run = runs[index]!;
        const stopTrace = TRACE_FILE && i === RUNS - 1 && k === 0 ? await startTrace(anchors[index]!, ['devtools.timeline', 'toplevel', 'blink.user_timing', 'loading', 'navigation', 'blink', 'v8', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler']) : null;
        const opened = await openPopup(index, 'popup.html', ['todayShown', 'comingShown']);
        if (stopTrace) writeFileSync(TRACE_FILE!, JSON.stringify(await stopTrace()));
        const today = Number(opened.marks.todayShown);
        run.own.push(today - opened.received);
        run.today.push(today);
        run.sinceCall.push(opened.sinceCall + today);
        run.coming.push(Number(opened.marks.comingShown));
        run.gap.push(today - Number(floor.marks.todayShown));
        for (const [name, at] of opened.phases) run.phases.get(name)?.push(at);
        run.shown = opened.shown;
        if (i % 4 === 0) run.asTab.push(await asTab(`${run.base}popup.html`));
      }
    }
    for (const run of runs) {
      const sorted = [...run.today].sort((a, b) => a - b);
      const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
      const steps = [...run.phases].filter(([, list]) => list.length).map(([name, list]) => `${name.replace('popup: ', '')} ${Math.round(median(list))}`);
      if (run.name) console.log(`— ${run.name}`);
      console.log(`${ENTRIES} entries, ${RUNS} openings of the toolbar popup, ${run.shown} entries on the today view`);
      console.log(`today shown in ${Math.round(median(run.today))} ms (median; p95 ${Math.round(p95)} ms, min ${Math.round(sorted[0]!)} ms; target ≤ 100 ms)`);
      console.log(`the coming days (the rest of the today view) in ${Math.round(median(run.coming))} ms (median)`);
      console.log(`from the openPopup() call: today shown in ${Math.round(median(run.sinceCall))} ms (median; min ${Math.round(Math.min(...run.sinceCall))} ms: the popup window is made before its page starts loading); the same page opened as a tab with page.goto: ${Math.round(median(run.asTab))} ms (median of ${run.asTab.length})`);
      console.log(`the popup's start (median ms from the navigation's start): ${steps.join('; ')}; painted ${Math.round(median(run.today))}`);
      console.log(
        `empty extension page painted at ${Math.round(median(empty))} ms (median); today shown ${Math.round(median(run.today))} ms; ` +
          `today − empty ${Math.round(median(run.gap))} ms (median of each opening's difference from the empty page opened just before)`,
      );
      console.log(`from the document received to painted (without the navigation's own cost): empty page ${Math.round(median(emptyOwn))} ms, today ${Math.round(median(run.own))} ms (medians)`);
    }
  } finally {
    await h.close();
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
});
