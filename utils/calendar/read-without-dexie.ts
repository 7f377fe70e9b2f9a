// The popup paints today before Dexie is even loaded: today's rows are read here with IndexedDB itself, by
// the same index ranges as the Dexie query (./index-ranges.ts). Anything unusual is left to Dexie.
import type { EntryRow } from './db';
import { rangesOverlapping, rowsToExpand } from './index-ranges';

/** The database this reader understands: db.ts's name and latest schema version (Dexie stores version v as v × 10). */
export const READABLE_DB = { name: 'portavoce', version: 20, indexes: ['[wide+from]', '[wide+to]'] } as const;

/** The current database, or null when there is none yet, it needs an upgrade, is newer, or cannot be opened. */
export function openCurrentWithoutDexie(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(READABLE_DB.name);
    } catch {
      return resolve(null); // no IndexedDB in this window
    }
    // No database yet: not created here (aborting its first upgrade leaves none); Dexie creates it with its schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const database = request.result;
      const current = database.version === READABLE_DB.version && database.objectStoreNames.contains('entries');
      if (current) {
        // Never in the way of an upgrade by another view.
        database.onversionchange = () => database.close();
        return resolve(database);
      }
      database.close();
      resolve(null);
    };
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The stored rows that may overlap [rangeStart, rangeEnd), as occurrencesBetween (./query.ts) reads them
 * before expanding; null when Dexie's path must answer instead (no current database, or a failed read).
 */
export function rowsOverlappingWithoutDexie(rangeStart: number, rangeEnd: number): Promise<EntryRow[] | null> {
  return rowsOverlappingIn(openCurrentWithoutDexie(), rangeStart, rangeEnd);
}

/** The same read in a database being opened by openCurrentWithoutDexie (the open can start before the range is known); closes it. */
export async function rowsOverlappingIn(opening: Promise<IDBDatabase | null>, rangeStart: number, rangeEnd: number): Promise<EntryRow[] | null> {
  const database = await opening;
  if (!database) return null;
  try {
    const entries = database.transaction('entries', 'readonly').objectStore('entries');
    if (!READABLE_DB.indexes.every((name) => entries.indexNames.contains(name))) return null;
    const read = ({ index, lower, upper, includeLower, includeUpper }: ReturnType<typeof rangesOverlapping>[number]) =>
      result(entries.index(index).getAll(IDBKeyRange.bound(lower, upper, !includeLower, !includeUpper)) as IDBRequest<EntryRow[]>);
    const [short, wide] = rangesOverlapping(rangeStart, rangeEnd);
    const [shortRows, wideRows] = await Promise.all([read(short), read(wide)]);
    return rowsToExpand(shortRows, wideRows, rangeStart, rangeEnd);
  } catch {
    return null;
  } finally {
    database.close();
  }
}
