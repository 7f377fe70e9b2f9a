import { beforeEach, describe, expect, it } from 'vitest';
import { PortavoceDb } from '../../../utils/calendar/db';
import { calendarEntrySchema, type CalendarEntryInput } from '../../../utils/calendar/entry';
import { toIcs } from '../../../utils/calendar/ics';
import { dropOtherFeeds, feedUrlProblem, refreshFeed, type FeedState } from '../../../utils/calendar/feed';
import { getEntry, saveEntry, setStatus } from '../../../utils/calendar/store';
import { freshFactory } from '../../fixtures/calendar/v1-database';

const URL_A = 'https://plan.acme.example/team.ics';
const entry = (e: Partial<CalendarEntryInput>) => calendarEntrySchema.parse({ id: 'x', title: 'T', start: '2026-11-25', kind: 'slot', ...e });

/** A feed server in a function: serves `body` with an ETag, answers 304 to a matching If-None-Match. */
function server() {
  const s = {
    body: '',
    etag: '"v1"',
    lastModified: 'Wed, 25 Nov 2026 08:00:00 GMT',
    status: 200,
    requests: [] as Record<string, string>[],
    fetch: (async (_url: string, init?: RequestInit) => {
      const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
      s.requests.push(headers);
      if (s.status !== 200) return new Response('nope', { status: s.status, statusText: 'Server Error' });
      if (headers['if-none-match'] === s.etag) return new Response(null, { status: 304 });
      return new Response(s.body, { status: 200, headers: { etag: s.etag, 'last-modified': s.lastModified, 'content-type': 'text/calendar' } });
    }) as typeof fetch,
  };
  return s;
}

let db: PortavoceDb;
beforeEach(() => {
  db = new PortavoceDb('feed', undefined, freshFactory());
});

describe('refreshFeed', () => {
  it('updates in place by UID, removes what left the feed, keeps local status; conditional requests', async () => {
    const s = server();
    s.body = toIcs([entry({ id: 'a', title: 'Launch' }), entry({ id: 'b', title: 'Webinar' }), entry({ id: 'c', title: 'Gone soon' })]);
    let state: FeedState = await refreshFeed(db, URL_A, null, s.fetch, new Date('2026-11-25T08:00:00Z'));
    expect(state).toMatchObject({ url: URL_A, etag: '"v1"', lastModified: s.lastModified, count: 3, lastRefreshed: '2026-11-25T08:00:00.000Z' });
    expect(state.lastError).toBeUndefined();
    await setStatus(db, 'a', null, 'published', { link: 'https://x.com/acme/status/9' }, new Date('2026-11-25T09:00:00Z'));
    await saveEntry(db, entry({ id: 'mine', title: 'Made here' }));

    // Unchanged: 304, nothing rewritten.
    state = await refreshFeed(db, URL_A, state, s.fetch, new Date('2026-11-25T09:30:00Z'));
    expect(s.requests.at(-1)).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': s.lastModified });
    expect(state.lastRefreshed).toBe('2026-11-25T09:30:00.000Z');

    s.etag = '"v2"';
    s.body = toIcs([entry({ id: 'a', title: 'Launch (moved)', start: '2026-11-26' }), entry({ id: 'b', title: 'Webinar' }), entry({ id: 'd', title: 'New' })]);
    state = await refreshFeed(db, URL_A, state, s.fetch, new Date('2026-11-25T10:30:00Z'));
    expect(state).toMatchObject({ etag: '"v2"', count: 3 });
    expect(await getEntry(db, 'a')).toMatchObject({ title: 'Launch (moved)', start: '2026-11-26', status: 'published', publishedAt: '2026-11-25T09:00:00.000Z', link: 'https://x.com/acme/status/9', source: URL_A });
    expect(await getEntry(db, 'c')).toBeUndefined();
    expect(await getEntry(db, 'd')).toMatchObject({ title: 'New', source: URL_A });
    expect(await getEntry(db, 'mine')).toMatchObject({ source: 'local' });
  });

  it.each([
    ['an HTTP error', (s: ReturnType<typeof server>) => { s.status = 500; }, /500/],
    ['a network failure', (s: ReturnType<typeof server>) => { s.fetch = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch; }, /Failed to fetch/],
    ['a broken calendar', (s: ReturnType<typeof server>) => { s.etag = '"v3"'; s.body = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nope\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'; }, /line 3/],
  ])('%s keeps the last good copy and says when it was refreshed', async (_, breakIt, message) => {
    const s = server();
    s.body = toIcs([entry({ id: 'a', title: 'Launch' })]);
    const good = await refreshFeed(db, URL_A, null, s.fetch, new Date('2026-11-25T08:00:00Z'));
    breakIt(s);
    const failed = await refreshFeed(db, URL_A, good, s.fetch, new Date('2026-11-25T09:00:00Z'));
    expect(failed).toMatchObject({ lastRefreshed: '2026-11-25T08:00:00.000Z', lastAttempt: '2026-11-25T09:00:00.000Z', etag: '"v1"', count: 1 });
    expect(failed.lastError).toMatch(message);
    expect(await getEntry(db, 'a')).toMatchObject({ title: 'Launch' });
    // and the next good refresh clears the error
    const s2 = server();
    s2.body = toIcs([entry({ id: 'a', title: 'Launch' })]);
    s2.etag = '"v9"';
    expect((await refreshFeed(db, URL_A, failed, s2.fetch, new Date('2026-11-25T10:00:00Z'))).lastError).toBeUndefined();
  });

  it('a new URL starts without the old validators; the old feed entries go', async () => {
    const s = server();
    s.body = toIcs([entry({ id: 'a' })]);
    const first = await refreshFeed(db, URL_A, null, s.fetch);
    await refreshFeed(db, 'https://other.example/b.ics', first, s.fetch);
    expect(s.requests.at(-1)!['if-none-match']).toBeUndefined();
    await saveEntry(db, entry({ id: 'local1' }));
    await dropOtherFeeds(db, 'https://other.example/b.ics');
    expect((await db.entries.toArray()).map((r) => [r.id, r.source])).toEqual([['a', 'https://other.example/b.ics'], ['local1', 'local']]);
  });
});

describe('feedUrlProblem', () => {
  it.each([
    ['https://plan.acme.example/team.ics', null],
    ['http://127.0.0.1:8080/feed.ics', null],
    ['http://plan.acme.example/team.ics', /https/],
    ['webcal://plan.acme.example/team.ics', /https/],
    ['plan', /not a URL/],
  ])('%s', (url, problem) => (problem ? expect(feedUrlProblem(url)).toMatch(problem) : expect(feedUrlProblem(url)).toBeNull()));
});
