// ICS in and out (RFC 5545 through ical.js). The mapping is the README's "ICS mapping" table.
import ICAL from 'ical.js';
import type { QuietPeriod } from '../check/types';
import { calendarEntrySchema, LOCAL_SOURCE, type CalendarEntry, type OccurrenceState } from './entry';
import { IcsError, scanIcs } from './ics-scan';
import { ICS_IMPORT_MAX_BYTES, tooBig } from './import-file';
import { occurrencesIn } from './occurrences';
import { addDays, floating, isDate, isTimeZone, localZone, utcToWall, zonedToUtc } from './time';
import { vtimezones } from './vtimezone';

export { IcsError } from './ics-scan';

export interface ImportOptions {
  /** `local` for a file, the feed's URL for a feed. */
  source?: string;
  /** Zone for floating times and for zones known only by a VTIMEZONE: the viewer's. */
  tz?: string;
}

type Time = ICAL.Time;

/** A DTSTART/DTEND/EXDATE value as the entry stores it, with its zone. */
function wallOf(time: Time, tzid: string | undefined, fallbackTz: string): { value: string; tz?: string } {
  if (time.isDate) return { value: time.toString().slice(0, 10) };
  const fields = time.toString().slice(0, 19).replace(/:00$/, '');
  if (time.zone === ICAL.Timezone.utcTimezone || /Z$/.test(time.toString())) return { value: fields, tz: 'UTC' };
  if (tzid && isTimeZone(tzid)) return { value: fields, tz: tzid };
  // A zone only its VTIMEZONE defines (Outlook's "W. Europe Standard Time"): the moment, on the viewer's clock.
  if (tzid && time.zone && time.zone !== ICAL.Timezone.localTimezone) return { value: utcToWall(time.toUnixTime() * 1000, fallbackTz), tz: fallbackTz };
  return { value: fields, tz: fallbackTz }; // floating: the viewer's wall clock
}

function text(component: ICAL.Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? undefined : String(value).trim() || undefined;
}

function list(component: ICAL.Component, name: string): string[] {
  return component.getAllProperties(name).flatMap((p) => p.getValues().map((v) => String(v).trim())).filter(Boolean);
}

/** A stable id for an event without UID, so that importing the same file twice creates no duplicates. */
function derivedId(summary: string, start: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${summary}\u0000${start}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `${h.toString(16)}-${start.replace(/\W/g, '')}@portavoce.import`;
}

/**
 * The entries of an ICS file. A broken file throws an IcsError with the line it failed on; nothing is
 * half-read. Events with RECURRENCE-ID fold into their series as per-occurrence status.
 */
