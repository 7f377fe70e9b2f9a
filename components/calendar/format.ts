import type { Occurrence } from '../../utils/calendar/occurrences';

/** Time of an occurrence for the list: "09:30–10:00", or the all-day label. */
export function timeLabel(o: Occurrence, locale: string, tz: string, allDay: string): string {
  if (o.allDay) return allDay;
  const f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: tz });
  return o.end > o.start ? `${f.format(o.start)}–${f.format(o.end)}` : f.format(o.start);
}

export function dayLabel(day: string, locale: string, options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function dateTimeLabel(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "until 4 December" for an entry that runs past its first day (the end is exclusive). */
export function lastDay(o: Occurrence, tz: string): string {
  return new Date(o.end - (o.allDay ? 1 : 0)).toLocaleDateString('sv-SE', { timeZone: tz });
}
