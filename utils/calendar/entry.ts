import { z } from 'zod';
import { PLATFORMS } from '../check/types';
import { floating, isDate, isTimeZone, isWallTime } from './time';
import { KINDS, LOCAL_SOURCE, STATUSES } from './entry-values';

export { KINDS, LOCAL_SOURCE, STATUSES, type EntryKind, type EntryStatus } from './entry-values';

const id = z.string().trim().min(1).max(500);
const when = z.string().refine((v) => isDate(v) || isWallTime(v), { message: 'a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:mm)' });

/**
 * What one occurrence of a recurring entry has of its own: marked published or skipped on that day, or
 * moved (an ICS RECURRENCE-ID instance with another DTSTART): `start`/`end` in the series' own form.
 */
export const occurrenceSchema = z.strictObject({
  status: z.enum(STATUSES),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  link: z.url({ protocol: /^https?$/ }).optional(),
  start: when.optional(),
  end: when.optional(),
});
export type OccurrenceState = z.infer<typeof occurrenceSchema>;

/**
 * One entry of the editorial plan. `start`/`end` are dates for all-day entries (end exclusive, as in ICS)
 * or wall times in `tz` for timed ones; an entry without `end` lasts a day (all-day) or an instant.
 */
export const calendarEntrySchema = z
  .strictObject({
    id,
    title: z.string().trim().min(1, 'a title is needed').max(500, 'at most 500 characters'),
    start: when,
    end: when.optional(),
    /** IANA zone of a timed entry; absent for all-day entries. */
    tz: z.string().refine(isTimeZone, { message: 'an IANA time zone such as Europe/Rome' }).optional(),
    kind: z.enum(KINDS),
    topics: z.array(z.string().trim().min(1).max(200).regex(/^\S+$/, 'a topic id has no spaces')).max(100).default([]),
    memberId: z.string().trim().min(1).max(200).optional(),
    platforms: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).default([]),
    status: z.enum(STATUSES).default('planned'),
    notes: z.string().max(10_000).optional(),
    /** RFC 5545 RRULE value, e.g. FREQ=WEEKLY;BYDAY=MO. */
    rrule: z.string().trim().min(1).max(1000).regex(/^[A-Z0-9=;,:+-]+$/i, 'an RRULE value such as FREQ=WEEKLY;BYDAY=MO').optional(),
    /** Occurrences left out of the series, by their start (same form as `start`). */
    exdates: z.array(when).max(1000).optional(),
    /** Per occurrence (keyed by the occurrence's day), what differs from the series. */
    occurrences: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), occurrenceSchema).optional(),
    source: z.string().min(1).max(2000).default(LOCAL_SOURCE),
    publishedAt: z.iso.datetime({ offset: true }).optional(),
    link: z.url({ protocol: /^https?$/ }).optional(),
    updatedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((e, ctx) => {
    const allDay = isDate(e.start);
    if (e.end !== undefined && isDate(e.end) !== allDay) ctx.addIssue({ code: 'custom', path: ['end'], message: 'start and end must both be dates or both be times' });
    else if (e.end !== undefined && floating(e.end) < floating(e.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'the end is before the start' });
    if (!allDay && e.tz === undefined) ctx.addIssue({ code: 'custom', path: ['tz'], message: 'a timed entry needs a time zone' });
    for (const [day, own] of Object.entries(e.occurrences ?? {})) {
      for (const key of ['start', 'end'] as const) {
        const value = own[key];
        if (value !== undefined && isDate(value) !== allDay) ctx.addIssue({ code: 'custom', path: ['occurrences', day, key], message: allDay ? 'a date, as the series starts on dates' : 'a time, as the series starts at a time' });
      }
      if (own.start !== undefined && own.end !== undefined && floating(own.end) < floating(own.start)) ctx.addIssue({ code: 'custom', path: ['occurrences', day, 'end'], message: 'the end is before the start' });
    }
  });

export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export type CalendarEntryInput = z.input<typeof calendarEntrySchema>;

export function isAllDay(entry: Pick<CalendarEntry, 'start'>): boolean {
  return isDate(entry.start);
}

/** A fresh id for an entry made here (an ICS UID where one exists). */
export function newEntryId(): string {
  return `${crypto.randomUUID()}@portavoce`;
}
