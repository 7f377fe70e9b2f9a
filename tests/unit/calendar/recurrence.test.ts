import { describe, expect, it } from 'vitest';
import { calendarEntrySchema, type CalendarEntryInput } from '../../../utils/calendar/entry';
import { boundsOf, occurrencesIn } from '../../../utils/calendar/occurrences';
import { dayRange } from '../../../utils/calendar/time';

const entry = (e: Partial<CalendarEntryInput>) => calendarEntrySchema.parse({ id: 'e', title: 'T', start: '2026-01-05', kind: 'slot', ...e });
const days = (from: string, to: string, tz: string) => dayRange(from, to, tz);
const local = (ms: number, tz: string) => new Date(ms).toLocaleString('sv-SE', { timeZone: tz }).slice(0, 16);

describe('occurrencesIn', () => {
  it('a weekly 09:00 in Rome stays 09:00 across both DST changes', () => {
    const e = entry({ start: '2026-03-16T09:00', end: '2026-03-16T09:30', tz: 'Europe/Rome', rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    const { start, end } = days('2026-03-01', '2026-11-30', 'Europe/Rome');
    const all = occurrencesIn(e, start, end, 'Europe/Rome');
    expect(all.length).toBe(37);
    for (const o of all) {
      expect(local(o.start, 'Europe/Rome').slice(11)).toBe('09:00');
      expect(o.end - o.start).toBe(30 * 60_000);
    }
    expect(all.map((o) => o.day).slice(1, 4)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
    // In New York the same meeting moves by an hour for the weeks when only one side has changed clocks.
    const ny = occurrencesIn(e, start, end, 'America/New_York').map((o) => local(o.start, 'America/New_York').slice(11));
    expect(ny.slice(0, 3)).toEqual(['04:00', '04:00', '03:00']);
  });

  it('a daily all-day entry is the same date in every zone', () => {
    const e = entry({ start: '2026-03-27', rrule: 'FREQ=DAILY;COUNT=4' });
    for (const tz of ['Europe/Rome', 'Pacific/Auckland', 'America/Los_Angeles']) {
      const { start, end } = days('2026-03-01', '2026-04-30', tz);
      expect(occurrencesIn(e, start, end, tz).map((o) => o.day)).toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30']);
    }
    // On the day Europe springs forward an all-day occurrence lasts 23 hours.
    const { start, end } = days('2026-03-29', '2026-03-30', 'Europe/Rome');
    const [sunday] = occurrencesIn(e, start, end, 'Europe/Rome');
    expect(sunday!.end - sunday!.start).toBe(23 * 3_600_000);
  });

  it('leaves out EXDATEs and keeps per-occurrence status', () => {
    const e = entry({
      start: '2026-01-05T10:00', tz: 'Europe/Rome', rrule: 'FREQ=WEEKLY;COUNT=4', exdates: ['2026-01-12T10:00'],
      occurrences: { '2026-01-19': { status: 'published', publishedAt: '2026-01-19T10:05:00.000Z' } },
    });
    const { start, end } = days('2026-01-01', '2026-02-28', 'Europe/Rome');
    const all = occurrencesIn(e, start, end, 'Europe/Rome');
    expect(all.map((o) => [o.day, o.status])).toEqual([['2026-01-05', 'planned'], ['2026-01-19', 'published'], ['2026-01-26', 'planned']]);
    expect(all[1]!.publishedAt).toBe('2026-01-19T10:05:00.000Z');
  });

  it('UNTIL in UTC ends a zoned series on the right occurrence', () => {
    const e = entry({ start: '2026-06-01T23:30', tz: 'Europe/Rome', rrule: 'FREQ=DAILY;UNTIL=20260603T213000Z' });
    const { start, end } = days('2026-06-01', '2026-06-10', 'Europe/Rome');
    expect(occurrencesIn(e, start, end, 'Europe/Rome').map((o) => o.day)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03']);
  });

  it('finds an occurrence that started before the range and is still going', () => {
    const e = entry({ kind: 'quiet-period', start: '2026-03-01', end: '2026-04-01', rrule: 'FREQ=YEARLY' });
    const { start, end } = days('2027-03-15', '2027-03-16', 'Europe/Rome');
    expect(occurrencesIn(e, start, end, 'Europe/Rome').map((o) => o.seriesDay)).toEqual(['2027-03-01']);
  });
});

describe('boundsOf', () => {
  it.each([
    ['a one-day slot is short', entry({}), 0],
    ['a timed hour is short', entry({ start: '2026-01-05T09:00', end: '2026-01-05T10:00', tz: 'UTC' }), 0],
    ['a month-long quiet period is wide', entry({ kind: 'quiet-period', start: '2026-01-05', end: '2026-02-05' }), 1],
    ['a recurring entry is wide', entry({ rrule: 'FREQ=WEEKLY' }), 1],
  ])('%s', (_, e, wide) => expect(boundsOf(e).wide).toBe(wide));

  it('a recurring entry with COUNT or UNTIL ends; without, it never does', () => {
    expect(boundsOf(entry({ rrule: 'FREQ=WEEKLY' })).to).toBe(Infinity);
    expect(boundsOf(entry({ rrule: 'FREQ=WEEKLY;COUNT=3' })).to).toBeLessThan(Date.UTC(2026, 0, 25));
    expect(boundsOf(entry({ rrule: 'FREQ=WEEKLY;UNTIL=20260301' })).to).toBeLessThan(Date.UTC(2026, 2, 5));
  });
});
