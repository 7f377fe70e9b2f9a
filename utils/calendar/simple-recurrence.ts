// Most series are "every n days" or "every n weeks" from their first occurrence: their dates are arithmetic.
// rrule's general iteration (from the first occurrence, through year and month masks, on every query) was
// most of the cost of expanding today's rows before the popup's first paint. Every other rule goes to rrule.
import { RRule, type Options } from 'rrule';
import { DAY_MS } from './time';

/** What the expansion asks of a series (the part of rrule's RRule it uses). */
export interface Series {
  between(after: Date, before: Date, inc: true): Date[];
}

/** Parts a simple daily or weekly rule may have (WKST changes nothing without BYDAY). */
const SIMPLE_PARTS = new Set(['freq', 'interval', 'count', 'until', 'wkst', 'dtstart']);

/** The series of `options` (as RRule.parseString gives them, with `dtstart`) when it is that simple; else null. */
export function simpleSeries(options: Partial<Options> & { dtstart: Date }): Series | null {
  const step = options.freq === RRule.DAILY ? DAY_MS : options.freq === RRule.WEEKLY ? 7 * DAY_MS : 0;
  if (!step) return null;
  if (Object.entries(options).some(([part, value]) => value != null && !SIMPLE_PARTS.has(part))) return null;
  const interval = options.interval ?? 1;
  const first = options.dtstart.getTime();
  const count = options.count ?? Infinity;
  const until = options.until ? options.until.getTime() : Infinity;
  if (!Number.isInteger(interval) || interval < 1 || !Number.isFinite(first) || Number.isNaN(until) || Number.isNaN(count)) return null;
  const every = step * interval;
  return {
    between(after, before) {
      const dates: Date[] = [];
      const last = Math.min(before.getTime(), until);
      if (Number.isNaN(last) || Number.isNaN(after.getTime())) return dates;
      for (let k = Math.max(0, Math.ceil((after.getTime() - first) / every)); k < count; k++) {
        const date = first + k * every;
        if (date > last) break;
        dates.push(new Date(date));
      }
      return dates;
    },
  };
}
