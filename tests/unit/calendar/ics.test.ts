import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarEntrySchema, type CalendarEntryInput } from '../../../utils/calendar/entry';
import { IcsError, parseIcs, quietPeriodsFromIcs, toIcs } from '../../../utils/calendar/ics';
import { occurrencesIn } from '../../../utils/calendar/occurrences';
import { dayRange } from '../../../utils/calendar/time';

const PLAN = readFileSync(new URL('../../fixtures/calendar/plan.ics', import.meta.url), 'utf8');
const entry = (e: Partial<CalendarEntryInput>) => calendarEntrySchema.parse({ id: 'e@x', title: 'T', start: '2026-01-05', kind: 'slot', ...e });
const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');

describe('parseIcs: the mapping', () => {
  const entries = parseIcs(PLAN, { tz: 'Europe/Rome' });
  const byId = Object.fromEntries(entries.map((e) => [e.id, e]));

  it('reads every event', () => expect(entries).toHaveLength(5));
  it('quiet period: kind, topics from CATEGORIES, all-day with exclusive end', () =>
    expect(byId['q4-quiet@acme.example']).toMatchObject({ kind: 'quiet-period', start: '2026-11-20', end: '2026-12-05', topics: ['financial-results'], status: 'planned' }));
  it('slot with TZID, member, platforms, status, description', () =>
    expect(byId['launch-post@acme.example']).toMatchObject({
      kind: 'slot', start: '2026-11-25T09:30', end: '2026-11-25T10:00', tz: 'Europe/Rome', memberId: 'giulia',
      platforms: ['linkedin'], status: 'drafted', topics: ['product-support', 'events'], notes: 'Screenshots from the beta, then the link.',
    }));
  it('recurrence', () => expect(byId['weekly-tips@acme.example']).toMatchObject({ rrule: 'FREQ=WEEKLY;COUNT=10;BYDAY=MO', tz: 'Europe/Rome' }));
  it('an event without X-PORTAVOCE-* is a planned slot of the team; without UID it gets a stable id', () => {
    const plain = entries.find((e) => e.title === 'Team post without extras')!;
    expect(plain).toMatchObject({ kind: 'slot', status: 'planned', platforms: [], topics: [], start: '2026-11-26T08:00', tz: 'UTC' });
    expect(plain.memberId).toBeUndefined();
    expect(parseIcs(PLAN, { tz: 'Europe/Rome' }).find((e) => e.title === plain.title)!.id).toBe(plain.id);
  });
  it('floating times take the viewer zone', () =>
    expect(parseIcs(cal('BEGIN:VEVENT', 'UID:f', 'DTSTART:20260105T090000', 'SUMMARY:F', 'END:VEVENT'), { tz: 'Asia/Tokyo' })[0]).toMatchObject({ start: '2026-01-05T09:00', tz: 'Asia/Tokyo' }));
  it('STATUS:CANCELLED is skipped; DURATION gives the end', () =>
    expect(parseIcs(cal('BEGIN:VEVENT', 'UID:c', 'DTSTART;TZID=Europe/Rome:20260105T090000', 'DURATION:PT45M', 'STATUS:CANCELLED', 'SUMMARY:C', 'END:VEVENT'))[0])
      .toMatchObject({ status: 'skipped', end: '2026-01-05T09:45' }));
  it('a zone only a VTIMEZONE defines (Outlook) becomes the same moment on the viewer clock', () => {
    const ics = cal(
      'BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time',
      'BEGIN:STANDARD', 'DTSTART:16010101T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'END:STANDARD',
      'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT', 'UID:o', 'DTSTART;TZID=W. Europe Standard Time:20260701T090000', 'SUMMARY:O', 'END:VEVENT',
    );
    expect(parseIcs(ics, { tz: 'Europe/London' })[0]).toMatchObject({ start: '2026-07-01T08:00', tz: 'Europe/London' });
  });
});

