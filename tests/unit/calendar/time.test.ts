import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayIn, utcToWall, weekStart, zonedToUtc, zoneOffset } from '../../../utils/calendar/time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedToUtc', () => {
  it.each([
    ['2026-01-15T09:00', 'Europe/Rome', '2026-01-15T08:00:00.000Z'],
    ['2026-07-15T09:00', 'Europe/Rome', '2026-07-15T07:00:00.000Z'],
    ['2026-07-15T09:00', 'America/New_York', '2026-07-15T13:00:00.000Z'],
    ['2026-07-15T09:00', 'UTC', '2026-07-15T09:00:00.000Z'],
    ['2026-07-15T09:00', 'Asia/Kolkata', '2026-07-15T03:30:00.000Z'],
    // DST days: Europe springs forward on 2026-03-29 at 02:00 and falls back on 2026-10-25 at 03:00.
    ['2026-03-29T01:59', 'Europe/Rome', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29T02:30', 'Europe/Rome', '2026-03-29T01:30:00.000Z'], // skipped: 03:30 summer time
    ['2026-03-29T03:00', 'Europe/Rome', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25T02:30', 'Europe/Rome', '2026-10-25T00:30:00.000Z'], // repeated: the first (summer) one
    ['2026-10-25T03:30', 'Europe/Rome', '2026-10-25T02:30:00.000Z'],
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ])('%s in %s is %s', (wall, tz, expected) => expect(iso(zonedToUtc(wall, tz))).toBe(expected));

  it('round-trips through utcToWall outside the gaps', () => {
    for (let h = 0; h < 48; h++) {
      const ms = Date.UTC(2026, 9, 24, h, 15);
      expect(zonedToUtc(utcToWall(ms, 'Europe/Rome'), 'Europe/Rome'), `${h}`).toBe(h === 25 ? ms - 3_600_000 : ms);
    }
  });
});

describe('days', () => {
  it('knows the day of an instant in a zone', () => {
    expect(dayIn(Date.UTC(2026, 0, 1, 23, 30), 'Europe/Rome')).toBe('2026-01-02');
    expect(dayIn(Date.UTC(2026, 0, 1, 3), 'America/Los_Angeles')).toBe('2025-12-31');
  });
  it('adds days, weeks and months', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(weekStart('2026-03-29')).toBe('2026-03-23');
    expect(weekStart('2026-03-23')).toBe('2026-03-23');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-01');
  });
});

describe('zoneOffset: one offset per quarter hour since 1980, exactly what Intl says', () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const intlOffset = (ms: number, tz: string) => {
    let f = formats.get(tz);
    if (!f) formats.set(tz, (f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })));
    const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
    const whole = Math.floor(ms / 1000) * 1000;
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - whole;
  };
  // Quarter-hour zones, half-hour DST (Lord Howe), the date line, both hemispheres, and zones that changed rules.
  const ZONES = ['Europe/Rome', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'Pacific/Apia', 'America/Sao_Paulo', 'Africa/Casablanca', 'Asia/Tehran', 'UTC'];

  it('at random instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...ZONES), (ms, tz) => {
        expect(zoneOffset(ms, tz)).toBe(intlOffset(ms, tz));
      }),
      { seed: 20261127, numRuns: 3000 },
    );
  });

  it('a second before and at every DST change of 2026 in those zones', () => {
    for (const tz of ZONES) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        if (intlOffset(ms, tz) === intlOffset(ms + 3_600_000, tz)) continue;
        // The change lies in this hour: find it to the second and check both sides.
        let lo = ms;
        let hi = ms + 3_600_000;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (intlOffset(mid, tz) === intlOffset(lo, tz)) lo = mid;
          else hi = mid;
        }
        expect([zoneOffset(lo, tz), zoneOffset(hi, tz)]).toEqual([intlOffset(lo, tz), intlOffset(hi, tz)]);
        expect(zoneOffset(lo, tz)).not.toBe(zoneOffset(hi, tz));
      }
    }
  });
});
