import type { Occurrence } from '../../utils/calendar/occurrences';

// Building an Intl.DateTimeFormat costs far more than using one: one per (locale, options) for the popup's life.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** Time of an occurrence for the list: "09:30–10:00", or the all-day label. */
export function timeLabel(o: Occurrence, locale: string, tz: string, allDay: string): string {
  if (o.allDay) return allDay;
  const f = formatter(locale, { hour: '2-digit', minute: '2-digit', timeZone: tz });
  return o.end > o.start ? `${f.format(o.start)}–${f.format(o.end)}` : f.format(o.start);
}

export function dayLabel(day: string, locale: string, options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }): string {
  return formatter(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function dateTimeLabel(iso: string, locale: string): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The last day an occurrence covers (the end is exclusive), YYYY-MM-DD in `tz`. */
export function lastDay(o: Occurrence, tz: string): string {
  return formatter('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(o.end - (o.allDay ? 1 : 0)));
}
