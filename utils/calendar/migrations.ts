import type { Transaction } from 'dexie';
import { calendarEntrySchema, LOCAL_SOURCE, type CalendarEntry } from './entry';
import { boundsOf, type Bounds } from './occurrences';
import { isDate, isWallTime, utcToWall } from './time';

/** An entry with its index fields, ready to store. */
export function toRow(entry: CalendarEntry): CalendarEntry & Bounds {
  return { ...entry, ...boundsOf(entry) };
}

/** Strips the index fields off a stored row. */
export function fromRow(row: CalendarEntry & Partial<Bounds>): CalendarEntry {
  const { from: _f, to: _t, wide: _w, ...entry } = row;
  return entry;
}

/**
 * Version 1 stored timed values as ISO instants ('2026-12-01T09:00:00Z', '…+01:00'); version 2 stores the
 * wall time and its zone. An instant becomes its UTC wall time in zone UTC: the same moment.
 */
function v1Time(value: unknown): { value: string; timed: boolean } | null {
  if (typeof value !== 'string') return null;
  if (isDate(value) || isWallTime(value)) return { value, timed: !isDate(value) };
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : { value: utcToWall(ms, 'UTC'), timed: true };
}

/**
 * A version 1 row as a version 2 entry. Nothing is dropped: a row that does not validate keeps every field
 * it had and gets bounds that make it show everywhere (so it can be seen and fixed), never an exception.
 */
export function entryFromV1(row: Record<string, unknown>): CalendarEntry & Bounds {
  const start = v1Time(row.start);
  const end = row.end === undefined ? undefined : v1Time(row.end);
  const candidate = {
    ...row,
    ...(start ? { start: start.value } : {}),
    ...(end ? { end: end.value } : {}),
    ...(start?.timed && row.tz === undefined ? { tz: 'UTC' } : {}),
    source: typeof row.source === 'string' && row.source ? row.source : LOCAL_SOURCE,
  };
  const parsed = calendarEntrySchema.safeParse(candidate);
  if (parsed.success) return toRow(parsed.data);
  return { ...(candidate as unknown as CalendarEntry), from: -Infinity, to: Infinity, wide: 1 };
}

export async function upgradeEntriesToV2(tx: Transaction): Promise<void> {
  await tx.table('entries').toCollection().modify((row: Record<string, unknown>) => {
    const next = entryFromV1(row);
    for (const key of Object.keys(row)) if (!(key in next)) delete row[key];
    Object.assign(row, next);
  });
}
