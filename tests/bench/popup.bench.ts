// The popup with 10,000 entries in the database: how long from opening popup.html to today on screen,
// measured in Chromium by the browser's own clock from the navigation's start. The popup marks
// <html data-today-shown> with the Element Timing render time of today's first row (or its "nothing" line:
// the first paint of today with data), and data-coming-shown with that of the coming days, painted the
// frame after (components/calendar/today-shown.ts).
// The floor beside it: an extension page with one static paragraph, marked the same way, opened in the same
// browser between the popup's openings. It ships only in a copy of the build made for this run.
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

const ENTRIES = Number(process.env.PORTAVOCE_BENCH_ENTRIES ?? 10_000);
const RUNS = Number(process.env.PORTAVOCE_BENCH_RUNS ?? 20);
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
  /** Today painted − the document received (responseEnd): what the page itself takes, without the navigation's own cost. */
  own: number[];
  phases: Map<string, number[]>;
  shown: number;
}

it('today shown', async () => {
  const builds = COMPARE.length ? COMPARE.map((dir) => ({ name: dir, path: resolve(ROOT, dir, 'chrome-mv3') })) : [{ name: '', path: ensureExtensionBuilt() }];
  const copies = builds.map((b) => benchCopy(b.path, builds.length > 1));
  const h = await launchHarness({ extensionPath: copies.join(',') });
  try {
    const runs: Openings[] = builds.map((b, i) => ({
      name: b.name,
      base: builds.length > 1 ? `chrome-extension://${unpackedId(copies[i]!)}/` : h.extensionUrl(''),
      today: [], coming: [], gap: [], own: [], phases: new Map(Object.values(PHASE).map((name) => [name, []])), shown: 0,
    }));
    const rows = plan(ENTRIES);
    for (const run of runs) await seed(h.context, `${run.base}popup.html`, rows);
    const open = async (url: string, wait: string[]) => {
      const p = await h.context.newPage();
      await p.goto(url);
      for (const key of wait) await p.waitForFunction((k) => document.documentElement.dataset[k], key, { timeout: 10_000 });
      const marks = await p.evaluate(() => ({ ...document.documentElement.dataset }));
      const received = await p.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd);
      return { marks, received, page: p };
    };
    const empty: number[] = [];
    const emptyOwn: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // The empty page, then each popup, in an order that turns every round: none is always first after a pause.
      const { marks: floor, received: floorReceived, page: e } = await open(`${runs[0]!.base}${EMPTY_PAGE}`, ['todayShown']);
      empty.push(Number(floor.todayShown));
      emptyOwn.push(Number(floor.todayShown) - floorReceived);
      await e.close();
      for (let k = 0; k < runs.length; k++) {
        const run = runs[(i + k) % runs.length]!;
        const { marks, received, page: p } = await open(`${run.base}popup.html`, ['todayShown', 'comingShown']);
        run.own.push(Number(marks.todayShown) - received);
        run.today.push(Number(marks.todayShown));
        run.coming.push(Number(marks.comingShown));
        run.gap.push(Number(marks.todayShown) - Number(floor.todayShown));
        for (const [name, at] of await p.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const))) run.phases.get(name)?.push(at);
        run.shown = await p.locator('[data-entry]').count();
        await p.close();
      }
    }
    for (const run of runs) {
      const sorted = [...run.today].sort((a, b) => a - b);
      const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
      const steps = [...run.phases].filter(([, list]) => list.length).map(([name, list]) => `${name.replace('popup: ', '')} ${Math.round(median(list))}`);
      if (run.name) console.log(`— ${run.name}`);
      console.log(`${ENTRIES} entries, ${RUNS} openings, ${run.shown} entries on the today view`);
      console.log(`today shown in ${Math.round(median(run.today))} ms (median; p95 ${Math.round(p95)} ms, min ${Math.round(sorted[0]!)} ms; target ≤ 100 ms)`);
      console.log(`the coming days (the rest of the today view) in ${Math.round(median(run.coming))} ms (median)`);
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
