// What the popup's first screen needs, read at once and in parallel before the first render, so that today
// is painted once, complete, in the right language and with "your slots" split out (see CalendarPopup).
// Today's rows are read with IndexedDB itself: Dexie loads and opens after the first paint, for the live part.
import type { Occurrence } from '../../utils/calendar/occurrences';
import { expand } from '../../utils/calendar/query';
import { rowsOverlappingWithoutDexie } from '../../utils/calendar/read-without-dexie';
import { addDays, dayIn, dayRange, localZone } from '../../utils/calendar/time';
import type { Policy } from '../../utils/policy/schema';
import type { Translator } from '../i18n/useTranslator';
import { takeTodayRead } from './early-read';
import { firstSettings } from './first-settings';
import { PHASE } from './start-marks';
import { afterTodayShown } from './today-shown';
import { followLive, loadLiveData, type LiveData, type LiveSeed } from './useLive';

/** The today view: today and the coming days, as an agenda. */
export const TODAY_SPAN_DAYS = 8;

export interface PopupStart {
  tz: string;
  today: string;
  translator: Translator;
  me: string | null;
  policy: Policy | null;
  /** Today's query, already live; absent when it failed or hung (the popup's own query then shows why). */
  seed?: LiveSeed<Occurrence[]>;
  /** The coming days of the today view: nothing until today is on screen (see comingSeed). */
  coming: LiveSeed<Occurrence[] | null>;
}

export async function startPopup(): Promise<PopupStart> {
  const tz = localZone();
  const today = dayIn(Date.now(), tz);
  // Today alone: the coming days are asked for once today is on screen (CalendarPopup).
  const seed = withinSeedWait(seedOfToday(today, tz));
  const [{ translator, me, policy }, seeded] = await Promise.all([
    firstSettings().finally(() => performance.mark(PHASE.settings)),
    seed.finally(() => performance.mark(PHASE.today)),
  ]);
  return { tz, today, translator, me, policy, ...(seeded ? { seed: seeded } : {}), coming: comingSeed(today, tz) };
}

/**
 * Once today is on screen, the coming days' rows are read without Dexie (Dexie has yet to load and open),
 * shown, and then followed live; a live value that came first is never replaced by that read.
 */
function comingSeed(today: string, tz: string): LiveSeed<Occurrence[] | null> {
  const from = addDays(today, 1);
  const to = addDays(today, TODAY_SPAN_DAYS);
  const query = daysQuery(from, to, tz);
  return {
    value: null,
    follow(next, error) {
      let live = false;
      let stopped = false;
      const stop = followLive(query, (value) => ((live = true), next(value)), error);
      void afterTodayShown().then(async () => {
        const read = await occurrencesWithoutDexie(from, to, tz);
        if (read && !live && !stopped) next(read);
      });
      return () => ((stopped = true), stop());
    },
  };
}

/** Past this, the popup renders without the seed rather than wait on a query that never answers. */
const SEED_WAIT_MS = 3000;

function withinSeedWait<T>(seed: Promise<LiveSeed<T> | undefined>): Promise<LiveSeed<T> | undefined> {
  return new Promise((resolve) => {
    let waiting = true;
    const timer = setTimeout(() => ((waiting = false), resolve(undefined)), SEED_WAIT_MS);
    const settle = (value: LiveSeed<T> | undefined) => {
      if (!waiting) return value?.follow(() => {}, () => {})(); // too late: its subscription ends here
      clearTimeout(timer);
      resolve(value);
    };
    seed.then(settle, () => settle(undefined));
  });
}

/** The days [from, to) as Dexie's live query asks for them. */
const daysQuery = (from: string, to: string, tz: string) => (data: LiveData) => data.occurrencesOfDays(data.db(), from, to, tz);

/** The days [from, to) read with IndexedDB itself and expanded as the Dexie query does; null when Dexie must answer. */
async function occurrencesWithoutDexie(from: string, to: string, tz: string, read = rowsOverlappingWithoutDexie): Promise<Occurrence[] | null> {
  const { start, end } = dayRange(from, to, tz);
  const rows = await read(start, end);
  return rows && expand(rows, start, end, tz);
}

/** Today's occurrences: read without Dexie, expanded by the same code as the Dexie query, then followed live. */
async function seedOfToday(today: string, tz: string): Promise<LiveSeed<Occurrence[]> | undefined> {
  const query = daysQuery(today, addDays(today, 1), tz);
  // Most often already read by the early script in popup.html's head (./early-read.ts).
  const read = await occurrencesWithoutDexie(today, addDays(today, 1), tz, (start, end) => takeTodayRead(today, tz, start, end));
  if (read) return { value: read, follow: (next, error) => followLive(query, next, error) };
  // No current database (none yet, one to upgrade) or it could not be read: Dexie opens (and upgrades) it.
  const data = await loadLiveData();
  // A database that cannot open (no IndexedDB in this window) renders at once, without a seed: liveQuery
  // would not report it (DatabaseClosedError), and the popup's own query says what is wrong.
  return data.db().open().then(() => liveSeedOf(data, () => query(data)), () => undefined);
}

/** A liveQuery's first value, and a way for the component to follow the same subscription afterwards. */
function liveSeedOf<T>(data: LiveData, query: () => Promise<T>): Promise<LiveSeed<T> | undefined> {
  return new Promise((resolve) => {
    let first = true;
    const timer = setTimeout(() => {
      if (!first) return;
      first = false;
      subscription.unsubscribe();
      resolve(undefined);
    }, SEED_WAIT_MS);
    let latest: T;
    let onNext: ((value: T) => void) | undefined;
    let onError: ((error: unknown) => void) | undefined;
    const subscription = data.liveQuery(data.surfaceOpenFailure(query)).subscribe({
      next: (value) => {
        latest = value;
        if (!first) return onNext?.(value);
        first = false;
        clearTimeout(timer);
        resolve({
          value,
          follow(next, error) {
            onNext = next;
            onError = error;
            if (latest !== value) next(latest); // changed before the component followed
            return () => subscription.unsubscribe();
          },
        });
      },
      error: (error) => {
        if (!first) return onError?.(error);
        first = false;
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve(undefined);
      },
    });
  });
}
