import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, PortavoceDb, SCHEMA } from '../../../utils/calendar/db';
import { calendarEntrySchema, type CalendarEntryInput } from '../../../utils/calendar/entry';
import { expand, occurrencesBetween } from '../../../utils/calendar/query';
import { READABLE_DB, rowsOverlappingWithoutDexie } from '../../../utils/calendar/read-without-dexie';
import { putMany } from '../../../utils/calendar/store';
import { addDays, dayRange } from '../../../utils/calendar/time';
import { v1Entries, writeV1Database } from '../../fixtures/calendar/v1-database';

// The reader uses the global indexedDB: a fresh one per test, and Dexie told to use the same.
let database: PortavoceDb;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  database = new PortavoceDb(DB_NAME, undefined, { indexedDB: globalThis.indexedDB, IDBKeyRange });
});

const TZ = 'Europe/Rome';
const entry = (e: Partial<CalendarEntryInput>) => calendarEntrySchema.parse({ id: `e${Math.random()}`, title: 'T', start: '2026-11-25', kind: 'slot', ...e });
/** Every shape the index ranges tell apart, around 2026-11-25. */
function entries() {
  const list = [
    entry({ id: 'timed', start: '2026-11-25T09:30', tz: TZ }),
    entry({ id: 'all-day', start: '2026-11-25' }),
    entry({ id: 'late-utc', start: '2026-11-25T23:30', tz: 'UTC' }),
    entry({ id: 'two-days', start: '2026-11-24', end: '2026-11-26' }),
    entry({ id: 'quiet', kind: 'quiet-period', start: '2026-11-20', end: '2026-12-05' }),
    entry({ id: 'old-quiet', kind: 'quiet-period', start: '2026-08-20', end: '2026-09-05' }),
    entry({ id: 'weekly', start: '2026-11-02T12:00', tz: TZ, rrule: 'FREQ=WEEKLY;BYDAY=WE' }),
    entry({ id: 'weekly-later', start: '2027-01-06T12:00', tz: TZ, rrule: 'FREQ=WEEKLY' }),
    entry({ id: 'ended', start: '2026-01-05T12:00', tz: TZ, rrule: 'FREQ=DAILY;COUNT=3' }),
    entry({ id: 'moved', start: '2026-11-04T08:00', tz: TZ, rrule: 'FREQ=WEEKLY;COUNT=3', occurrences: { '2026-11-11': { status: 'planned', start: '2026-11-25T17:00' } } }),
    entry({ id: 'tokyo', start: '2026-11-26T07:00', tz: 'Asia/Tokyo' }),
    entry({ id: 'kiritimati', start: '2026-11-26', end: '2026-11-28' }),
    entry({ id: 'no-end', start: '2026-11-26T23:45', tz: 'America/Los_Angeles' }),
    entry({ id: 'midnight', start: '2026-11-24T22:00', end: '2026-11-25T00:00', tz: TZ }),
  ];
  for (let i = 0; i < 60; i++) list.push(entry({ id: `day-${i}`, title: `Post ${i % 7}`, start: `${addDays('2026-11-01', i)}T${String(8 + (i % 10)).padStart(2, '0')}:30`, tz: TZ }));
  return list;
}

describe('rowsOverlappingWithoutDexie', () => {
  it.each([['2026-11-25', 1], ['2026-11-25', 8], ['2026-11-26', 1], ['2026-11-27', 1], ['2026-11-11', 1], ['2027-01-06', 1], ['2026-08-31', 30]])(
    'reads the rows Dexie reads: %s and %i days, the same occurrences',
    async (day, days) => {
      await putMany(database, entries());
      const { start, end } = dayRange(day, addDays(day, days), TZ);
      const rows = await rowsOverlappingWithoutDexie(start, end);
      expect(rows).not.toBeNull();
      const occurrences = await occurrencesBetween(database, start, end, TZ);
      expect(occurrences.length).toBeGreaterThan(0);
      expect(expand(rows!, start, end, TZ)).toEqual(occurrences);
      // The index ranges and the rows left out before expanding lose nothing: the same as expanding every row.
      expect(expand(await database.entries.toArray(), start, end, TZ)).toEqual(occurrences);
    },
  );

  it('no database yet: null, and none is created (Dexie creates it, with its schema)', async () => {
    expect(await rowsOverlappingWithoutDexie(0, 1)).toBeNull();
    expect((await indexedDB.databases()).filter((d) => d.name === DB_NAME && d.version)).toEqual([]);
    await database.open();
    expect(database.verno).toBe(SCHEMA.at(-1)!.version);
    expect(database.tables.map((t) => t.name).sort()).toEqual(['audit', 'entries']);
  });

  it('a database that needs an upgrade: null, and Dexie still upgrades it', async () => {
    await writeV1Database(DB_NAME, v1Entries(20), { indexedDB: globalThis.indexedDB, IDBKeyRange });
    expect(await rowsOverlappingWithoutDexie(0, Date.UTC(2030, 0, 1))).toBeNull();
    expect(await database.entries.count()).toBe(20);
    expect(database.verno).toBe(SCHEMA.at(-1)!.version);
  });

  it('no IndexedDB in this window (open throws): null', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = () => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
    try {
      expect(await rowsOverlappingWithoutDexie(0, 1)).toBeNull();
    } finally {
      IDBFactory.prototype.open = open;
    }
  });

  it('knows the current schema: db.ts name, latest version (× 10) and the index ranges it reads', () => {
    const latest = SCHEMA.at(-1)!;
    expect(READABLE_DB.name).toBe(DB_NAME);
    expect(READABLE_DB.version).toBe(latest.version * 10);
    const indexes = SCHEMA.filter((s) => s.stores.entries).at(-1)!.stores.entries!.split(',').map((s) => s.trim());
    for (const index of READABLE_DB.indexes) expect(indexes).toContain(index);
  });
});
