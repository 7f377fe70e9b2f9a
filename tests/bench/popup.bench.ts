// The popup with 10,000 entries in the database: how long from opening popup.html to today on screen,
// measured in Chromium by the browser's own clock from the navigation's start. The popup marks
// <html data-today-shown> with the Element Timing render time of today's first row (or its "nothing" line:
// the first paint of today with data), and data-coming-shown with that of the coming days, painted the
// frame after (components/calendar/today-shown.ts).
// The floor beside it: an extension page with one static paragraph, marked the same way, opened in the same
// browser between the popup's openings. It ships only in a copy of the build made for this run.
// Run: npm run bench:popup (PORTAVOCE_BENCH_ENTRIES, PORTAVOCE_BENCH_RUNS to change the sizes).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { calendarEntrySchema, type CalendarEntryInput } from '../../utils/calendar/entry';
import { toRow } from '../../utils/calendar/migrations';
import { ensureExtensionBuilt, launchHarness } from '../e2e/harness';

const ENTRIES = Number(process.env.PORTAVOCE_BENCH_ENTRIES ?? 10_000);
const RUNS = Number(process.env.PORTAVOCE_BENCH_RUNS ?? 20);

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
function withEmptyPage(build: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'portavoce-bench-'));
  cpSync(build, copy, { recursive: true });
  writeFileSync(join(copy, EMPTY_PAGE), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portavoce</title><script src="/bench-empty.js"></script></head><body><p elementtiming="popup-today">Today</p></body></html>\n');
  writeFileSync(join(copy, 'bench-empty.js'), `new PerformanceObserver((list) => {
  for (const e of list.getEntries()) document.documentElement.dataset.todayShown ||= String(e.renderTime || e.startTime);
}).observe({ type: 'element', buffered: true });\n`);
  return copy;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

it('today shown', async () => {
  const build = withEmptyPage(ensureExtensionBuilt());
  const h = await launchHarness({ extensionPath: build });
  try {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('popup.html'));
    await page.waitForFunction(() => document.documentElement.dataset.todayShown);
    // Raw IndexedDB: the popup has created the database (Dexie stores version v as v × 10).
    const rows = plan(ENTRIES);
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
    const open = async (path: string, wait: string[]): Promise<{ marks: DOMStringMap; page: Page }> => {
      const p = await h.context.newPage();
      await p.goto(h.extensionUrl(path));
      for (const key of wait) await p.waitForFunction((k) => document.documentElement.dataset[k], key, { timeout: 10_000 });
      return { marks: await p.evaluate(() => ({ ...document.documentElement.dataset })), page: p };
    };
    const times: number[] = [];
    const coming: number[] = [];
    const empty: number[] = [];
    let shown = 0;
    for (let i = 0; i < RUNS; i++) {
      // Alternating which goes first: neither gets the browser warmer than the other.
      const order = i % 2 ? ['popup', 'empty'] : ['empty', 'popup'];
      for (const which of order) {
        if (which === 'empty') {
          const { marks, page: p } = await open(EMPTY_PAGE, ['todayShown']);
          empty.push(Number(marks.todayShown));
          await p.close();
          continue;
        }
        const { marks, page: p } = await open('popup.html', ['todayShown', 'comingShown']);
        times.push(Number(marks.todayShown));
        coming.push(Number(marks.comingShown));
        shown = await p.locator('[data-entry]').count();
        await p.close();
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
    const gaps = times.map((t, i) => t - empty[i]!);
    console.log(`${ENTRIES} entries, ${RUNS} openings, ${shown} entries on the today view`);
    console.log(`today shown in ${Math.round(median(times))} ms (median; p95 ${Math.round(p95)} ms, min ${Math.round(sorted[0]!)} ms; target ≤ 100 ms)`);
    console.log(`the coming days (the rest of the today view) in ${Math.round(median(coming))} ms (median)`);
    console.log(
      `empty extension page painted at ${Math.round(median(empty))} ms (median); today shown ${Math.round(median(times))} ms; ` +
        `today − empty ${Math.round(median(gaps))} ms (median of each opening's difference from its neighbouring empty page)`,
    );
  } finally {
    await h.close();
    rmSync(build, { recursive: true, force: true });
  }
});
