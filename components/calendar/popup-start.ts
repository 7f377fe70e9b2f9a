// What the popup's first screen needs, read at once and in parallel before the first render, so that today
// is painted once, complete, in the right language and with "your slots" split out (see CalendarPopup).
// Today's rows are read with IndexedDB itself: Dexie loads and opens after the first paint, for the live part.
import type { Occurrence } from '../../utils/calendar/occurrences';
import { expand } from '../../utils/calendar/query';
import { rowsOverlappingWithoutDexie } from '../../utils/calendar/read-without-dexie';
import { addDays, dayIn, dayRange, localZone } from '../../utils/calendar/time';
import type { Policy } from '../../utils/policy/schema';
import { activePolicyItem, memberItem } from '../../utils/storage';
import { loadTranslator, type Translator } from '../i18n/useTranslator';
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
  const [translator, me, policy, seeded] = await Promise.all([
    loadTranslator(),
    memberItem.getValue().catch(() => null),
    activePolicyItem.getValue().then((a) => a?.policy ?? null, () => null),
    seed,
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
  const query = (data: LiveData) => data.occurrencesOfDays(data.db(), from, to, tz);
  return {
    value: null,
    follow(next, error) {
      let live = false;
      let stopped = false;
      const stop = followLive(query, (value) => ((live = true), next(value)), error);
      void afterTodayShown().then(async () => {
        const { start, end } = dayRange(from, to, tz);
        const rows = await rowsOverlappingWithoutDexie(start, end);
        if (rows && !live && !stopped) next(expand(rows, start, end, tz));
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

/** Today's occurrences: read without Dexie, expanded by the same code as the Dexie query, then followed live. */
async function seedOfToday(today: string, tz: string): Promise<LiveSeed<Occurrence[]> | undefined> {
  const query = (data: LiveData) => data.occurrencesOfDays(data.db(), today, addDays(today, 1), tz);
  const { start, end } = dayRange(today, addDays(today, 1), tz);
  const rows = await rowsOverlappingWithoutDexie(start, end);
  if (rows) return { value: expand(rows, start, end, tz), follow: (next, error) => followLive(query, next, error) };
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
