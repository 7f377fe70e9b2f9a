import { RRule, type Options } from 'rrule';
import type { CalendarEntry, EntryStatus } from './entry';
import { SHORT_SPAN } from './index-ranges';
import { simpleSeries, type Series } from './simple-recurrence';
import { DAY_MS, floating, isDate, isoDay, utcToWall, zonedToUtc, dayIn } from './time';

/** One happening of an entry on the viewer's calendar (an entry that does not recur has exactly one). */
export interface Occurrence {
  entry: CalendarEntry;
  /** entry id + the occurrence's own day: unique per occurrence. */
  key: string;
  /** The occurrence's day in the entry's own time (keys `entry.occurrences`). */
  seriesDay: string;
  /** The viewer's day it starts on (YYYY-MM-DD). */
  day: string;
  /** Instants, end exclusive (== start for a timed entry without end). */
  start: number;
  end: number;
  allDay: boolean;
  status: EntryStatus;
  publishedAt?: string;
  link?: string;
}

/** Zones are at most 14 h from UTC: an all-day entry's instants lie within these bounds wherever it is viewed. */
const ZONE_SLACK = 14 * 3_600_000;

/** A recurring rule's options in floating time (wall-clock fields as UTC). */
function optionsOf(entry: CalendarEntry): Partial<Options> & { dtstart: Date } {
  const options = RRule.parseString(entry.rrule!.replace(/^RRULE:/i, ''));
  // UNTIL in UTC (the ICS form with a TZID start) becomes the same moment on the entry's wall clock.
  if (options.until && /UNTIL=\d{8}T\d{6}Z/i.test(entry.rrule!) && entry.tz) {
    options.until = new Date(floating(utcToWall(options.until.getTime(), entry.tz)));
  }
  return { ...options, dtstart: new Date(floating(entry.start)) };
}

const versionOf = (entry: CalendarEntry) => `${entry.id}\u0000${entry.start}\u0000${entry.tz ?? ''}\u0000${entry.rrule}`;

/** A recurring rule in floating time, cached per entry version. */
const rules = new Map<string, RRule>();
function ruleOf(entry: CalendarEntry): RRule {
  const key = versionOf(entry);
  let rule = rules.get(key);
  if (!rule) {
    rule = new RRule(optionsOf(entry));
    if (rules.size > 5000) rules.clear();
    rules.set(key, rule);
  }
  return rule;
}

/** The dates of a recurring entry: by arithmetic when the rule is simple (./simple-recurrence.ts), else rrule's. */
const series = new Map<string, Series>();
function seriesOf(entry: CalendarEntry): Series {
  const key = versionOf(entry);
  let found = series.get(key);
  if (!found) {
    found = simpleSeries(optionsOf(entry)) ?? ruleOf(entry);
    if (series.size > 5000) series.clear();
    series.set(key, found);
  }
  return found;
}

/** Floating duration of one occurrence. */
function floatingDuration(entry: CalendarEntry): number {
  if (isDate(entry.start)) return entry.end ? floating(entry.end) - floating(entry.start) : DAY_MS;
  return entry.end ? floating(entry.end) - floating(entry.start) : 0;
}

/** Instants of an occurrence starting at floating time `f` and lasting `d`, viewed from `viewerTz`. */
function instants(entry: CalendarEntry, f: number, viewerTz: string, d = floatingDuration(entry)): { start: number; end: number } {
  if (isDate(entry.start)) return { start: zonedToUtc(f, viewerTz), end: zonedToUtc(f + d, viewerTz) };
  const tz = entry.tz ?? 'UTC';
  return { start: zonedToUtc(f, tz), end: zonedToUtc(f + d, tz) };
}

/** Floating start and duration of an occurrence moved to its own `start` (and `end`, else the series' length). */
function movedTo(entry: CalendarEntry, own: { start: string; end?: string }): { f: number; d: number } {
  const f = floating(own.start);
  return { f, d: own.end ? floating(own.end) - f : floatingDuration(entry) };
}

/** The occurrences of a series moved away from their day, with their series day. */
function moved(entry: CalendarEntry): { seriesDay: string; f: number; d: number }[] {
  return Object.entries(entry.occurrences ?? {}).flatMap(([seriesDay, own]) => (own.start ? [{ seriesDay, ...movedTo(entry, { start: own.start, ...(own.end ? { end: own.end } : {}) }) }] : []));
}

