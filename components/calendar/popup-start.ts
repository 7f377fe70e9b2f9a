// What the popup's first screen needs, read at once and in parallel before the first render, so that today
// is painted once, complete, in the right language and with "your slots" split out (see CalendarPopup).
import { liveQuery } from 'dexie';
import { surfaceOpenFailure } from '../../utils/calendar/open-failure';
import { db } from '../../utils/calendar/db';
import type { Occurrence } from '../../utils/calendar/occurrences';
import { occurrencesOfDays } from '../../utils/calendar/query';
import { addDays, dayIn, localZone } from '../../utils/calendar/time';
import type { Policy } from '../../utils/policy/schema';
import { activePolicyItem, memberItem } from '../../utils/storage';
import { loadTranslator, type Translator } from '../i18n/useTranslator';
import type { LiveSeed } from './useLive';

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
}

export async function startPopup(): Promise<PopupStart> {
  const tz = localZone();
  const today = dayIn(Date.now(), tz);
  const [translator, me, policy, seed] = await Promise.all([
    loadTranslator(),
    memberItem.getValue().catch(() => null),
    activePolicyItem.getValue().then((a) => a?.policy ?? null, () => null),
    // A database that cannot open (no IndexedDB in this window) renders at once, without a seed: liveQuery
    // would not report it (DatabaseClosedError), and the popup's own query says what is wrong.
    // Today alone: the coming days are asked for once today is on screen (CalendarPopup).
    db().open().then(() => seedOf(() => occurrencesOfDays(db(), today, addDays(today, 1), tz)), () => undefined),
  ]);
  return { tz, today, translator, me, policy, ...(seed ? { seed } : {}) };
}

/** Past this, the popup renders without the seed rather than wait on a query that never answers. */
const SEED_WAIT_MS = 3000;

/** A liveQuery's first value, and a way for the component to follow the same subscription afterwards. */
function seedOf<T>(query: () => Promise<T>): Promise<LiveSeed<T> | undefined> {
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
    const subscription = liveQuery(surfaceOpenFailure(query)).subscribe({
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

/** Element Timing identifiers: on the first row (or "nothing" line) of today's sections, and of the coming days. */
export const TODAY_MARK = 'popup-today';
export const COMING_MARK = 'popup-coming';
export const ELEMENT_TIMING = typeof PerformanceObserver !== 'undefined' && !!PerformanceObserver.supportedEntryTypes?.includes('element');

/**
 * The popup benchmark's marks (tests/bench/popup.bench.ts), by the browser's own clock from the navigation's
 * start: <html data-today-shown> when today's rows (or its "nothing" line) were painted, data-coming-shown
 * when the coming days' were (the frame after). Without Element Timing (Firefox), CalendarPopup marks
 * performance.now() after today's first paint instead.
 */
export function watchTodayPainted(): void {
  if (!ELEMENT_TIMING) return;
  const marks = { [TODAY_MARK]: 'todayShown', [COMING_MARK]: 'comingShown' } as const;
  const root = document.documentElement;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number })[]) {
      const key = marks[e.identifier as keyof typeof marks];
      if (key && !root.dataset[key]) root.dataset[key] = String(e.renderTime || e.startTime);
    }
    if (root.dataset.todayShown && root.dataset.comingShown) observer.disconnect();
  });
  observer.observe({ type: 'element', buffered: true });
}
