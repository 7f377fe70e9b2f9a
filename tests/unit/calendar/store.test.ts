import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { PortavoceDb } from '../../../utils/calendar/db';
import { calendarEntrySchema, type CalendarEntryInput } from '../../../utils/calendar/entry';
import { occurrencesBetween, occurrencesOfDays, searchEntries, today } from '../../../utils/calendar/query';
import { deleteEntry, duplicateEntry, getEntry, putMany, saveEntry, setStatus, StoreError, asStoreError } from '../../../utils/calendar/store';
import { parseIcs, toIcs } from '../../../utils/calendar/ics';
import { exportBackup, importBackup, BackupError } from '../../../utils/calendar/backup';
import { dayRange, zonedToUtc } from '../../../utils/calendar/time';
import { freshFactory } from '../../fixtures/calendar/v1-database';

let db: PortavoceDb;
let factory: ReturnType<typeof freshFactory>;
beforeEach(() => {
  factory = freshFactory();
  db = new PortavoceDb('t', undefined, factory);
});
/** The same database through a middleware (registered before it opens, as Dexie wants). */
function reopenWith(middleware: Parameters<PortavoceDb['use']>[0]): PortavoceDb {
  db.close();
  db = new PortavoceDb('t', undefined, factory);
  db.use(middleware);
  return db;
}
const entry = (e: Partial<CalendarEntryInput>) => calendarEntrySchema.parse({ id: `e${Math.random()}`, title: 'T', start: '2026-11-25', kind: 'slot', ...e });
const TZ = 'Europe/Rome';
const NOW = zonedToUtc('2026-11-25T10:00', TZ);

describe('range queries', () => {
  beforeEach(async () => {
    await putMany(db, [
      entry({ id: 'mine', title: 'My post', memberId: 'giulia', start: '2026-11-25T09:30', tz: TZ, platforms: ['linkedin'] }),
      entry({ id: 'team', title: 'Team post', start: '2026-11-25' }),
      entry({ id: 'other', title: 'Marco post', memberId: 'marco', start: '2026-11-25T18:00', tz: TZ }),
      entry({ id: 'late-utc', title: 'Just after midnight in Rome', start: '2026-11-25T23:30', tz: 'UTC' }),
      entry({ id: 'quiet', title: 'Q4', kind: 'quiet-period', start: '2026-11-20', end: '2026-12-05', topics: ['financial-results'] }),
      entry({ id: 'old-quiet', title: 'Q3', kind: 'quiet-period', start: '2026-08-20', end: '2026-09-05' }),
      entry({ id: 'weekly', title: 'Weekly tips', memberId: 'giulia', start: '2026-11-02T12:00', tz: TZ, rrule: 'FREQ=WEEKLY;BYDAY=WE' }),
      entry({ id: 'tomorrow', title: 'Tomorrow', start: '2026-11-26T09:00', tz: TZ }),
      entry({ id: 'next-month', title: 'Later', start: '2026-12-20' }),
    ]);
  });

  it('today: my slots, then the team, then quiet periods in force, then the coming days', async () => {
    const t = await today(db, NOW, TZ, 'giulia', '2026-11-25');
    expect(t.mine.map((o) => o.entry.id)).toEqual(['mine', 'weekly']);
    expect(t.team.map((o) => o.entry.id)).toEqual(['team', 'other']);
    expect(t.quiet.map((o) => o.entry.id)).toEqual(['quiet']);
    expect(t.coming.map((o) => o.entry.id)).toEqual(['late-utc', 'tomorrow', 'weekly']);
  });

  it('a month: long entries that started earlier are found, recurrences expanded', async () => {
    const month = await occurrencesOfDays(db, '2026-12-01', '2027-01-01', TZ);
    expect(month.filter((o) => o.entry.id === 'weekly')).toHaveLength(5);
    expect(month.some((o) => o.entry.id === 'quiet')).toBe(true);
    expect(month.some((o) => o.entry.id === 'old-quiet')).toBe(false);
  });

  it('uses the indexes, not a table scan', async () => {
    const rows: CalendarEntryInput[] = Array.from({ length: 2000 }, (_, i) => ({ id: `bulk${i}`, title: `B${i}`, start: `2027-${String((i % 12) + 1).padStart(2, '0')}-10`, kind: 'slot' }));
    await putMany(db, rows.map((r) => calendarEntrySchema.parse(r)));
    let read = 0;
    reopenWith({ stack: 'dbcore', name: 'count', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return { ...t, query: async (req) => { const res = await t.query(req); read += res.result.length; return res; } };
    } }) });
    const { start, end } = dayRange('2026-11-25', '2026-11-26', TZ);
    expect((await occurrencesBetween(db, start, end, TZ)).length).toBe(5);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(20);
  });

  it('search by title reaches beyond the range, any case or accent', async () => {
    await saveEntry(db, { id: 'caffe', title: 'Caffè con il team', start: '2027-05-01', kind: 'event' });
    expect((await searchEntries(db, 'CAFFE team')).map((e) => e.id)).toEqual(['caffe']);
  });
});

