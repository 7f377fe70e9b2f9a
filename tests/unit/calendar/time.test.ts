import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayIn, utcToWall, weekStart, zonedToUtc } from '../../../utils/calendar/time';

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
