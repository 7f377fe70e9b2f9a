import type { PortavoceDb, EntryRow } from './db';
import type { Platform } from '../check/types';
import type { CalendarEntry, EntryKind, EntryStatus } from './entry';
import { occurrencesIn, SHORT_SPAN, type Occurrence } from './occurrences';
import { addDays, dayRange, floating } from './time';

/**
 * The occurrences overlapping [rangeStart, rangeEnd) for a viewer in `tz`, by start then title.
 * Two index ranges, never a table scan: short entries by where they start, long and recurring ones by
 * where they end (see db.ts and occurrences.ts boundsOf).
 */
export async function occurrencesBetween(database: PortavoceDb, rangeStart: number, rangeEnd: number, tz: string): Promise<Occurrence[]> {
  const [short, wide] = await database.transaction('r', database.entries, () =>
    Promise.all([
      database.entries.where('[wide+from]').between([0, rangeStart - SHORT_SPAN], [0, rangeEnd], true, false).toArray(),
      database.entries.where('[wide+to]').between([1, rangeStart], [1, Infinity], true, true).toArray(),
    ]),
  );
  // A long or recurring entry that starts after the range cannot reach into it: not expanded (rrule is the cost).
  return expand([...short, ...wide.filter((row) => !(row.from >= rangeEnd))], rangeStart, rangeEnd, tz);
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

export function byStart(a: Occurrence, b: Occurrence): number {
  return a.start - b.start || Number(b.allDay) - Number(a.allDay) || a.entry.title.localeCompare(b.entry.title) || a.key.localeCompare(b.key);
}

/** The occurrences of the days [from, toExclusive) in `tz`. */
export function occurrencesOfDays(database: PortavoceDb, from: string, toExclusive: string, tz: string): Promise<Occurrence[]> {
  const { start, end } = dayRange(from, toExclusive, tz);
  return occurrencesBetween(database, start, end, tz);
}

export interface Filters {
  /** Only the viewer's own entries (needs `me`). */
  mine?: boolean;
  member?: string;
  topic?: string;
  platform?: Platform;
  status?: EntryStatus;
  kind?: EntryKind;
  /** Words of the title, any case and accents. */
  search?: string;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesFilters(o: Occurrence, filters: Filters, me: string | null): boolean {
  const e = o.entry;
  if (filters.mine && (!me || e.memberId !== me)) return false;
  if (filters.member && e.memberId !== filters.member) return false;
  if (filters.topic && !e.topics.includes(filters.topic)) return false;
  if (filters.platform && e.platforms.length > 0 && !e.platforms.includes(filters.platform)) return false;
  if (filters.status && o.status !== filters.status) return false;
  if (filters.kind && e.kind !== filters.kind) return false;
  if (filters.search) {
    const title = fold(e.title);
    if (!fold(filters.search).split(/\s+/).filter(Boolean).every((w) => title.includes(w))) return false;
  }
  return true;
}

export interface Today {
  day: string;
  /** The member's slots (and events), then the team's, then the quiet periods in force, then the coming days. */
  mine: Occurrence[];
  team: Occurrence[];
  quiet: Occurrence[];
  coming: Occurrence[];
}

/** What the popup opens on. `comingDays` after today are included as the agenda. */
export async function today(database: PortavoceDb, now: number, tz: string, me: string | null, day: string, comingDays = 7): Promise<Today> {
  const { start, end } = dayRange(day, addDays(day, 1 + comingDays), tz);
  const all = await occurrencesBetween(database, start, end, tz);
  return splitToday(all, now, day, me);
}

export function splitToday(all: readonly Occurrence[], now: number, day: string, me: string | null): Today {
  const result: Today = { day, mine: [], team: [], quiet: [], coming: [] };
  for (const o of all) {
    if (o.entry.kind === 'quiet-period') {
      if (o.start <= now && (o.end > now || o.end === o.start)) result.quiet.push(o);
      else if (o.day > day) result.coming.push(o);
      else if (o.day === day) result.quiet.push(o); // later today
      continue;
    }
    if (o.day === day || (o.day < day && o.end > now)) (me && o.entry.memberId === me ? result.mine : result.team).push(o);
    else if (o.day > day) result.coming.push(o);
  }
  return result;
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