export function parseIcs(input: string, options: ImportOptions = {}): CalendarEntry[] {
  // A character is at least a byte: longer text than the limit in bytes is over it.
  if (input.length > ICS_IMPORT_MAX_BYTES) throw new IcsError(tooBig(input.length, ICS_IMPORT_MAX_BYTES, 'calendar').message);
  const lines = scanIcs(input);
  const tz = options.tz ?? localZone();
  const eventLines = lines.filter((l) => l.name === 'BEGIN' && /:VEVENT\s*$/i.test(l.text)).map((l) => l.line);
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(input));
  } catch (error) {
    throw new IcsError(`not a valid calendar: ${error instanceof Error ? error.message : String(error)}`);
  }
  const registered: string[] = [];
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const id = String(vtz.getFirstPropertyValue('tzid') ?? '');
    if (id && !isTimeZone(id) && !ICAL.TimezoneService.has(id)) {
      ICAL.TimezoneService.register(vtz);
      registered.push(id);
    }
  }
  try {
    const entries = new Map<string, CalendarEntry>();
    const exceptions: { uid: string; day: string; state: OccurrenceState; at: Wall; until?: Wall; line: number | undefined }[] = [];
    root.getAllSubcomponents('vevent').forEach((vevent, index) => {
      const line = eventLines[index];
      const fail = (message: string): never => {
        throw new IcsError(message, line);
      };
      const dtstart = vevent.getFirstProperty('dtstart');
      if (!dtstart) fail('event without DTSTART');
      const startTzid = dtstart!.getParameter('tzid') as string | undefined;
      if (startTzid && !isTimeZone(startTzid) && !ICAL.TimezoneService.has(startTzid)) fail(`unknown time zone "${startTzid}" (no VTIMEZONE for it)`);
      const startTime = dtstart!.getFirstValue() as Time;
      const start = wallOf(startTime, startTzid, tz);
      const summary = text(vevent, 'summary') ?? '(untitled)';
      const uid = text(vevent, 'uid') ?? derivedId(summary, start.value);
      const status = text(vevent, 'x-portavoce-status')?.toLowerCase() ?? (text(vevent, 'status')?.toUpperCase() === 'CANCELLED' ? 'skipped' : undefined);
      const publishedAt = text(vevent, 'x-portavoce-published-at');
      const link = text(vevent, 'url');
      const recurrenceId = vevent.getFirstProperty('recurrence-id');
      if (recurrenceId) {
        const rid = wallOf(recurrenceId.getFirstValue() as Time, recurrenceId.getParameter('tzid') as string | undefined, tz);
        const dtend = vevent.getFirstProperty('dtend');
        const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null;
        let until: Wall | undefined;
        if (dtend) until = wallOf(dtend.getFirstValue() as Time, dtend.getParameter('tzid') as string | undefined, tz);
        else if (duration) {
          const e = startTime.clone();
          e.addDuration(duration);
          until = wallOf(e, startTzid, tz);
        }
        exceptions.push({
          uid, day: rid.value.slice(0, 10), at: start, line, ...(until ? { until } : {}),
          state: { status: (status ?? 'planned') as OccurrenceState['status'], ...(publishedAt ? { publishedAt } : {}), ...(link ? { link } : {}) },
        });
        return;
      }
      let end: string | undefined;
      const dtend = vevent.getFirstProperty('dtend');
      const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null;
      if (dtend) {
        end = wallOf(dtend.getFirstValue() as Time, dtend.getParameter('tzid') as string | undefined, tz).value;
        // DTEND in another zone than DTSTART: the same moment on the start's clock.
        const endTzid = dtend.getParameter('tzid') as string | undefined;
        if (!startTime.isDate && endTzid !== startTzid && start.tz && start.tz !== 'UTC') {
          end = utcToWall((dtend.getFirstValue() as Time).toUnixTime() * 1000, start.tz);
        }
      } else if (duration) {
        const e = startTime.clone();
        e.addDuration(duration);
        end = wallOf(e, startTzid, tz).value;
      }
      if (startTime.isDate && end === addDays(start.value, 1)) end = undefined; // one day is the default
      if (end !== undefined && isDate(end) !== isDate(start.value)) fail('DTSTART and DTEND must both be dates or both be date-times');
      const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur | null;
      const exdates = vevent.getAllProperties('exdate').flatMap((p) =>
        p.getValues().map((v) => {
          const w = wallOf(v as Time, p.getParameter('tzid') as string | undefined, tz);
          // An EXDATE in UTC for a zoned series: the series' wall time.
          return w.tz === 'UTC' && start.tz && start.tz !== 'UTC' ? utcToWall(floating(w.value), start.tz) : w.value;
        }),
      );
      const member = text(vevent, 'x-portavoce-member');
      const platforms = list(vevent, 'x-portavoce-platforms').flatMap((p) => p.split(',')).map((p) => p.trim().toLowerCase()).filter(Boolean);
      const notes = text(vevent, 'description');
      const candidate = {
        id: uid,
        title: summary,
        start: start.value,
        ...(end !== undefined ? { end } : {}),
        ...(start.tz ? { tz: start.tz } : {}),
        kind: text(vevent, 'x-portavoce-kind')?.toLowerCase() ?? 'slot',
        topics: list(vevent, 'categories'),
        ...(member ? { memberId: member } : {}),
        platforms,
        status: status ?? 'planned',
        ...(notes ? { notes } : {}),
        ...(rrule ? { rrule: rrule.toString() } : {}),
        ...(exdates.length ? { exdates } : {}),
        source: options.source ?? LOCAL_SOURCE,
        ...(publishedAt ? { publishedAt } : {}),
        ...(link ? { link } : {}),
      };
      const parsed = calendarEntrySchema.safeParse(candidate);
      if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; '));
      if (entries.has(uid)) fail(`UID "${uid}" appears twice`);
      entries.set(uid, parsed.data!);
    });
    for (const { uid, day, state, at, until, line } of exceptions) {
      const master = entries.get(uid);
      if (!master?.rrule) continue;
      const own: OccurrenceState = { ...state, ...movedTimes(master, day, at, until) };
      const parsed = calendarEntrySchema.safeParse({ ...master, occurrences: { ...master.occurrences, [day]: own } });
      if (!parsed.success) throw new IcsError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), line);
      entries.set(uid, parsed.data);
    }
    return [...entries.values()];
  } finally {
    for (const id of registered) ICAL.TimezoneService.remove(id);
  }
}