describe('writes', () => {
  it('validates with a message per field', async () => {
    await expect(saveEntry(db, { id: 'x', title: ' ', start: '2026-11-25T25:00', kind: 'slot' })).rejects.toThrow(/title: a title is needed; start: a date/);
    await expect(saveEntry(db, { id: 'x', title: 'A', start: '2026-11-25T10:00', kind: 'slot' })).rejects.toThrow(/tz: a timed entry needs a time zone/);
    await expect(saveEntry(db, { id: 'x', title: 'A', start: '2026-11-25', end: '2026-11-24', kind: 'slot' })).rejects.toThrow(/end: the end is before the start/);
  });

  it('duplicates as a new local planned entry; deletes', async () => {
    await saveEntry(db, entry({ id: 'a', title: 'A', status: 'published', publishedAt: '2026-11-25T10:00:00Z', source: 'https://feed.example/a.ics' }));
    const copy = await duplicateEntry(db, 'a');
    expect(copy).toMatchObject({ title: 'A', status: 'planned', source: 'local' });
    expect(copy.id).not.toBe('a');
    expect(copy.publishedAt).toBeUndefined();
    await deleteEntry(db, 'a');
    expect(await getEntry(db, 'a')).toBeUndefined();
  });

  it('marks one occurrence of a series, or a whole entry, published with the time', async () => {
    await saveEntry(db, entry({ id: 's', start: '2026-11-02T12:00', tz: TZ, rrule: 'FREQ=DAILY' }));
    await setStatus(db, 's', '2026-11-25', 'published', { link: 'https://x.com/a/status/1' }, new Date(NOW));
    const [o] = await occurrencesOfDays(db, '2026-11-25', '2026-11-26', TZ);
    expect(o).toMatchObject({ status: 'published', publishedAt: new Date(NOW).toISOString(), link: 'https://x.com/a/status/1' });
    const [other] = await occurrencesOfDays(db, '2026-11-26', '2026-11-27', TZ);
    expect(other!.status).toBe('planned');
    await saveEntry(db, entry({ id: 'one' }));
    expect(await setStatus(db, 'one', null, 'skipped')).toMatchObject({ status: 'skipped' });
  });

  it('importing the same file twice creates no duplicates and keeps local marks', async () => {
    const ics = toIcs([entry({ id: 'u1', title: 'One' }), entry({ id: 'u2', title: 'Two', rrule: 'FREQ=DAILY;COUNT=3' })]);
    await putMany(db, parseIcs(ics, { tz: TZ }));
    await setStatus(db, 'u1', null, 'published');
    await setStatus(db, 'u2', '2026-11-26', 'skipped');
    expect(await putMany(db, parseIcs(ics, { tz: TZ }))).toEqual({ added: 0, updated: 2 });
    expect(await db.entries.count()).toBe(2);
    expect(await getEntry(db, 'u1')).toMatchObject({ status: 'published' });
    expect((await getEntry(db, 'u2'))!.occurrences).toEqual({ '2026-11-26': { status: 'skipped' } });
  });

  it('a full disk is an error that changes nothing', async () => {
    await saveEntry(db, entry({ id: 'kept', title: 'Kept' }));
    reopenWith({ stack: 'dbcore', name: 'full', create: (down) => ({ ...down, table: (name) => {
      const t = down.table(name);
      return { ...t, mutate: async () => { throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' }); } };
    } }) });
    const error = await putMany(db, [entry({ id: 'new1' }), entry({ id: 'kept', title: 'Changed' })]).catch((e) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.reason).toBe('disk-full');
    expect(asStoreError(new Error('x')).reason).toBe('failed');
    // A really full disk in Chromium (tmpfs, 0 bytes free): an UnknownError naming the file error, also inside Dexie's.
    const noSpace = Object.assign(new Error('Connection is closing because of: IO error: …/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)'), { name: 'UnknownError' });
    expect(asStoreError(noSpace).reason).toBe('disk-full');
    expect(asStoreError(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: noSpace })).reason).toBe('disk-full');
    // Each request of an aborted transaction only says AbortError: the transaction's own error tells why.
    expect(asStoreError(Object.assign(new Error('40 of 50 operations failed'), { name: 'BulkError' }), noSpace).reason).toBe('disk-full');
    // A backing store Chromium cannot open again (after a full disk closed it) is a failure, not a private window.
    const backingStore = Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), { name: 'UnknownError' });
    const openFailed = Object.assign(new Error('UnknownError …'), { name: Dexie.errnames.OpenFailed, inner: backingStore });
    expect(asStoreError(openFailed).reason).toBe('failed');
    expect(asStoreError(Object.assign(new Error('closed'), { name: Dexie.errnames.DatabaseClosed, inner: openFailed })).reason).toBe('failed');
    expect(asStoreError(Object.assign(new Error('…'), { name: Dexie.errnames.OpenFailed, inner: Object.assign(new Error('…'), { name: 'InvalidStateError' }) })).reason).toBe('unavailable');
    expect(await db.entries.count()).toBe(1);
    expect(await getEntry(db, 'kept')).toMatchObject({ title: 'Kept' });
  });
});

