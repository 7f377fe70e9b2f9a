import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EARLY_KEYS, startEarlyReads, takeStoredSettings, takeTodayRead } from '../../../components/calendar/early-read';
import { firstSettings } from '../../../components/calendar/first-settings';
import { DB_NAME, PortavoceDb, SCHEMA } from '../../../utils/calendar/db';
import { calendarEntrySchema, type CalendarEntryInput } from '../../../utils/calendar/entry';
import { READABLE_DB, rowsOverlappingWithoutDexie } from '../../../utils/calendar/read-without-dexie';
import { putMany } from '../../../utils/calendar/store';
import { addDays, dayIn, dayRange, localZone } from '../../../utils/calendar/time';
import { activePolicyItem, memberItem, settingsItem, type ActivePolicy } from '../../../utils/storage';
import { v1Entries, writeV1Database } from '../../fixtures/calendar/v1-database';

// The early script in popup.html's head reads today before the popup's modules load; the popup takes the read
// up, or reads itself. Every unusual database is left as it was, for Dexie to open (or to report) as before.
let database: PortavoceDb;
const dexie = () => new PortavoceDb(DB_NAME, undefined, { indexedDB: globalThis.indexedDB, IDBKeyRange });
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  database = dexie();
  // No read left over from another test.
  takeTodayRead('', '', 0, 0);
  void takeStoredSettings();
});

const tz = localZone();
const today = () => dayIn(Date.now(), tz);
const todayRange = () => dayRange(today(), addDays(today(), 1), tz);
/** A slot at 09:00 today (a row read is a candidate: an all-day entry of tomorrow touches today's end). */
const entry = (e: Partial<CalendarEntryInput>) => calendarEntrySchema.parse({ id: `e${Math.random()}`, title: 'T', start: `${today()}T09:00`, tz, kind: 'slot', ...e });
const ids = (rows: { id: string }[] | null) => rows?.map((r) => r.id).sort() ?? null;

/** What the popup asks for: today's range, in the early script's terms. */
const take = () => {
  const { start, end } = todayRange();
  return takeTodayRead(today(), tz, start, end);
};

async function rawVersion(): Promise<number | undefined> {
  return (await indexedDB.databases()).find((d) => d.name === DB_NAME)?.version;
}

describe('the early read of today', () => {
  it('a current database: the popup takes the early read, the same rows as its own read', async () => {
    await putMany(database, [entry({ id: 'today' }), entry({ id: 'tomorrow', start: `${addDays(today(), 1)}T09:00` }), entry({ id: 'quiet', kind: 'quiet-period', start: addDays(today(), -3), end: addDays(today(), 3) })]);
    database.close();
    startEarlyReads();
    const rows = await take();
    expect(ids(rows)).toEqual(['quiet', 'today']);
    const { start, end } = todayRange();
    expect(ids(await rowsOverlappingWithoutDexie(start, end))).toEqual(ids(rows));
  });

  it('is taken once: a second ask reads afresh (and sees a change made since)', async () => {
    await putMany(database, [entry({ id: 'first' })]);
    startEarlyReads();
    expect(ids(await take())).toEqual(['first']);
    await putMany(database, [entry({ id: 'second' })]);
    expect(ids(await take())).toEqual(['first', 'second']);
  });

  it('made for another day (the popup opened across midnight) or zone: not used, today is read afresh', async () => {
    await putMany(database, [entry({ id: 'today' }), entry({ id: 'tomorrow', start: `${addDays(today(), 1)}T09:00` })]);
    startEarlyReads();
    const { start, end } = dayRange(addDays(today(), 1), addDays(today(), 2), tz);
    expect(ids(await takeTodayRead(addDays(today(), 1), tz, start, end))).toEqual(['tomorrow']);
    startEarlyReads();
    const other = tz === 'UTC' ? 'Asia/Tokyo' : 'UTC';
    const range = dayRange(today(), addDays(today(), 1), other);
    expect(await takeTodayRead(today(), other, range.start, range.end)).not.toBeNull();
  });

  it('no early read (the script failed to load): the popup reads itself', async () => {
    await putMany(database, [entry({ id: 'today' })]);
    expect(ids(await take())).toEqual(['today']);
  });

  it('first install, no database yet: null, none is created, and Dexie then creates it with its schema', async () => {
    startEarlyReads();
    expect(await take()).toBeNull();
    expect(await rawVersion()).toBeUndefined();
    await database.open();
    expect(database.verno).toBe(SCHEMA.at(-1)!.version);
    expect(database.tables.map((t) => t.name).sort()).toEqual(['audit', 'entries']);
  });

  it('an older schema: null, the database is left as it was, and Dexie upgrades it with every entry', async () => {
    await writeV1Database(DB_NAME, v1Entries(20), { indexedDB: globalThis.indexedDB, IDBKeyRange });
    const before = await rawVersion();
    startEarlyReads();
    expect(await take()).toBeNull();
    expect(await rawVersion()).toBe(before);
    expect(await database.entries.count()).toBe(20);
    expect(database.verno).toBe(SCHEMA.at(-1)!.version);
  });

  it('a newer schema (a later version of the extension ran): null, and the database is left at its version', async () => {
    await database.open();
    database.close();
    const newer = READABLE_DB.version + 10;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, newer);
      request.onsuccess = () => (request.result.close(), resolve());
      request.onerror = () => reject(request.error);
    });
    startEarlyReads();
    expect(await take()).toBeNull();
    expect(await rawVersion()).toBe(newer);
  });

  it('an upgrade asked for while the early read is open is not blocked: the early connection gives way', async () => {
    await putMany(database, [entry({ id: 'today' })]);
    database.close();
    startEarlyReads();
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, READABLE_DB.version + 10);
      request.onblocked = () => reject(new Error('blocked by the early read'));
      request.onsuccess = () => (request.result.close(), resolve(request.result.version));
      request.onerror = () => reject(request.error);
    });
    expect(upgraded).toBe(READABLE_DB.version + 10);
    const rows = await take();
    expect(rows === null || ids(rows)!.includes('today')).toBe(true);
  });
});

