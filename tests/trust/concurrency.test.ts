// Faults: concurrency. Popup, options and background are three connections to one database; each writes
// 1,000 entries at the same moment, one entry per transaction (the way a member saves) and all at once
// (an import): exactly 3,000 land. A feed merge is one transaction: aborted midway (the worker stopped),
// nothing of the new feed is stored and the previous feed is whole. tests/e2e/trust-faults.e2e.test.ts
// does both in Chromium with three real extension contexts and a service worker closed through CDP.
import 'fake-indexeddb/auto';
import { failWritesAfter, heal } from './support/idb-faults';
import { afterAll, describe, expect, it } from 'vitest';
import { PortavoceDb } from '../../utils/calendar/db';
import { applyFeed } from '../../utils/calendar/feed';
import { putMany, saveEntry } from '../../utils/calendar/store';
import { checksum, v2Entries } from '../fixtures/calendar/schema-fixtures';
import { freshFactory } from '../fixtures/calendar/v1-database';
import { recordTrust } from './figures';

const tally = { tried: 0, crashes: 0, bypasses: 0, lost: 0 };
const contexts = ['popup', 'options', 'background'] as const;
const batch = (who: string) => v2Entries(1_000).map((e, i) => ({ ...e, id: `${who}-${i}`, title: `${who} ${i}`, source: 'local' }));

function connections(name: string) {
  const factory = freshFactory();
  return contexts.map(() => new PortavoceDb(name, undefined, factory));
}

afterAll(() => {
  recordTrust({ area: 'Faults and upgrades', check: 'concurrent writers and an aborted feed merge (unit)', ...tally });
});

describe('three views writing at once', () => {
  it('1,000 single-entry saves from each of popup, options and background: exactly 3,000 stored', async () => {
    const dbs = connections('concurrent-saves');
    await Promise.all(dbs.map((d, k) => Promise.all(batch(contexts[k]!).map((e) => saveEntry(d, e)))));
    tally.tried += 3_000;
    const rows = await dbs[0]!.entries.toArray();
    tally.lost += 3_000 - rows.length;
    expect(rows).toHaveLength(3_000);
    for (const who of contexts) expect(rows.filter((r) => r.id.startsWith(`${who}-`))).toHaveLength(1_000);
    dbs.forEach((d) => d.close());
  }, 120_000);

  it('1,000-entry imports from each at once (ICS in the popup, backup in the options, the feed in the background): exactly 3,000', async () => {
    const dbs = connections('concurrent-imports');
    const [popup, options, background] = dbs;
    await Promise.all([
      putMany(popup!, batch('popup')),
      putMany(options!, batch('options'), undefined, { keepUpdatedAt: true }),
      applyFeed(background!, 'https://plan.acme.example/team.ics', batch('background')),
    ]);
    tally.tried += 3_000;
    const rows = await dbs[1]!.entries.toArray();
    tally.lost += 3_000 - rows.length;
    expect(rows).toHaveLength(3_000);
    expect(rows.filter((r) => r.source === 'https://plan.acme.example/team.ics')).toHaveLength(1_000);
    dbs.forEach((d) => d.close());
  }, 120_000);
});

describe('a feed merge stopped midway', () => {
  it.each([1, 1_000, 1_999])('aborted after %i of its writes: the previous feed whole, nothing of the new one', async (after) => {
    const database = new PortavoceDb('feed-abort', undefined, freshFactory());
    const url = 'https://plan.acme.example/team.ics';
    const before = v2Entries(1_000).map((e, i) => ({ ...e, id: `old-${i}`, title: `Old ${i}` }));
    await applyFeed(database, url, before);
    const local = batch('local');
    await putMany(database, local);
    const stored = checksum(await database.entries.toArray(), (r) => r.id);
    // The new feed: 500 of the old entries changed, 1,500 new; the other 500 old ones leave the feed.
    const next = [...before.slice(0, 500).map((e) => ({ ...e, title: `Changed ${e.id}` })), ...v2Entries(1_500).map((e, i) => ({ ...e, id: `new-${i}` }))];
    failWritesAfter(after, () => new DOMException('The worker was stopped.', 'AbortError'));
    const error = await applyFeed(database, url, next).then(() => null, (e: unknown) => e);
    heal();
    tally.tried++;
    if (error === null) tally.bypasses++;
    expect(error).not.toBeNull();
    const now = await database.entries.toArray();
    if (checksum(now, (r) => r.id) !== stored) tally.lost++;
    expect(now).toHaveLength(2_000);
    expect(now.filter((r) => r.id.startsWith('new-'))).toEqual([]);
    expect(now.filter((r) => r.title.startsWith('Changed'))).toEqual([]);
    expect(checksum(now, (r) => r.id)).toBe(stored);
    // The next refresh applies it whole.
    await applyFeed(database, url, next);
    expect(await database.entries.where('source').equals(url).count()).toBe(2_000);
    database.close();
  }, 120_000);
});