type Wall = { value: string; tz?: string };

/** A wall time on `master`'s clock (the same moment when it was given in another zone). */
function onClockOf(master: CalendarEntry, wall: Wall): string {
  if (isDate(wall.value) || !master.tz || !wall.tz || wall.tz === master.tz) return wall.value;
  return utcToWall(zonedToUtc(wall.value, wall.tz), master.tz);
}

/**
 * Where a RECURRENCE-ID instance moved its occurrence to, in the series' own form; nothing when it stays
 * where the series puts it (an instance that only marks a status).
 */
function movedTimes(master: CalendarEntry, day: string, at: Wall, until: Wall | undefined): { start?: string; end?: string } {
  const start = onClockOf(master, at);
  const end = until ? onClockOf(master, until) : undefined;
  const usual = isDate(master.start) ? day : `${day}${master.start.slice(10)}`;
  const length = master.end ? floating(master.end) - floating(master.start) : isDate(master.start) ? 86_400_000 : 0;
  const ownLength = end !== undefined ? floating(end) - floating(start) : length;
  if (floating(start) === floating(usual) && ownLength === length) return {};
  return { start, ...(end !== undefined ? { end } : {}) };
}

function timeValue(value: string, tz: string | undefined): Time {
  if (isDate(value)) return ICAL.Time.fromDateString(value);
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return ICAL.Time.fromDateTimeString(tz === 'UTC' ? `${withSeconds}Z` : withSeconds);
}

function addTime(event: ICAL.Component, name: string, values: string[], tz: string | undefined): void {
  const property = new ICAL.Property(name);
  if (tz && tz !== 'UTC' && !isDate(values[0]!)) property.setParameter('tzid', tz);
  if (values.length === 1) property.setValue(timeValue(values[0]!, tz));
  else property.setValues(values.map((v) => timeValue(v, tz)));
  event.addProperty(property);
}

function addText(event: ICAL.Component, name: string, value: string | undefined): void {
  if (value !== undefined && value !== '') event.addPropertyWithValue(name, value);
}