describe('the early read of the language, member and policy', () => {
  // The early script reads storage.local with the extension API itself (no wxt storage in it): the fake one here.
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.i18n.getUILanguage = () => 'it-IT';
    (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  });
  afterEach(() => {
    delete (globalThis as { chrome?: unknown }).chrome;
    vi.restoreAllMocks();
  });
  const policy = { name: 'Acme', members: [{ id: 'giulia' }] } as unknown as ActivePolicy['policy'];
  const active = (origin: string | null): ActivePolicy => ({ policy, source: 'file', loadedAt: '2026-11-27T10:00:00Z', origin, fingerprint: 'f' });

  it('reads the keys of the storage items', () => {
    expect([settingsItem.key, memberItem.key, activePolicyItem.key]).toEqual([EARLY_KEYS.settings, EARLY_KEYS.member, EARLY_KEYS.activePolicy].map((k) => `local:${k}`));
    expect(EARLY_KEYS.activePolicyMeta).toBe(`${EARLY_KEYS.activePolicy}$`);
  });

  it('current values: the popup takes them from the early read, as the items give them', async () => {
    await Promise.all([memberItem.setValue('giulia'), activePolicyItem.setValue(active('acme.yaml'))]);
    startEarlyReads();
    const throughItems = [vi.spyOn(memberItem, 'getValue'), vi.spyOn(activePolicyItem, 'getValue')];
    const early = await firstSettings();
    for (const spy of throughItems) expect(spy).not.toHaveBeenCalled();
    expect(early.me).toBe('giulia');
    expect(early.policy).toEqual(policy);
    expect(early.translator.locale).toBe('it');
    expect(await firstSettings()).toMatchObject({ me: await memberItem.getValue(), policy: (await activePolicyItem.getValue())!.policy });
  });

  it('nothing stored yet (first install): the items\' fallbacks', async () => {
    startEarlyReads();
    expect(await firstSettings()).toMatchObject({ me: null, policy: null });
  });

  it('a policy stored in an older format: read through the item, which migrates it', async () => {
    await fakeBrowser.storage.local.set({ [EARLY_KEYS.activePolicy]: { policy, source: 'file', loadedAt: '2026-11-27T10:00:00Z' }, [EARLY_KEYS.activePolicyMeta]: { v: 1 } });
    startEarlyReads();
    const stored = await takeStoredSettings();
    expect(stored?.[EARLY_KEYS.activePolicyMeta]).toEqual({ v: 1 });
    startEarlyReads();
    const throughItem = vi.spyOn(activePolicyItem, 'getValue');
    expect((await firstSettings()).policy).toEqual(policy);
    expect(throughItem).toHaveBeenCalled();
  });

  it('no extension API in the early script, or a failed read: the items answer', async () => {
    await memberItem.setValue('marco');
    delete (globalThis as { chrome?: unknown }).chrome;
    startEarlyReads();
    expect(await takeStoredSettings()).toBeNull();
    (globalThis as { chrome?: unknown }).chrome = { storage: { local: { get: () => Promise.reject(new Error('gone')) } } };
    startEarlyReads();
    expect(await firstSettings()).toMatchObject({ me: 'marco' });
  });
});
