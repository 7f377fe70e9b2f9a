import type { PortavoceDb, EntryRow } from './db';
import type { CalendarEntry } from './entry';
import { rangesOverlapping, rowsToExpand, type IndexRange } from './index-ranges';
import { byStart, fold, splitToday, type Today } from './occurrence-lists';
import { occurrencesIn, type Occurrence } from './occurrences';
import { addDays, dayRange, floating } from './time';

export { byStart, fold, matchesFilters, splitToday, type Filters, type Today } from './occurrence-lists';

/**
 * The occurrences overlapping [rangeStart, rangeEnd) for a viewer in `tz`, by start then title.
 * Two index ranges, never a table scan (./index-ranges.ts).
 */
export async function occurrencesBetween(database: PortavoceDb, rangeStart: number, rangeEnd: number, tz: string): Promise<Occurrence[]> {
  const read = (r: IndexRange) => database.entries.where(r.index).between(r.lower, r.upper, r.includeLower, r.includeUpper).toArray();
  const [short, wide] = rangesOverlapping(rangeStart, rangeEnd);
  const rows = await database.transaction('r', database.entries, () => Promise.all([read(short), read(wide)]));
  return expand(rowsToExpand(...rows, rangeStart, rangeEnd), rangeStart, rangeEnd, tz);
}

export function expand(rows: readonly (CalendarEntry | EntryRow)[], rangeStart: number, rangeEnd: number, tz: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const row of rows) {
    if (Number.isNaN(floating(row.start))) continue; // a row an old version left unreadable: kept, not shown
    try {
      out.push(...occurrencesIn(row, rangeStart, rangeEnd, tz));
    } catch {
      // one odd entry never hides the others
    }
  }
  return out.sort(byStart);
}

/** The occurrences of the days [from, toExclusive) in `tz`. */
export function occurrencesOfDays(database: PortavoceDb, from: string, toExclusive: string, tz: string): Promise<Occurrence[]> {
  const { start, end } = dayRange(from, toExclusive, tz);
  return occurrencesBetween(database, start, end, tz);
}

/** What the popup opens on. `comingDays` after today are included as the agenda. */
export async function today(database: PortavoceDb, now: number, tz: string, me: string | null, day: string, comingDays = 7): Promise<Today> {
  const { start, end } = dayRange(day, addDays(day, 1 + comingDays), tz);
  const all = await occurrencesBetween(database, start, end, tz);
  return splitToday(all, now, day, me);
}

/** Every entry whose title matches, by first start (search reaches beyond the shown range). */
export async function searchEntries(database: PortavoceDb, text: string, limit = 200): Promise<CalendarEntry[]> {
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found = await database.entries.filter((e) => {
    const title = fold(e.title);
    return words.every((w) => title.includes(w));
  }).limit(limit).toArray();
  return found.sort((a, b) => a.from - b.from);
}
