// The composer's side of the calendar snapshot: small on purpose (it is in the content script).
import type { Platform, QuietPeriod } from '../check/types';
import type { EntryStatus } from './entry';
import { dayIn, localZone } from './time';

export interface SlotSnapshot {
  id: string;
  seriesDay: string;
  title: string;
  /** Instants (epoch ms). */
  start: number;
  end: number;
  memberId?: string;
  /** Empty: any platform. */
  platforms: Platform[];
  topics: string[];
  status: EntryStatus;
}

export interface ComposerCalendar {
  computedAt: string;
  /** Quiet periods in force at some moment of the window; the engine keeps those in force at the check's `now`. */
  quietPeriods: QuietPeriod[];
  /** Slots overlapping the window. */
  slots: SlotSnapshot[];
}

/** Slots still open (not published or skipped) for this member and platform on the day of `now`. */
export function openSlotsToday(calendar: ComposerCalendar | null, memberId: string | null, platform: Platform, now: number, tz = localZone()): SlotSnapshot[] {
  if (!calendar || !memberId) return [];
  const day = dayIn(now, tz);
  return calendar.slots.filter(
    (s) =>
      s.memberId === memberId &&
      (s.platforms.length === 0 || s.platforms.includes(platform)) &&
      s.status !== 'published' && s.status !== 'skipped' &&
      dayIn(s.start, tz) === day,
  );
}

/** "Planned today: …" for the composer badge, or null. */
export function plannedTodayText(calendar: ComposerCalendar | null, memberId: string | null, platform: Platform, now: number, tz = localZone()): string | null {
  const open = openSlotsToday(calendar, memberId, platform, now, tz).sort((a, b) => a.start - b.start);
  return open.length === 0 ? null : open.map((s) => s.title).join(' · ');
}