export interface Bounds {
  /** Conservative instants: every occurrence lies within [from, to] wherever it is viewed. */
  from: number;
  to: number;
  /** 1 for entries that may reach far (long, open-ended, recurring): queried by `to`, the others by `from`. */
  wide: 0 | 1;
}

export { SHORT_SPAN } from './index-ranges';

export function boundsOf(entry: CalendarEntry): Bounds {
  const allDay = isDate(entry.start);
  const slack = allDay ? ZONE_SLACK : 0;
  const first = allDay ? floating(entry.start) : zonedToUtc(entry.start, entry.tz ?? 'UTC');
  let from = first - slack;
  let to: number;
  if (entry.rrule) {
    to = Infinity;
    try {
      const rule = ruleOf(entry);
      const { count, until } = rule.origOptions;
      let last: Date | null = null;
      if (until) last = until;
      else if (count !== undefined && count !== null && count <= 10_000) last = rule.all().at(-1) ?? null;
      if (last) to = last.getTime() + floatingDuration(entry) + ZONE_SLACK + DAY_MS;
    } catch {
      to = Infinity;
    }
    // An occurrence moved before the series' first or after its last one widens the bounds.
    for (const { f, d } of moved(entry)) {
      from = Math.min(from, f - ZONE_SLACK);
      to = Math.max(to, f + d + ZONE_SLACK);
    }
  } else {
    const f = floating(entry.start);
    to = allDay ? f + floatingDuration(entry) + slack : instants(entry, f, 'UTC').end;
  }
  return { from, to, wide: entry.rrule || to - from > SHORT_SPAN ? 1 : 0 };
}

/** The occurrences of `entry` overlapping [rangeStart, rangeEnd) for a viewer in `viewerTz`, in order. */
export function occurrencesIn(entry: CalendarEntry, rangeStart: number, rangeEnd: number, viewerTz: string): Occurrence[] {
  const allDay = isDate(entry.start);
  const overlaps = (s: number, e: number) => (e > s ? s < rangeEnd && e > rangeStart : s >= rangeStart && s < rangeEnd);
  const make = (f: number, seriesDay = isoDay(f), d?: number): Occurrence | null => {
    const { start, end } = instants(entry, f, viewerTz, d);
    if (!overlaps(start, end)) return null;
    const own = entry.occurrences?.[seriesDay];
    return {
      entry, key: `${entry.id}|${seriesDay}`, seriesDay, day: dayIn(start, viewerTz), start, end, allDay,
      status: own?.status ?? entry.status,
      ...((own ? own.publishedAt : entry.publishedAt) ? { publishedAt: own ? own.publishedAt : entry.publishedAt } : {}),
      ...((own ? own.link : entry.link) ? { link: own ? own.link : entry.link } : {}),
    };
  };
  if (!entry.rrule) {
    const one = make(floating(entry.start));
    return one ? [one] : [];
  }
  let rule: Series;
  try {
    rule = seriesOf(entry);
  } catch {
    // An RRULE we cannot read: the first occurrence still shows.
    const one = make(floating(entry.start));
    return one ? [one] : [];
  }
  // Search in floating time, widened by the zone slack and one occurrence's length.
  const span = floatingDuration(entry);
  const excluded = new Set((entry.exdates ?? []).map(floating));
  const out: Occurrence[] = [];
  const dates = rule.between(new Date(rangeStart - ZONE_SLACK - span), new Date(rangeEnd + ZONE_SLACK), true);
  for (const date of dates) {
    const f = date.getTime();
    if (excluded.has(f) || entry.occurrences?.[isoDay(f)]?.start) continue;
    const occurrence = make(f);
    if (occurrence) out.push(occurrence);
  }
  // Moved occurrences: where they moved to, if their day is one of the series'.
  const shifted = moved(entry);
  for (const { seriesDay, f, d } of shifted) {
    const dayStart = floating(seriesDay);
    const original = rule.between(new Date(dayStart), new Date(dayStart + DAY_MS - 1), true)[0];
    if (!original || excluded.has(original.getTime())) continue;
    const occurrence = make(f, seriesDay, d);
    if (occurrence) out.push(occurrence);
  }
  return shifted.length ? out.sort((a, b) => a.start - b.start) : out;
}
