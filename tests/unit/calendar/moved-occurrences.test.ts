// A RECURRENCE-ID instance with another DTSTART moves that one occurrence of a series: it is shown where it
// moved to (also on another day, also in another zone), found by the range queries, kept by status marks
// and feed refreshes, and written back to ICS.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortavoceDb } from '../../../utils/calendar/db';
import { calendarEntrySchema, type CalendarEntryInput } from '../../../utils/calendar/entry';
import { IcsError, parseIcs, toIcs } from '../../../utils/calendar/ics';
import { boundsOf, occurrencesIn } from '../../../utils/calendar/occurrences';
import { occurrencesOfDays } from '../../../utils/calendar/query';
import { mergeIncoming, putMany, setStatus } from '../../../utils/calendar/store';
import { dayRange, zonedToUtc } from '../../../utils/calendar/time';

const TZ = 'Europe/Rome';
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const SERIES = ['BEGIN:VEVENT', 'UID:tips@acme', 'DTSTART;TZID=Europe/Rome:20260105T100000', 'DTEND;TZID=Europe/Rome:20260105T103000', 'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO', 'SUMMARY:Weekly tips', 'END:VEVENT'];
const instance = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:tips@acme', 'RECURRENCE-ID;TZID=Europe/Rome:20260112T100000', 'SUMMARY:Weekly tips', ...lines, 'END:VEVENT'];
const week = (from: string, to: string) => {
  const { start, end } = dayRange(from, to, TZ);
  return (e: Parameters<typeof occurrencesIn>[0]) => occurrencesIn(e, start, end, TZ).map((o) => [o.seriesDay, o.day, new Date(o.start).toISOString(), new Date(o.end).toISOString()]);
};

describe('importing a moved occurrence', () => {
  it('to another time the same day: there, and not at the series time', () => {
    const [e] = parseIcs(cal(...SERIES, ...instance('DTSTART;TZID=Europe/Rome:20260112T153000', 'DTEND;TZID=Europe/Rome:20260112T160000')));
    expect(e!.occurrences).toEqual({ '2026-01-12': { status: 'planned', start: '2026-01-12T15:30', end: '2026-01-12T16:00' } });
    expect(week('2026-01-12', '2026-01-13')(e!)).toEqual([['2026-01-12', '2026-01-12', '2026-01-12T14:30:00.000Z', '2026-01-12T15:00:00.000Z']]);
  });

  it('to another day: shown on that day only, still counted as the Monday of the series', () => {
    const [e] = parseIcs(cal(...SERIES, ...instance('DTSTART;TZID=Europe/Rome:20260114T100000', 'DTEND;TZID=Europe/Rome:20260114T103000')));
    expect(week('2026-01-12', '2026-01-13')(e!)).toEqual([]);
    expect(week('2026-01-14', '2026-01-15')(e!)).toEqual([['2026-01-12', '2026-01-14', '2026-01-14T09:00:00.000Z', '2026-01-14T09:30:00.000Z']]);
    // The other Mondays are where they were.
    expect(week('2026-01-05', '2026-01-27')(e!).map((o) => o[1])).toEqual(['2026-01-05', '2026-01-14', '2026-01-19', '2026-01-26']);
  });

  it('given in another zone: the same moment on the series clock', () => {
    const [e] = parseIcs(cal(...SERIES, ...instance('DTSTART:20260112T170000Z')));
    expect(e!.occurrences!['2026-01-12']).toEqual({ status: 'planned', start: '2026-01-12T18:00' });
    expect(week('2026-01-12', '2026-01-13')(e!)).toEqual([['2026-01-12', '2026-01-12', '2026-01-12T17:00:00.000Z', '2026-01-12T17:30:00.000Z']]);
  });

  it('an instance at the series time only marks a status', () => {
    const [e] = parseIcs(cal(...SERIES, ...instance('DTSTART;TZID=Europe/Rome:20260112T100000', 'X-PORTAVOCE-STATUS:published')));
    expect(e!.occurrences).toEqual({ '2026-01-12': { status: 'published' } });
  });

  it('an instance that ends before it starts is refused with its line', () => {
    const ics = cal(...SERIES, ...instance('DTSTART;TZID=Europe/Rome:20260112T150000', 'DTEND;TZID=Europe/Rome:20260112T140000'));
    expect(() => parseIcs(ics)).toThrow(IcsError);
    try {
      parseIcs(ics);
    } catch (error) {
      expect((error as IcsError).line).toBe(SERIES.length + 4);
      expect(String((error as Error).message)).toMatch(/occurrences\.2026-01-12\.end: the end is before the start/);
    }
  });
});

