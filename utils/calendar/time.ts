// Wall times in IANA zones, and days. No library: Intl knows every zone the browser knows.
//   all-day values are dates 'YYYY-MM-DD' (the same day wherever the viewer is);
//   timed values are wall times 'YYYY-MM-DDTHH:mm[:ss]' in a named zone.

export const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A real calendar date (no 31 April), a real time (no 25:00). */
function real(value: string): boolean {
  const ms = floating(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, value.length) === (value.length === 16 ? value : value.slice(0, 19));
}
export function isDate(value: string): boolean {
  return DATE.test(value) && real(value);
}
export function isWallTime(value: string): boolean {
  return WALL.test(value) && real(value);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Whether the browser knows this IANA zone. */
export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The browser's own zone. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The wall clock of `tz` at instant `ms` (to the second), as epoch ms of the same fields read as UTC. */
function wallAsUtc(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return whole + zoneOffset(whole, tz);
}

/** What Intl says the wall clock of `tz` reads at instant `ms`, as epoch ms of the same fields read as UTC. */
function askIntl(ms: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/**
 * Since 1980 every zone's offset is a multiple of 15 minutes and changes at a quarter hour (UTC), so one
 * offset per quarter hour is exact; formatToParts is slow (the popup converts every occurrence it shows).
 */
const QUARTER_HOUR = 900_000;
const CACHED_SINCE = Date.UTC(1980, 0, 1);
const offsets = new Map<string, Map<number, number>>();
let cachedOffsets = 0;

/** Offset of `tz` from UTC at instant `ms`, in ms. */
export function zoneOffset(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  if (whole < CACHED_SINCE) return askIntl(whole, tz) - whole;
  const quarter = Math.floor(whole / QUARTER_HOUR);
  let zone = offsets.get(tz);
  let offset = zone?.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR;
    offset = askIntl(start, tz) - start;
    if (cachedOffsets > 50_000) (offsets.clear(), (cachedOffsets = 0), (zone = undefined));
    if (!zone) offsets.set(tz, (zone = new Map()));
    zone.set(quarter, offset);
    cachedOffsets++;
  }
  return offset;
}

/** Fields of a date or wall time as UTC epoch ms ("floating"). */
export function floating(value: string): number {
  const m = WALL.exec(value) ?? DATE.exec(value);
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

/**
 * The instant of a wall time in `tz`. A time skipped by a DST jump moves forward by the jump (02:30 on the
 * spring-forward night is 03:30); a repeated one is the first (summer) of the two, as RFC 5545 says.
 */
export function zonedToUtc(wall: string | number, tz: string): number {
  const local = typeof wall === 'number' ? wall : floating(wall);
  if (Number.isNaN(local)) return NaN;
  if (tz === 'UTC') return local;
  // The offsets in force half a day before and after: equal except near a DST change.
  const before = local - zoneOffset(local - DAY_MS / 2, tz);
  const after = local - zoneOffset(local + DAY_MS / 2, tz);
  if (before === after) return before;
  const valid = [before, after].filter((c) => wallAsUtc(c, tz) === local);
  // Repeated hour: the first of the two; skipped hour: the offset before the gap (RFC 5545 3.3.5).
  return valid.length ? Math.min(...valid) : before;
}

/** The wall time of instant `ms` in `tz`, 'YYYY-MM-DDTHH:mm:ss' (seconds dropped when zero). */
export function utcToWall(ms: number, tz: string): string {
  const iso = new Date(wallAsUtc(ms, tz)).toISOString().slice(0, 19);
  return iso.endsWith(':00') ? iso.slice(0, 16) : iso;
}

export function isoDay(floatingMs: number): string {
  return new Date(floatingMs).toISOString().slice(0, 10);
}

/** The day of instant `ms` in `tz`. */
export function dayIn(ms: number, tz: string): string {
  return isoDay(wallAsUtc(ms, tz));
}

export function addDays(day: string, n: number): string {
  return isoDay(floating(day) + n * DAY_MS);
}

/** Monday of the week of `day`. */
export function weekStart(day: string): string {
  const dow = (new Date(floating(day)).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: string, n: number): string {
  const d = new Date(floating(monthStart(day)));
  d.setUTCMonth(d.getUTCMonth() + n);
  return isoDay(d.getTime());
}

/** [start, end) of a run of days in `tz` as instants. */
export function dayRange(from: string, toExclusive: string, tz: string): { start: number; end: number } {
  return { start: zonedToUtc(`${from}T00:00`, tz), end: zonedToUtc(`${toExclusive}T00:00`, tz) };
}
