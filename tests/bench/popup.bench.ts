// The popup with 10,000 entries in the database: how long from opening popup.html to today on screen,
// measured in Chromium by the browser's own clock from the navigation's start. The popup marks
// <html data-today-shown> with the Element Timing render time of today's first row (or its "nothing" line:
// the first paint of today with data), and data-coming-shown with that of the coming days, painted the
// frame after (components/calendar/today-shown.ts).
// Run: npm run bench:popup (PORTAVOCE_BENCH_ENTRIES, PORTAVOCE_BENCH_RUNS to change the sizes).
import { it } from 'vitest';
import { calendarEntrySchema, type CalendarEntryInput } from '../../utils/calendar/entry';
import { toRow } from '../../utils/calendar/migrations';
import { launchHarness } from '../e2e/harness';

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

it('today shown', async () => {
  const h = await launchHarness();
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
    const times: number[] = [];
    const coming: number[] = [];
    let shown = 0;
    for (let i = 0; i < RUNS; i++) {
      const p = await h.context.newPage();
      await p.goto(h.extensionUrl('popup.html'));
      await p.waitForFunction(() => document.documentElement.dataset.todayShown, undefined, { timeout: 10_000 });
      await p.waitForFunction(() => document.documentElement.dataset.comingShown, undefined, { timeout: 10_000 });
      const marks = await p.evaluate(() => ({ ...document.documentElement.dataset }));
      times.push(Number(marks.todayShown));
      coming.push(Number(marks.comingShown));
      shown = await p.locator('[data-entry]').count();
      await p.close();
    }
    times.sort((a, b) => a - b);
    coming.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!;
    console.log(`${ENTRIES} entries, ${RUNS} openings, ${shown} entries on the today view`);
    console.log(`today shown in ${Math.round(median)} ms (median; p95 ${Math.round(p95)} ms, min ${Math.round(times[0]!)} ms; target ≤ 100 ms)`);
    console.log(`the coming days (the rest of the today view) in ${Math.round(coming[Math.floor(coming.length / 2)]!)} ms (median)`);
  } finally {
    await h.close();
  }
});