describe('backup', () => {
  const entries = [
    entry({ id: 'a', title: 'A', memberId: 'giulia', platforms: ['x'], notes: 'n' }),
    entry({ id: 'b', title: 'B', start: '2026-03-29T02:30', tz: TZ, rrule: 'FREQ=WEEKLY', occurrences: { '2026-04-05': { status: 'skipped' } }, source: 'https://f.example/x.ics' }),
    entry({ id: 'c', title: 'C', kind: 'quiet-period', start: '2026-11-20', end: '2026-12-05', topics: ['t'], status: 'published', publishedAt: '2026-11-20T08:00:00.000Z' }),
  ];

  it('export → wipe → import gives back the same entries', async () => {
    await putMany(db, entries, new Date('2026-11-01T00:00:00Z'));
    const before = await db.entries.toArray();
    const backup = await exportBackup(db);
    await db.entries.clear();
    expect(await importBackup(db, backup)).toBe(3);
    expect(await db.entries.toArray()).toEqual(before);
  });

  it.each([
    ['not JSON', 'BEGIN:VCALENDAR', 'not-json'],
    ['a foreign file', JSON.stringify({ format: 'other-app', version: 1, entries: [] }), 'foreign'],
    ['a newer file', JSON.stringify({ format: 'portavoce-calendar-backup', version: 3, entries: [] }), 'newer'],
    ['a bad entry', JSON.stringify({ format: 'portavoce-calendar-backup', version: 1, entries: [{ id: 'z', title: 'Z', start: 'soon', kind: 'slot' }] }), 'invalid'],
  ])('refuses %s and changes nothing', async (_, text, reason) => {
    await putMany(db, entries);
    const before = await db.entries.toArray();
    const error = await importBackup(db, text).catch((e) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(error.reason).toBe(reason);
    expect(await db.entries.toArray()).toEqual(before);
  });
});
