/**
 * Dexie's liveQuery drops a DatabaseClosedError without a word (it also means "closed on purpose"), and that is
 * what every query gets once the database failed to open (no IndexedDB in this window): the view would wait
 * forever. A query wrapped here fails with an OpenFailedError instead, which the view shows (StoreError 'unavailable').
 */
export function surfaceOpenFailure<T>(query: () => Promise<T>): () => Promise<T> {
  return () =>
    query().catch((error: unknown) => {
      const { name, inner, message } = (error ?? {}) as { name?: string; inner?: unknown; message?: string };
      if (name !== 'DatabaseClosedError' || !inner) throw error;
      const failed = new Error(message ?? 'The database could not be opened.');
      failed.name = 'OpenFailedError';
      throw Object.assign(failed, { inner });
    });
}
