import Dexie, { type Table, type Transaction } from 'dexie';
import { calendarEntrySchema, LOCAL_SOURCE, newEntryId, type CalendarEntry, type CalendarEntryInput, type EntryStatus } from './entry';
import type { PortavoceDb } from './db';
import { fromRow, toRow } from './migrations';

/** A write that did not happen; `reason` says why in words the UI can translate. */
export class StoreError extends Error {
  constructor(readonly reason: 'disk-full' | 'unavailable' | 'invalid' | 'not-found' | 'failed', message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Runs a write transaction; a full disk or a failure aborts it whole, so nothing stored before is lost. */
export function writing<T>(database: PortavoceDb, work: () => Promise<T>): Promise<T> {
  return transact(database, database.entries, work);
}

/**
 * A read-write transaction that fails with a StoreError. A full disk aborts the transaction with the real
 * cause on the transaction itself, and each request with a bare AbortError: that cause is looked at too.
 */
export async function transact<T>(database: Dexie, table: Table, work: () => Promise<T>): Promise<T> {
  let transaction: Transaction | undefined;
  try {
    return await database.transaction('rw', table, (tx) => ((transaction = tx), work()));
  } catch (error) {
    throw asStoreError(error, transaction?.idbtrans?.error);
  }
}

/** The database cannot be opened at all: no IndexedDB (some private windows), or it refuses to open. */
const UNAVAILABLE = new Set([Dexie.errnames.MissingAPI, Dexie.errnames.OpenFailed, Dexie.errnames.DatabaseClosed, 'InvalidStateError', 'SecurityError']);

/**
 * A disk that is really full is not always a QuotaExceededError: Chromium aborts the write with an
 * UnknownError whose message names the file error (seen on a full tmpfs: "IO error: …000003.log:
 * FILE_ERROR_NO_SPACE"), and Dexie then reports the connection it closed.
 */
const NO_SPACE = /FILE_ERROR_NO_SPACE|NO_DEVICE_SPACE|ENOSPC|No space left/i;

export function asStoreError(error: unknown, cause?: unknown): StoreError {
  if (error instanceof StoreError) return error;
  type Cause = { name?: string; message?: string; inner?: unknown } | null | undefined;
  // Dexie wraps: DatabaseClosedError ⊃ OpenFailedError ⊃ the DOMException.
  const causes: Cause[] = [];
  for (let e = error as Cause, depth = 0; e && depth < 4; e = e.inner as Cause, depth++) causes.push(e);
  causes.push(cause as Cause);
  const names = causes.map((e) => e?.name);
  if (names.includes(Dexie.errnames.QuotaExceeded) || names.includes('QuotaExceededError') || causes.some((e) => NO_SPACE.test(String(e?.message ?? ''))))
    return new StoreError('disk-full', 'The disk is full: nothing was changed.');
  // Chromium's "Internal error opening backing store" (an UnknownError inside OpenFailed, itself perhaps inside
  // DatabaseClosed): the database exists but cannot be opened now (a full disk does this to the connections it
  // closed), not a window without storage.
  const brokenBackingStore = names.includes('UnknownError');
  if (!brokenBackingStore && names.some((name) => name && UNAVAILABLE.has(name)))
    return new StoreError('unavailable', 'This browser window cannot save data (IndexedDB is unavailable, e.g. in a private window): nothing was changed.');
  return new StoreError('failed', error instanceof Error ? error.message : String(error));
}

/** Validates and stores one entry (new or changed). */
export async function saveEntry(database: PortavoceDb, input: CalendarEntryInput, now = new Date()): Promise<CalendarEntry> {
  const parsed = calendarEntrySchema.safeParse({ ...input, updatedAt: now.toISOString() });
  if (!parsed.success) throw new StoreError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  await writing(database, () => database.entries.put(toRow(parsed.data)));
  return parsed.data;
}

export async function getEntry(database: PortavoceDb, id: string): Promise<CalendarEntry | undefined> {
  const row = await database.entries.get(id);
  return row && fromRow(row);
}

export async function deleteEntry(database: PortavoceDb, id: string): Promise<void> {
  await writing(database, () => database.entries.delete(id));
}

/** A copy to plan again: a new id, made here, not yet published. */
export async function duplicateEntry(database: PortavoceDb, id: string, now = new Date()): Promise<CalendarEntry> {
  const original = await getEntry(database, id);
  if (!original) throw new StoreError('not-found', `no entry ${id}`);
  const { publishedAt: _p, link: _l, occurrences: _o, ...rest } = original;
  const status: EntryStatus = rest.status === 'published' || rest.status === 'skipped' ? 'planned' : rest.status;
  return saveEntry(database, { ...rest, id: newEntryId(), source: LOCAL_SOURCE, status }, now);
}

/**
 * Marks an entry (or, for a recurring one, the occurrence of `seriesDay`) with a status; published
 * gets the time and, when known, the link.
 */
export async function setStatus(
  database: PortavoceDb,
  id: string,
  seriesDay: string | null,
  status: EntryStatus,
  extra: { publishedAt?: string; link?: string } = {},
  now = new Date(),
): Promise<CalendarEntry> {
  return writing(database, async () => {
    const row = await database.entries.get(id);
    if (!row) throw new StoreError('not-found', `no entry ${id}`);
    const entry = fromRow(row);
    const publishedAt = status === 'published' ? extra.publishedAt ?? now.toISOString() : undefined;
    const own = { status, ...(publishedAt ? { publishedAt } : {}), ...(extra.link ? { link: extra.link } : {}) };
    let next: CalendarEntry;
    if (entry.rrule && seriesDay) {
      // A moved occurrence keeps where it moved to.
      const was = entry.occurrences?.[seriesDay];
      const moved = { ...(was?.start ? { start: was.start } : {}), ...(was?.end ? { end: was.end } : {}) };
      next = { ...entry, occurrences: { ...entry.occurrences, [seriesDay]: { ...moved, ...own } } };
    } else {
      const { publishedAt: _p, link: _l, ...rest } = entry;
      next = { ...rest, ...own, ...(!extra.link && entry.link && status === 'published' ? { link: entry.link } : {}) };
    }
    next.updatedAt = now.toISOString();
    await database.entries.put(toRow(next));
    return next;
  });
}

/** Every entry, in id order (backups, exports). */
export async function allEntries(database: PortavoceDb): Promise<CalendarEntry[]> {
  return (await database.entries.toArray()).map(fromRow);
}

/**
 * How an incoming copy of an entry (a feed refresh, a re-imported file) replaces the stored one: the
 * incoming fields win, but what the team did locally stays: published/skipped, when, the link and the
 * per-occurrence marks.
 */
export function mergeIncoming(stored: CalendarEntry | undefined, incoming: CalendarEntry): CalendarEntry {
  if (!stored) return incoming;
  const localDone = stored.status === 'published' || stored.status === 'skipped';
  const keepStatus = localDone && incoming.status !== 'published' && incoming.status !== 'skipped';
  return {
    ...incoming,
    ...(keepStatus ? { status: stored.status } : {}),
    ...(keepStatus && stored.publishedAt ? { publishedAt: stored.publishedAt } : {}),
    ...(!incoming.link && stored.link ? { link: stored.link } : {}),
    ...(stored.occurrences || incoming.occurrences ? { occurrences: mergeOccurrences(stored.occurrences, incoming.occurrences) } : {}),
  };
}

type Occurrences = NonNullable<CalendarEntry['occurrences']>;

/** Per occurrence: the local marks (status, when, link) stay; where it happens is the incoming copy's. */
function mergeOccurrences(stored: Occurrences = {}, incoming: Occurrences = {}): Occurrences {
  const out: Occurrences = {};
  for (const day of new Set([...Object.keys(incoming), ...Object.keys(stored)])) {
    const mine = stored[day];
    const theirs = incoming[day];
    if (!mine) {
      out[day] = theirs!;
      continue;
    }
    const { start: _s, end: _e, ...marks } = mine;
    out[day] = { ...marks, ...(theirs?.start ? { start: theirs.start } : {}), ...(theirs?.end ? { end: theirs.end } : {}) };
  }
  return out;
}

/** Stores many entries in one transaction, each merged with what is stored (same id: updated, never doubled). */
export async function putMany(
  database: PortavoceDb,
  entries: readonly CalendarEntry[],
  now = new Date(),
  options: { keepUpdatedAt?: boolean } = {},
): Promise<{ added: number; updated: number }> {
  return writing(database, async () => {
    const stored = await database.entries.bulkGet(entries.map((e) => e.id));
    const stamp = (e: CalendarEntry) => (options.keepUpdatedAt && e.updatedAt ? e.updatedAt : now.toISOString());
    const rows = entries.map((e, i) => toRow({ ...mergeIncoming(stored[i] && fromRow(stored[i]!), e), updatedAt: stamp(e) }));
    await database.entries.bulkPut(rows);
    const updated = stored.filter(Boolean).length;
    return { added: entries.length - updated, updated };
  });
}
