// What composers get from the calendar: content scripts never open the extension's IndexedDB, so the
// extension's own views publish this small snapshot into storage.local, which composers watch.
import { liveQuery } from 'dexie';
import type { Platform, QuietPeriod } from '../check/types';
import type { PortavoceDb } from './db';
import type { Occurrence } from './occurrences';
import { occurrencesBetween } from './query';
import { DAY_MS, dayIn, localZone } from './time';
import type { ComposerCalendar, SlotSnapshot } from './composer-calendar';

export type { ComposerCalendar, SlotSnapshot } from './composer-calendar';

/** The window around the computation: yesterday to the day after tomorrow, so a snapshot stays right for a day. */
export const SNAPSHOT_BEFORE = DAY_MS;
export const SNAPSHOT_AFTER = 2 * DAY_MS;

export function snapshotOf(occurrences: readonly Occurrence[], now: number): ComposerCalendar {
  const quietPeriods: QuietPeriod[] = [];
  const slots: SlotSnapshot[] = [];
  for (const o of occurrences) {
    const e = o.entry;
    if (e.kind === 'quiet-period') {
      if (o.status === 'skipped') continue; // a lifted quiet period silences nothing
      quietPeriods.push({ id: o.key, title: e.title, start: new Date(o.start).toISOString(), ...(o.end > o.start ? { end: new Date(o.end).toISOString() } : {}), topics: e.topics });
    } else if (e.kind === 'slot') {
      slots.push({
        id: e.id, seriesDay: o.seriesDay, title: e.title, start: o.start, end: o.end,
        ...(e.memberId ? { memberId: e.memberId } : {}), platforms: e.platforms, topics: e.topics, status: o.status,
      });
    }
  }
  return { computedAt: new Date(now).toISOString(), quietPeriods, slots };
}

export async function computeSnapshot(database: PortavoceDb, now = Date.now(), tz = localZone()): Promise<ComposerCalendar> {
  return snapshotOf(await occurrencesBetween(database, now - SNAPSHOT_BEFORE, now + SNAPSHOT_AFTER, tz), now);
}

export interface Publication {
  platform: Platform;
  memberId: string;
  /** Topic ids the engine detected in the published draft. */
  topics: string[];
  at: string;
}

/**
 * The slot a publication fulfils: same member, a platform of the slot, the same day, a detected topic of the
 * slot (a slot without topics takes any post); of several, the open one nearest in time.
 */
export function slotFor(occurrences: readonly Occurrence[], p: Publication, tz = localZone()): Occurrence | null {
  const at = Date.parse(p.at);
  const day = dayIn(at, tz);
  const candidates = occurrences.filter((o) => {
    const e = o.entry;
    return e.kind === 'slot' && e.memberId === p.memberId && o.day === day &&
      (e.platforms.length === 0 || e.platforms.includes(p.platform)) &&
      o.status !== 'published' && o.status !== 'skipped' &&
      (e.topics.length === 0 || e.topics.some((t) => p.topics.includes(t)));
  });
  candidates.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  return candidates[0] ?? null;
}

/**
 * Keeps `publish` fed with the snapshot while this view lives: on every change to the calendar (from any
 * view, within a second: liveQuery) and every `refreshMs` (the window moves with the clock).
 */
export function watchSnapshot(database: PortavoceDb, publish: (calendar: ComposerCalendar) => Promise<void> | void, refreshMs = 30 * 60_000): () => void {
  let last = '';
  const send = (calendar: ComposerCalendar) => {
    const key = JSON.stringify({ ...calendar, computedAt: '' });
    if (key === last) return;
    last = key;
    void Promise.resolve(publish(calendar)).catch((error) => console.warn('Portavoce calendar snapshot:', error));
  };
  let subscription: { unsubscribe(): void } | null = null;
  const start = () => {
    subscription?.unsubscribe();
    subscription = liveQuery(() => computeSnapshot(database)).subscribe({ next: send, error: (error) => console.warn('Portavoce calendar:', error) });
  };
  start();
  const timer = setInterval(start, refreshMs);
  return () => {
    clearInterval(timer);
    subscription?.unsubscribe();
  };
}
