// Ordering, filtering and splitting lists of occurrences: what the popup's render needs, without the
// queries (./query.ts) and the recurrence expansion (rrule) they bring.
import type { Platform } from '../check/types';
import type { EntryKind, EntryStatus } from './entry-values';
import type { Occurrence } from './occurrences';

export function byStart(a: Occurrence, b: Occurrence): number {
  return a.start - b.start || Number(b.allDay) - Number(a.allDay) || a.entry.title.localeCompare(b.entry.title) || a.key.localeCompare(b.key);
}

export interface Filters {
  /** Only the viewer's own entries (needs `me`). */
  mine?: boolean;
  member?: string;
  topic?: string;
  platform?: Platform;
  status?: EntryStatus;
  kind?: EntryKind;
  /** Words of the title, any case and accents. */
  search?: string;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesFilters(o: Occurrence, filters: Filters, me: string | null): boolean {
  const e = o.entry;
  if (filters.mine && (!me || e.memberId !== me)) return false;
  if (filters.member && e.memberId !== filters.member) return false;
  if (filters.topic && !e.topics.includes(filters.topic)) return false;
  if (filters.platform && e.platforms.length > 0 && !e.platforms.includes(filters.platform)) return false;
  if (filters.status && o.status !== filters.status) return false;
  if (filters.kind && e.kind !== filters.kind) return false;
  if (filters.search) {
    const title = fold(e.title);
    if (!fold(filters.search).split(/\s+/).filter(Boolean).every((w) => title.includes(w))) return false;
  }
  return true;
}

export interface Today {
  day: string;
  /** The member's slots (and events), then the team's, then the quiet periods in force, then the coming days. */
  mine: Occurrence[];
  team: Occurrence[];
  quiet: Occurrence[];
  coming: Occurrence[];
}

export function splitToday(all: readonly Occurrence[], now: number, day: string, me: string | null): Today {
  const result: Today = { day, mine: [], team: [], quiet: [], coming: [] };
  for (const o of all) {
    if (o.entry.kind === 'quiet-period') {
      if (o.start <= now && (o.end > now || o.end === o.start)) result.quiet.push(o);
      else if (o.day > day) result.coming.push(o);
      else if (o.day === day) result.quiet.push(o); // later today
      continue;
    }
    if (o.day === day || (o.day < day && o.end > now)) (me && o.entry.memberId === me ? result.mine : result.team).push(o);
    else if (o.day > day) result.coming.push(o);
  }
  return result;
}
