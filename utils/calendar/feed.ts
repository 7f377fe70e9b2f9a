import type { PortavoceDb } from './db';
import { LOCAL_SOURCE, type CalendarEntry } from './entry';
import { IcsError, parseIcs } from './ics';
import { fromRow, toRow } from './migrations';
import { mergeIncoming, writing } from './store';

/** What the background remembers about the team feed between refreshes (shown in the options page). */
export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Last time the feed answered with a calendar or "not modified". */
  lastRefreshed?: string;
  lastAttempt?: string;
  /** The last failure, cleared by the next success; the last good copy stays meanwhile. */
  lastError?: string;
  /** Entries from the feed after the last good refresh. */
  count?: number;
}

export const FEED_MAX_BYTES = 5_000_000;
export const FEED_TIMEOUT_MS = 30_000;

/** A feed URL the background may fetch: https, or http on this machine (for tests and local tools). */
export function feedUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return null;
  return 'the feed must be an https:// address';
}

/** The permission pattern for a feed's host (requested when the member sets it). */
export function feedOrigin(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * Replaces the feed's entries with `incoming` in one transaction: updated in place by UID, removed when they
 * left the feed, local marks (published, skipped, per-occurrence) kept. An entry made here with the same UID
 * is taken over by the feed (keeping its marks).
 */
export async function applyFeed(database: PortavoceDb, url: string, incoming: readonly CalendarEntry[], now = new Date()): Promise<void> {
  await writing(database, async () => {
    const before = await database.entries.where('source').equals(url).primaryKeys();
    const stored = await database.entries.bulkGet(incoming.map((e) => e.id));
    await database.entries.bulkPut(
      incoming.map((e, i) => toRow({ ...mergeIncoming(stored[i] && fromRow(stored[i]!), { ...e, source: url }), updatedAt: now.toISOString() })),
    );
    const keep = new Set(incoming.map((e) => e.id));
    await database.entries.bulkDelete(before.filter((id) => !keep.has(id)));
  });
}

/** Removes the entries of every feed but `current` (after the member changed or cleared the feed URL). */
export async function dropOtherFeeds(database: PortavoceDb, current: string | null): Promise<number> {
  return writing(database, () => database.entries.where('source').noneOf([LOCAL_SOURCE, ...(current ? [current] : [])]).delete());
}

/**
 * One refresh: a conditional GET (If-None-Match / If-Modified-Since), then the merge. A failure of any kind
 * (network, HTTP status, a broken calendar) leaves the stored entries as they were and says what happened.
 */
export async function refreshFeed(
  database: PortavoceDb,
  url: string,
  previous: FeedState | null,
  fetchImpl: typeof fetch = fetch,
  now = new Date(),
): Promise<FeedState> {
  const same = previous?.url === url ? previous : null;
  const state: FeedState = { ...(same ?? { url }), url, lastAttempt: now.toISOString() };
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
  if (same?.etag) headers['if-none-match'] = same.etag;
  if (same?.lastModified) headers['if-modified-since'] = same.lastModified;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), FEED_TIMEOUT_MS);
  try {
    const response = await fetchImpl(url, { headers, cache: 'no-store', credentials: 'omit', signal: abort.signal });
    if (response.status === 304) return { ...withoutError(state), lastRefreshed: now.toISOString() };
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    const text = await response.text();
    if (text.length > FEED_MAX_BYTES) throw new Error(`the feed is over ${FEED_MAX_BYTES / 1_000_000} MB`);
    const entries = parseIcs(text, { source: url });
    await applyFeed(database, url, entries, now);
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    const { etag: _e, lastModified: _l, ...rest } = withoutError(state);
    return { ...rest, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), lastRefreshed: now.toISOString(), count: entries.length };
  } catch (error) {
    const message = error instanceof IcsError && error.line ? `line ${error.line}: ${error.message}` : error instanceof Error ? error.message : String(error);
    return { ...state, lastError: abort.signal.aborted ? `no answer within ${FEED_TIMEOUT_MS / 1000} s` : message };
  } finally {
    clearTimeout(timer);
  }
}

function withoutError(state: FeedState): FeedState {
  const { lastError: _, ...rest } = state;
  return rest;
}
