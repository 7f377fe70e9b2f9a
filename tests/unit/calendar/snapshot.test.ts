import { describe, expect, it } from 'vitest';
import { calendarEntrySchema, type CalendarEntryInput } from '../../../utils/calendar/entry';
import { expand } from '../../../utils/calendar/query';
import { slotFor, snapshotOf } from '../../../utils/calendar/snapshot';
import { plannedTodayText } from '../../../utils/calendar/composer-calendar';
import { dayRange, zonedToUtc } from '../../../utils/calendar/time';

const TZ = 'Europe/Rome';
const entry = (e: Partial<CalendarEntryInput>) => calendarEntrySchema.parse({ id: 'x', title: 'T', start: '2026-11-25', kind: 'slot', ...e });
const ENTRIES = [
  entry({ id: 'g-x', title: 'Webinar teaser', memberId: 'giulia', platforms: ['x'], topics: ['events'], start: '2026-11-25T09:00', tz: TZ }),
  entry({ id: 'g-any', title: 'Any post', memberId: 'giulia', start: '2026-11-25T17:00', tz: TZ }),
  entry({ id: 'g-li', title: 'LinkedIn recap', memberId: 'giulia', platforms: ['linkedin'], topics: ['events'] }),
  entry({ id: 'm', title: 'Marco results', memberId: 'marco', topics: ['financial-results'] }),
  entry({ id: 'done', title: 'Done already', memberId: 'giulia', status: 'published' }),
  entry({ id: 'q', title: 'Embargo', kind: 'quiet-period', start: '2026-11-24', end: '2026-11-27', topics: ['events'] }),
  entry({ id: 'lifted', title: 'Lifted', kind: 'quiet-period', start: '2026-11-24', end: '2026-11-27', topics: ['promotions'], status: 'skipped' }),
];
const { start, end } = dayRange('2026-11-24', '2026-11-28', TZ);
const occurrences = expand(ENTRIES, start, end, TZ);
const NOW = zonedToUtc('2026-11-25T10:00', TZ);

describe('snapshot for composers', () => {
  const snapshot = snapshotOf(occurrences, NOW);
  it('quiet periods as instants, lifted ones left out', () =>
    expect(snapshot.quietPeriods).toEqual([{ id: 'q|2026-11-24', title: 'Embargo', start: '2026-11-23T23:00:00.000Z', end: '2026-11-26T23:00:00.000Z', topics: ['events'] }]));
  it('"Planned today" for the member on this platform, open slots only', () => {
    expect(plannedTodayText(snapshot, 'giulia', 'x', NOW, TZ)).toBe('Webinar teaser · Any post');
    expect(plannedTodayText(snapshot, 'giulia', 'linkedin', NOW, TZ)).toBe('LinkedIn recap · Any post');
    expect(plannedTodayText(snapshot, null, 'x', NOW, TZ)).toBeNull();
    expect(plannedTodayText(snapshot, 'giulia', 'x', zonedToUtc('2026-11-26T10:00', TZ), TZ)).toBeNull();
  });
  it('without a zone, on this computer\'s clock (Date getters, no Intl formatter): the same days', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of [TZ, 'America/Los_Angeles', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        for (const hour of ['00:30', '10:00', '23:30']) {
          const now = zonedToUtc(`2026-11-25T${hour}`, zone);
          for (const platform of ['x', 'linkedin'] as const) {
            expect(plannedTodayText(snapshot, 'giulia', platform, now)).toBe(plannedTodayText(snapshot, 'giulia', platform, now, zone));
          }
        }
      }
      // Not vacuous: the computer's zone decides. At 07:30 in Tokyo on the 26th it is still the 25th in Rome.
      process.env.TZ = 'Asia/Tokyo';
      const tokyoMorning = zonedToUtc('2026-11-26T07:30', 'Asia/Tokyo');
      expect(plannedTodayText(snapshot, 'giulia', 'x', tokyoMorning, TZ)).toBe('Webinar teaser · Any post');
      expect(plannedTodayText(snapshot, 'giulia', 'x', tokyoMorning)).not.toBe('Webinar teaser · Any post');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('slotFor: the slot a publication fulfils', () => {
  const at = (wall: string) => new Date(zonedToUtc(wall, TZ)).toISOString();
  it.each([
    ['same member, platform, day and a detected topic', { platform: 'x', memberId: 'giulia', topics: ['events'], at: at('2026-11-25T09:05') }, 'g-x'],
    ['without the slot topic, only the slot with no topics matches', { platform: 'x', memberId: 'giulia', topics: [], at: at('2026-11-25T09:05') }, 'g-any'],
    ['the nearest in time of several', { platform: 'x', memberId: 'giulia', topics: ['events'], at: at('2026-11-25T16:00') }, 'g-any'],
    ['the other platform', { platform: 'linkedin', memberId: 'giulia', topics: ['events'], at: at('2026-11-25T08:00') }, 'g-li'],
    ['another member', { platform: 'x', memberId: 'sara', topics: ['events'], at: at('2026-11-25T09:00') }, null],
    ['another day', { platform: 'x', memberId: 'giulia', topics: ['events'], at: at('2026-11-26T09:00') }, null],
  ] as const)('%s', (_, p, id) => expect(slotFor(occurrences, { ...p, topics: [...p.topics] }, TZ)?.entry.id ?? null).toBe(id));
});
