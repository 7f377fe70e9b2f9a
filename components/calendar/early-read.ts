// What the popup's first screen reads, asked for by a classic script in popup.html's head
// (entrypoints/popup-early-read) while the popup's modules are still loading and evaluating: today's rows
// and, in one storage read, the language, member and policy. The popup takes them up (./popup-start.ts,
// ./first-settings.ts). The script reads only a current database (read-without-dexie.ts) and a current
// storage format: anything unusual is left to the popup's own path.
import type { EntryRow } from '../../utils/calendar/db';
import { openCurrentWithoutDexie, rowsOverlappingIn, rowsOverlappingWithoutDexie } from '../../utils/calendar/read-without-dexie';
import { addDays, dayIn, dayRange, localZone } from '../../utils/calendar/time';
import { PHASE } from './start-marks';

/** The storage.local keys of utils/storage.ts's settingsItem, memberItem and activePolicyItem (with its version): no wxt storage in the early script. */
export const EARLY_KEYS = { settings: 'settings', member: 'member', activePolicy: 'activePolicy', activePolicyMeta: 'activePolicy$' } as const;
export type EarlyStored = Partial<Record<(typeof EARLY_KEYS)[keyof typeof EARLY_KEYS], unknown>>;

/** A read of [start, end) started by the early script, for `day` in `tz`, and the stored settings. */
interface EarlyReads {
  day: string;
  tz: string;
  start: number;
  end: number;
  rows?: Promise<EntryRow[] | null>;
  stored?: Promise<EarlyStored | null>;
}

/** Where the early script leaves its reads for the popup's modules (one global: the two are separate bundles). */
const HANDOFF = '__portavoceEarlyReads';
const handoff = () => (globalThis as { [HANDOFF]?: EarlyReads })[HANDOFF];

function readStored(): Promise<EarlyStored | null> {
  try {
    const local = (globalThis as { chrome?: { storage?: { local?: { get(keys: string[]): Promise<EarlyStored> } } } }).chrome?.storage?.local;
    return Promise.resolve(local?.get(Object.values(EARLY_KEYS))).then((stored) => stored ?? null, () => null);
  } catch {
    return Promise.resolve(null);
  }
}

/** The early script: opens the database first (the open is the slow part), asks storage, works out today meanwhile, then reads. */
export function startEarlyReads(): void {
  performance.mark(PHASE.early);
  const opening = openCurrentWithoutDexie();
  const stored = readStored();
  const tz = localZone();
  const day = dayIn(Date.now(), tz);
  const { start, end } = dayRange(day, addDays(day, 1), tz);
  (globalThis as { [HANDOFF]?: EarlyReads })[HANDOFF] = { day, tz, start, end, rows: rowsOverlappingIn(opening, start, end), stored };
}

/**
 * The rows of [start, end) (today in `tz`): the early script's read when it was for the same range, else
 * read now. Taken once: a later call (another day, after a change) reads afresh. Null when Dexie must answer.
 */
export function takeTodayRead(day: string, tz: string, start: number, end: number): Promise<EntryRow[] | null> {
  const early = handoff();
  const rows = early?.rows;
  if (early) delete early.rows;
  if (rows && early.day === day && early.tz === tz && early.start === start && early.end === end) {
    return rows.catch(() => rowsOverlappingWithoutDexie(start, end));
  }
  return rowsOverlappingWithoutDexie(start, end);
}

/** The early script's storage read, taken once; null when there was none or it failed. */
export function takeStoredSettings(): Promise<EarlyStored | null> {
  const early = handoff();
  const stored = early?.stored;
  if (early) delete early.stored;
  return stored ?? Promise.resolve(null);
}