describe('a moved occurrence in the store', () => {
  let db: PortavoceDb;
  beforeEach(() => {
    db = new PortavoceDb(`moved-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('moved after the last occurrence of the series: the range query still finds it (bounds widened)', async () => {
    const [e] = parseIcs(cal(...SERIES, ...instance('DTSTART;TZID=Europe/Rome:20260310T100000', 'DTEND;TZID=Europe/Rome:20260310T103000')));
    expect(boundsOf(e!).to).toBeGreaterThan(zonedToUtc('2026-03-10T10:30', TZ));
    await putMany(db, [e!]);
    expect((await occurrencesOfDays(db, '2026-03-10', '2026-03-11', TZ)).map((o) => o.key)).toEqual(['tips@acme|2026-01-12']);
    expect(await occurrencesOfDays(db, '2026-01-12', '2026-01-13', TZ)).toEqual([]);
  });

  it('marked published: keeps where it moved to', async () => {
    const [e] = parseIcs(cal(...SERIES, ...instance('DTSTART;TZID=Europe/Rome:20260114T100000')));
    await putMany(db, [e!]);
    const marked = await setStatus(db, e!.id, '2026-01-12', 'published', {}, new Date('2026-01-14T09:05:00Z'));
    expect(marked.occurrences!['2026-01-12']).toEqual({ start: '2026-01-14T10:00', status: 'published', publishedAt: '2026-01-14T09:05:00.000Z' });
  });

  it('a refresh takes the new time from the feed and keeps the local mark', () => {
    const base: CalendarEntryInput = { id: 's', title: 'S', start: '2026-01-05T10:00', tz: TZ, kind: 'slot', rrule: 'FREQ=WEEKLY;COUNT=4' };
    const stored = calendarEntrySchema.parse({ ...base, occurrences: { '2026-01-12': { status: 'published', start: '2026-01-13T10:00' } } });
    const incoming = calendarEntrySchema.parse({ ...base, occurrences: { '2026-01-12': { status: 'planned', start: '2026-01-15T09:00' } } });
    expect(mergeIncoming(stored, incoming).occurrences).toEqual({ '2026-01-12': { status: 'published', start: '2026-01-15T09:00' } });
    // The feed no longer moves it: back to the series time, still published.
    expect(mergeIncoming(stored, calendarEntrySchema.parse(base)).occurrences).toEqual({ '2026-01-12': { status: 'published' } });
  });
});

describe('exporting a moved occurrence', () => {
  it('writes its DTSTART and DTEND; importing the file gives the same entry', () => {
    const e = calendarEntrySchema.parse({
      id: 'm@x', title: 'Moved', start: '2026-01-05T10:00', end: '2026-01-05T10:30', tz: TZ, kind: 'slot', rrule: 'FREQ=WEEKLY;COUNT=4',
      occurrences: { '2026-01-12': { status: 'skipped' }, '2026-01-19': { status: 'planned', start: '2026-01-20T16:00', end: '2026-01-20T17:00' } },
    });
    const ics = toIcs([e]);
    expect(ics).toMatch(/RECURRENCE-ID;TZID=Europe\/Rome:20260119T100000\r\nDTSTART;TZID=Europe\/Rome:20260120T160000\r\nDTEND;TZID=Europe\/Rome:20260120T170000/);
    expect(parseIcs(ics, { tz: 'UTC' })).toEqual([e]);
  });

  it('all-day series: a moved day stays a date', () => {
    const e = calendarEntrySchema.parse({ id: 'd@x', title: 'Daily', start: '2026-01-05', kind: 'slot', rrule: 'FREQ=DAILY;COUNT=3', occurrences: { '2026-01-06': { status: 'planned', start: '2026-01-09' } } });
    expect(parseIcs(toIcs([e]), { tz: 'UTC' })).toEqual([e]);
    expect(() => calendarEntrySchema.parse({ ...e, occurrences: { '2026-01-06': { status: 'planned', start: '2026-01-09T10:00' } } })).toThrow(/a date, as the series starts on dates/);
  });
});
