import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest value of a Dexie query, kept current when any view changes the data (liveQuery). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: null });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (error) => setState((s) => ({ value: s.value, error })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
