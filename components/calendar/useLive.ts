import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { surfaceOpenFailure } from '../../utils/calendar/open-failure';

/** A query already running before the first render (see ./popup-start.ts): its first value, then its changes. */
export interface LiveSeed<T> {
  value: T;
  /** Passes on every later value; returns the unsubscribe. */
  follow(next: (value: T) => void, error: (error: unknown) => void): () => void;
}

/**
 * The latest value of a Dexie query, kept current when any view changes the data (liveQuery). A `seed`
 * stands for the query of the first `deps`: the first render has its value and no query runs twice.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], seed?: LiveSeed<T>): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: seed?.value, error: null });
  const unusedSeed = useRef(seed);
  useEffect(() => {
    const next = (value: T) => setState({ value, error: null });
    const error = (e: unknown) => setState((s) => ({ value: s.value, error: e }));
    const first = unusedSeed.current;
    unusedSeed.current = undefined;
    if (first) return first.follow(next, error);
    const subscription = liveQuery(surfaceOpenFailure(query)).subscribe({ next, error });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