describe('parseIcs: a broken file is rejected with its line', () => {
  it.each([
    ['no calendar', 'hello', 1, /BEGIN:VCALENDAR/],
    ['a line without a colon', cal('BEGIN:VEVENT', 'UID:a', 'DTSTART:20260105', 'broken line', 'END:VEVENT'), 7, /NAME:value/],
    ['a bad date', cal('BEGIN:VEVENT', 'UID:a', 'DTSTART:2026XX05', 'END:VEVENT'), 6, /DTSTART/],
    ['month 13', cal('BEGIN:VEVENT', 'UID:a', 'DTSTART;VALUE=DATE:20261305', 'END:VEVENT'), 6, /DTSTART/],
    ['an unknown kind', cal('BEGIN:VEVENT', 'UID:a', 'DTSTART:20260105', 'X-PORTAVOCE-KIND:post', 'END:VEVENT'), 7, /slot, quiet-period, event/],
    ['an unknown platform', cal('BEGIN:VEVENT', 'UID:a', 'DTSTART:20260105', 'X-PORTAVOCE-PLATFORMS:x,mastodon', 'END:VEVENT'), 7, /mastodon/],
    ['an unclosed event', ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'END:VCALENDAR'].join('\n'), 4, /closes BEGIN:VEVENT/],
    ['no DTSTART', cal('BEGIN:VEVENT', 'UID:a', 'SUMMARY:x', 'END:VEVENT'), 4, /DTSTART/],
    ['an unknown zone', cal('BEGIN:VEVENT', 'UID:a', 'DTSTART;TZID=Mars/Olympus:20260105T090000', 'END:VEVENT'), 4, /Mars/],
    ['end before start', cal('BEGIN:VEVENT', 'UID:a', 'DTSTART:20260105T090000Z', 'DTEND:20260104T090000Z', 'END:VEVENT'), 4, /before the start/],
    ['a folded bad line reports where it starts', cal('BEGIN:VEVENT', 'UID:a', 'DTSTART:2026', ' 0105X', 'END:VEVENT'), 6, /DTSTART/],
  ])('%s', (_, text, line, message) => {
    let error: unknown;
    try {
      parseIcs(text, { tz: 'UTC' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IcsError);
    expect((error as IcsError).line).toBe(line);
    expect((error as IcsError).message).toMatch(message);
  });
});

describe('round trips', () => {
  const cases = [
    entry({ id: 'a@x', title: 'All day', start: '2026-03-29' }),
    entry({ id: 'b@x', title: 'Two days, a comma, a; semicolon', start: '2026-03-28', end: '2026-03-30', topics: ['events', 'product-support'] }),
    entry({ id: 'c@x', title: 'DST night', start: '2026-03-29T01:30', end: '2026-03-29T03:30', tz: 'Europe/Rome', memberId: 'giulia', platforms: ['x', 'linkedin'], status: 'drafted' }),
    entry({ id: 'd@x', title: 'Fall back', start: '2026-10-25T02:30', end: '2026-10-25T03:30', tz: 'Europe/Rome', kind: 'event', notes: 'Line one\nline two' }),
    entry({ id: 'e@x', title: 'New York weekly', start: '2026-03-02T09:00', tz: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260601T130000Z', exdates: ['2026-03-09T09:00'] }),
    entry({ id: 'f@x', title: 'UTC instant', start: '2026-06-01T12:00:15', tz: 'UTC', status: 'published', publishedAt: '2026-06-01T12:01:00.000Z', link: 'https://x.com/acme/status/1' }),
    entry({ id: 'g@x', title: 'Quiet', kind: 'quiet-period', start: '2026-11-20', end: '2026-12-05', topics: ['financial-results'], status: 'skipped' }),
    entry({
      id: 'h@x', title: 'Series with marks', start: '2026-01-05T10:00', tz: 'Europe/Rome', rrule: 'FREQ=DAILY;COUNT=5',
      occurrences: { '2026-01-06': { status: 'published', publishedAt: '2026-01-06T09:01:00.000Z', link: 'https://x.com/a/status/2' }, '2026-01-07': { status: 'skipped' } },
    }),
  ];

  it('export then import gives back the same entries', () => {
    const back = parseIcs(toIcs(cases), { tz: 'Asia/Tokyo' });
    expect(back).toEqual(cases);
  });

  it('the same occurrences, instant by instant, on DST days', () => {
    const back = parseIcs(toIcs(cases), { tz: 'UTC' });
    const { start, end } = dayRange('2026-03-01', '2026-11-01', 'Europe/Rome');
    for (const [i, e] of cases.entries()) {
      expect(occurrencesIn(back[i]!, start, end, 'Europe/Rome').map((o) => [o.start, o.end])).toEqual(occurrencesIn(e, start, end, 'Europe/Rome').map((o) => [o.start, o.end]));
    }
  });

  it('writes a VTIMEZONE per zone, with both DST changes of the year', () => {
    const ics = toIcs(cases);
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    expect(ics).toContain('TZID:Europe/Rome');
    expect(ics).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200/);
    expect(ics).toMatch(/BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100/);
    expect(ics).toContain('DTSTART;TZID=Europe/Rome:20260329T013000');
    expect(ics.split('\r\n').every((l) => l.length <= 75)).toBe(true);
  });
});

describe('quietPeriodsFromIcs (command line)', () => {
  it('gives instants, dates as UTC days', () =>
    expect(quietPeriodsFromIcs(PLAN)).toEqual([{ id: 'q4-quiet@acme.example', title: 'Q4 earnings quiet period', start: '2026-11-20T00:00:00.000Z', end: '2026-12-05T00:00:00.000Z', topics: ['financial-results'] }]));
  it('a recurring period gives its occurrences around now', () => {
    const ics = cal('BEGIN:VEVENT', 'UID:m', 'SUMMARY:Month end', 'DTSTART;VALUE=DATE:20260128', 'DTEND;VALUE=DATE:20260201', 'RRULE:FREQ=MONTHLY', 'X-PORTAVOCE-KIND:quiet-period', 'END:VEVENT');
    const periods = quietPeriodsFromIcs(ics, Date.UTC(2026, 5, 15));
    expect(periods.map((p) => p.start.slice(0, 10))).toContain('2026-06-28');
  });
});
