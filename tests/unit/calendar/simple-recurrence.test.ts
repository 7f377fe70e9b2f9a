import fc from 'fast-check';
import { RRule } from 'rrule';
import { describe, expect, it } from 'vitest';
import { simpleSeries } from '../../../utils/calendar/simple-recurrence';

const DAY = 86_400_000;
const options = (rule: string, dtstart: number) => ({ ...RRule.parseString(rule), dtstart: new Date(dtstart) });
const times = (dates: Date[]) => dates.map((d) => d.getTime());

describe('simpleSeries', () => {
  it('gives the dates rrule gives, for every daily and weekly rule with INTERVAL, COUNT, UNTIL, WKST', () => {
    const second = (from: number, to: number) => fc.integer({ min: from / 1000, max: to / 1000 }).map((s) => s * 1000);
    const rule = fc.record({
      freq: fc.constantFrom('DAILY', 'WEEKLY'),
      interval: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      count: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      until: fc.option(fc.oneof(fc.integer({ min: 0, max: 400 }).map((d) => ({ days: d, time: false })), fc.integer({ min: 0, max: 400 }).map((d) => ({ days: d, time: true }))), { nil: undefined }),
      wkst: fc.option(fc.constantFrom('MO', 'SU', 'WE'), { nil: undefined }),
    });
    fc.assert(
      fc.property(rule, second(Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1)), second(-100 * DAY, 500 * DAY), fc.integer({ min: 0, max: 60 * DAY }), (r, dtstart, offset, length) => {
        const until = r.until && new Date(dtstart + r.until.days * DAY).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
        const text = [`FREQ=${r.freq}`, r.interval && `INTERVAL=${r.interval}`, r.count !== undefined && `COUNT=${r.count}`,
          until && `UNTIL=${r.until!.time ? until : until.slice(0, 8)}`, r.wkst && `WKST=${r.wkst}`].filter(Boolean).join(';');
        const after = new Date(dtstart + offset);
        const before = new Date(dtstart + offset + length);
        const series = simpleSeries(options(text, dtstart));
        expect(series, text).not.toBeNull();
        expect(times(series!.between(after, before, true)), text).toEqual(times(new RRule(options(text, dtstart)).between(after, before, true)));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    'FREQ=WEEKLY;BYDAY=WE',
    'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10',
    'FREQ=DAILY;BYHOUR=9,17',
    'FREQ=MONTHLY;BYMONTHDAY=1',
    'FREQ=YEARLY',
    'FREQ=HOURLY;INTERVAL=4',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=DAILY;BYSETPOS=1',
    'DTSTART;TZID=Europe/Rome:20261102T120000\nRRULE:FREQ=DAILY',
  ])('leaves %s to rrule', (rule) => {
    expect(simpleSeries(options(rule, Date.UTC(2026, 10, 2, 12)))).toBeNull();
  });

  it('a start it cannot read goes to rrule too', () => {
    expect(simpleSeries(options('FREQ=DAILY', NaN))).toBeNull();
  });
});