/** A calendar of `entries` that parseIcs reads back to the same entries (VTIMEZONEs included for other tools). */
export function toIcs(entries: readonly CalendarEntry[], now = new Date()): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Portavoce//Editorial calendar//EN');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  const stamp = ICAL.Time.fromJSDate(now, true);
  const zones = new Map<string, { from: number; to: number }>();
  for (const e of entries) {
    if (!e.tz || e.tz === 'UTC' || isDate(e.start)) continue;
    const year = Number(e.start.slice(0, 4));
    const seen = zones.get(e.tz) ?? { from: year, to: year };
    zones.set(e.tz, { from: Math.min(seen.from, year), to: Math.max(seen.to, e.rrule ? year + 2 : Number((e.end ?? e.start).slice(0, 4))) });
  }
  for (const vtz of vtimezones(zones)) calendar.addSubcomponent(new ICAL.Component(ICAL.parse(vtz)));
  for (const e of entries) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', e.id);
    event.addPropertyWithValue('dtstamp', stamp);
    addText(event, 'summary', e.title);
    addTime(event, 'dtstart', [e.start], e.tz);
    if (e.end !== undefined) addTime(event, 'dtend', [e.end], e.tz);
    else if (isDate(e.start)) addTime(event, 'dtend', [addDays(e.start, 1)], undefined);
    if (e.rrule) event.addPropertyWithValue('rrule', ICAL.Recur.fromString(e.rrule.replace(/^RRULE:/i, '')));
    if (e.exdates?.length) addTime(event, 'exdate', e.exdates, e.tz);
    if (e.topics.length) {
      const categories = new ICAL.Property('categories');
      categories.setValues(e.topics);
      event.addProperty(categories);
    }
    addText(event, 'description', e.notes);
    addText(event, 'url', e.link);
    event.addPropertyWithValue('x-portavoce-kind', e.kind);
    addText(event, 'x-portavoce-member', e.memberId);
    event.addPropertyWithValue('x-portavoce-status', e.status);
    if (e.platforms.length) event.addPropertyWithValue('x-portavoce-platforms', e.platforms.join(','));
    addText(event, 'x-portavoce-published-at', e.publishedAt);
    if (e.status === 'skipped') event.addPropertyWithValue('status', 'CANCELLED');
    calendar.addSubcomponent(event);
    // Per-occurrence status as RECURRENCE-ID instances of the same UID.
    for (const [day, state] of Object.entries(e.occurrences ?? {})) {
      const instance = new ICAL.Component('vevent');
      instance.addPropertyWithValue('uid', e.id);
      instance.addPropertyWithValue('dtstamp', stamp);
      const at = isDate(e.start) ? day : `${day}${e.start.slice(10)}`;
      addTime(instance, 'recurrence-id', [at], e.tz);
      addTime(instance, 'dtstart', [state.start ?? at], e.tz);
      if (state.end) addTime(instance, 'dtend', [state.end], e.tz);
      addText(instance, 'summary', e.title);
      instance.addPropertyWithValue('x-portavoce-status', state.status);
      addText(instance, 'x-portavoce-published-at', state.publishedAt);
      addText(instance, 'url', state.link);
      calendar.addSubcomponent(instance);
    }
  }
  return calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}

/**
 * The quiet periods of an ICS calendar (the command line's --calendar). Dates are UTC days, as the engine
 * reads them; a recurring period gives its occurrences within a year of `around` (its first one without it).
 */
export function quietPeriodsFromIcs(input: string, around?: number): QuietPeriod[] {
  const periods: QuietPeriod[] = [];
  for (const entry of parseIcs(input, { tz: 'UTC' })) {
    if (entry.kind !== 'quiet-period') continue;
    const base = { title: entry.title, topics: entry.topics };
    if (!entry.rrule || around === undefined) {
      const { start, end } = occurrencesIn({ ...entry, rrule: undefined }, -8.64e15, 8.64e15, 'UTC')[0]!;
      periods.push({ id: entry.id, ...base, start: new Date(start).toISOString(), ...(end > start ? { end: new Date(end).toISOString() } : {}) });
      continue;
    }
    for (const o of occurrencesIn(entry, around - 366 * 86_400_000, around + 366 * 86_400_000, 'UTC')) {
      periods.push({ id: o.key, ...base, start: new Date(o.start).toISOString(), ...(o.end > o.start ? { end: new Date(o.end).toISOString() } : {}) });
    }
  }
  return periods;
}
