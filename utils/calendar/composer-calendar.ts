// The composer's side of the calendar snapshot: small on purpose (it is in the content script).
import type { Platform, QuietPeriod } from '../check/types';
import type { EntryStatus } from './entry';
import { dayIn } from './time';

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

/**
 * The day (YYYY-MM-DD) of an instant in `tz`, or on this computer's clock without one: the Date getters
 * need no Intl formatter, whose first use in a page that has not made one yet costs tens of milliseconds.
 */
function dayOf(instant: number, tz: string | undefined): string {
  if (tz !== undefined) return dayIn(instant, tz);
  const d = new Date(instant);
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Slots still open (not published or skipped) for this member and platform on the day of `now` (in `tz`, or local). */
export function openSlotsToday(calendar: ComposerCalendar | null, memberId: string | null, platform: Platform, now: number, tz?: string): SlotSnapshot[] {
  if (!calendar || !memberId) return [];
  const day = dayOf(now, tz);
  return calendar.slots.filter(
    (s) =>
      s.memberId === memberId &&
      (s.platforms.length === 0 || s.platforms.includes(platform)) &&
      s.status !== 'published' && s.status !== 'skipped' &&
      dayOf(s.start, tz) === day,
  );
}

/** "Planned today: …" for the composer badge, or null. */
export function plannedTodayText(calendar: ComposerCalendar | null, memberId: string | null, platform: Platform, now: number, tz?: string): string | null {
  const open = openSlotsToday(calendar, memberId, platform, now, tz).sort((a, b) => a.start - b.start);
  return open.length === 0 ? null : open.map((s) => s.title).join(' · ');
}

