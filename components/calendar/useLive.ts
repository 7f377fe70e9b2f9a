import { useEffect, useRef, useState } from 'preact/hooks';
import { afterTodayShown } from './today-shown';

export type LiveData = typeof import('./live-data');

/** Dexie and the queries: loaded after the first paint (today's rows are read without them, see ./popup-start.ts). */
export const loadLiveData = (): Promise<LiveData> => import('./live-data');

/** A query already running before the first render (see ./popup-start.ts): its first value, then its changes. */
export interface LiveSeed<T> {
  value: T;
  /** Passes on every later value; returns the unsubscribe. */
  follow(next: (value: T) => void, error: (error: unknown) => void): () => void;
}

/** Follows `query` with Dexie's liveQuery once today is on screen and Dexie loaded; returns the unsubscribe. */
export function followLive<T>(query: (data: LiveData) => Promise<T>, next: (value: T) => void, error: (error: unknown) => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  afterTodayShown().then(loadLiveData).then((data) => {
    if (stopped) return;
    const subscription = data.liveQuery(data.surfaceOpenFailure(() => query(data))).subscribe({ next, error });
    stop = () => subscription.unsubscribe();
  }, error);
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * The latest value of a Dexie query, kept current when any view changes the data (liveQuery). A `seed`
 * stands for the query of the first `deps`: the first render has its value and no query runs twice.
 */
export function useLive<T>(query: (data: LiveData) => Promise<T>, deps: unknown[], seed?: LiveSeed<T>): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: seed?.value, error: null });
  const unusedSeed = useRef(seed);
  useEffect(() => {
    const next = (value: T) => setState({ value, error: null });
    const error = (e: unknown) => setState((s) => ({ value: s.value, error: e }));
    const first = unusedSeed.current;
    unusedSeed.current = undefined;
    if (first) return first.follow(next, error);
    return followLive(query, next, error);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
