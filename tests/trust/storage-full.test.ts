// Faults: the disk is full (IndexedDB's QuotaExceededError, raised part-way through the writes). The member
// is told, nothing stored changes (checksum over every row), and an override's audit entry is kept in
// storage.local (or, when that refuses too, in the browser's memory) and retried — on the next append, on
// reading the log, on the alarm — until it lands, once.
import 'fake-indexeddb/auto';
import { diskFullAfter, heal } from './support/idb-faults';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUDIT_RETRY_ALARM, appendAuditEntry, flushPendingAudit, migrateLegacyAudit, readAuditLog, registerAudit } from '../../entrypoints/background/audit';
import { db } from '../../utils/calendar/db';
import { importBackup, exportBackup } from '../../utils/calendar/backup';
import { applyFeed } from '../../utils/calendar/feed';
import { fromRow } from '../../utils/calendar/migrations';
import { putMany, saveEntry, setStatus, StoreError } from '../../utils/calendar/store';
import { auditItem, auditStatusItem } from '../../utils/storage';
import { auditSessionItem } from '../../entrypoints/background/audit-waiting';
import { auditRows, checksum, v2Entries } from '../fixtures/calendar/schema-fixtures';
import { recordTrust } from './figures';

const tally = { tried: 0, crashes: 0, bypasses: 0, lost: 0 };
let stored = { entries: '', audit: '' };
const sums = async () => ({ entries: checksum(await db().entries.toArray(), (r) => r.id), audit: checksum(await db().audit.toArray(), (r) => r.seq) });

/** Runs a write on a full disk: it must fail as "disk full" and change nothing. */
async function refusedOnFullDisk(name: string, allowance: number, write: () => Promise<unknown>): Promise<void> {
  tally.tried++;
  diskFullAfter(allowance);
  let error: unknown = null;
  try {
    await write();
    tally.bypasses++;
  } catch (e) {
    error = e;
  } finally {
    heal();
  }
  const after = await sums();
  if (after.entries !== stored.entries || after.audit !== stored.audit) tally.lost++;
  expect(error, name).toBeInstanceOf(StoreError);
  expect((error as StoreError).reason).toBe('disk-full');
  expect((error as StoreError).message).toBe('The disk is full: nothing was changed.');
  expect(after).toEqual(stored);
}

beforeEach(async () => {
  heal();
  fakeBrowser.reset();
  await db().entries.clear();
  await db().audit.clear();
  await putMany(db(), v2Entries(300), undefined, { keepUpdatedAt: true });
  await db().audit.bulkAdd(auditRows(200));
  stored = await sums();
});
afterAll(() => {
  recordTrust({ area: 'Faults and upgrades', check: 'storage full (QuotaExceededError): calendar writes, audit entries', ...tally });
});

describe('the calendar on a full disk', () => {
  const incoming = v2Entries(2_000).map((e, i) => ({ ...e, id: `incoming-${i}`, title: `Incoming ${i}` }));
  it.each([
    ['a new entry (popup)', 0, () => saveEntry(db(), { ...incoming[0]!, id: 'new-one' })],
    ['an edited entry (popup)', 0, async () => saveEntry(db(), { ...fromRow((await db().entries.get('v2-entry-1'))!), title: 'Edited' })],
    ['marked published (composer → background)', 0, () => setStatus(db(), 'v2-entry-1', null, 'published')],
    ['an ICS import of 2,000 entries, full after 1,200', 1_200, () => putMany(db(), incoming)],
    ['a backup restore of 300 entries, full after 150', 150, async () => {
      const copy = await exportBackup(db());
      const text = copy.replace(/"id": "v2-entry-/g, '"id": "restored-');
      return importBackup(db(), text);
    }],
    ['a team feed of 2,000 entries, full after 1,999', 1_999, () => applyFeed(db(), 'https://plan.acme.example/team.ics', incoming)],
  ] as const)('%s: "disk full", nothing changed', async (name, allowance, write) => {
    await refusedOnFullDisk(name, allowance, write);
  });
});

describe('an override on a full disk', () => {
  const override = (n: number) => ({ ...auditRows(300)[250 + n]!, at: new Date(Date.UTC(2026, 5, 1, 0, n)).toISOString() });

  it('is kept in storage.local, in order, said in the toolbar and the options page, and retried until it lands, once', async () => {
    registerAudit();
    diskFullAfter(0);
    const results = [];
    for (const n of [1, 2, 3]) results.push(await appendAuditEntry(override(n)));
    tally.tried += 3;
    expect(results).toEqual([1, 2, 3].map((pending) => ({ saved: false, pending, problem: 'disk-full' })));
    expect(await auditItem.getValue()).toEqual([override(1), override(2), override(3)]);
    expect(await auditStatusItem.getValue()).toMatchObject({ pending: 3, problem: 'disk-full' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/3 audit entries wait to be saved \(the disk is full\); retrying every minute/);
    expect(await fakeBrowser.alarms.get(AUDIT_RETRY_ALARM)).toMatchObject({ periodInMinutes: 1 });
    expect(await readAuditLog()).toMatchObject({ pending: [override(1), override(2), override(3)], problem: 'disk-full' });
    expect(await sums()).toEqual(stored);

    // Still full: the alarm's retry keeps them; a wake of the worker too.
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUDIT_RETRY_ALARM, scheduledTime: Date.now() });
    await flushPendingAudit();
    expect(await migrateLegacyAudit()).toBe(0);
    expect(await auditItem.getValue()).toHaveLength(3);

    // Room again: the next retry (the alarm) moves them, in order, and everything is back to normal.
    heal();
    await fakeBrowser.alarms.onAlarm.trigger({ name: AUDIT_RETRY_ALARM, scheduledTime: Date.now() });
    await flushPendingAudit();
    const log = await readAuditLog();
    expect(log.pending).toBeUndefined();
    expect(log.entries.slice(0, 3).map((r) => r.at)).toEqual([override(3).at, override(2).at, override(1).at]);
    expect(log.entries).toHaveLength(203);
    expect(await auditItem.getValue()).toEqual([]);
    expect(await auditStatusItem.getValue()).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get(AUDIT_RETRY_ALARM)).toBeUndefined();
    tally.lost += 3 - log.entries.filter((r) => r.at >= override(1).at).length;
  });

  it('an override after the disk has room again lands after the ones that waited (order kept)', async () => {
    diskFullAfter(0);
    await appendAuditEntry(override(1));
    heal();
    expect(await appendAuditEntry(override(2))).toEqual({ saved: true });
    tally.tried += 2;
    const newest = (await readAuditLog()).entries.slice(0, 2);
    expect(newest.map((r) => r.at)).toEqual([override(2).at, override(1).at]);
    expect(newest[0]!.seq).toBeGreaterThan(newest[1]!.seq!);
  });

  it('storage.local refusing too (a physically full disk): the override waits in the browser\'s memory, then lands, once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const noSpace = () => Promise.reject(new Error('IO error: .../000123.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)'));
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(noSpace);
    try {
      diskFullAfter(0);
      expect(await appendAuditEntry(override(1))).toEqual({ saved: false, pending: 1, problem: 'disk-full' });
      expect(await auditItem.getValue()).toEqual([]);
      expect(await auditSessionItem.getValue()).toEqual([override(1)]);
      // storage.session refuses as well (its quota spent): this worker's memory, retried on a timer of its own.
      const sessionSet = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(noSpace);
      expect(await appendAuditEntry(override(2))).toEqual({ saved: false, pending: 2, problem: 'disk-full' });
      sessionSet.mockRestore();
      expect(await auditSessionItem.getValue()).toEqual([override(1)]);
      expect(await readAuditLog()).toMatchObject({ pending: [override(1), override(2)], problem: 'disk-full' });
      expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
      tally.tried += 2;

      heal();
      await vi.advanceTimersByTimeAsync(10_000); // no alarm, no append, no read: the memory's own retry
      await vi.waitFor(async () => expect(await db().audit.count()).toBe(202));
      const log = await readAuditLog();
      expect(log.pending).toBeUndefined();
      expect(log.entries.slice(0, 2).map((r) => r.at)).toEqual([override(2).at, override(1).at]);
      expect(log.entries).toHaveLength(202);
      expect(await auditSessionItem.getValue()).toEqual([]);
      expect(await fakeBrowser.action.getBadgeText({})).toBe('');
      tally.lost += 2 - log.entries.filter((r) => r.at >= override(1).at).length;
    } finally {
      localSet.mockRestore();
      vi.useRealTimers();
    }
  });

  it('a database that does not answer (Chromium retrying its backing store): written ahead, answered in time, landed once when it answers late', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const database = db();
    const real = database.transaction.bind(database) as (...args: unknown[]) => Promise<unknown>;
    const late: (() => void)[] = [];
    const waitingWhenAsked: unknown[] = [];
    const transaction = vi.spyOn(database, 'transaction').mockImplementation(((...args: unknown[]) => {
      const asked = auditItem.getValue().then((w) => void waitingWhenAsked.push(w.length));
      return new Promise((resolve, reject) => late.push(() => void asked.then(() => real(...args)).then(resolve, reject)));
    }) as never);
    try {
      const answer = appendAuditEntry(override(1));
      await vi.advanceTimersByTimeAsync(4_900);
      expect(await auditItem.getValue()).toEqual([override(1)]); // kept before the database answers at all
      await vi.advanceTimersByTimeAsync(200);
      expect(await answer).toEqual({ saved: false, pending: 1, problem: 'failed' });
      expect(waitingWhenAsked).toEqual([1]); // written ahead: already waiting when the database was first asked
      expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
      // The queue did not stay stuck behind the call that never answered: the log can still be read.
      const read = readAuditLog();
      await vi.advanceTimersByTimeAsync(5_100);
      expect(await read).toMatchObject({ pending: [override(1)], problem: 'failed' });
      expect(await db().audit.count()).toBe(200);

      // The database answers at last: the late moves land the entry, and the next retry does not add it again.
      transaction.mockRestore();
      late.forEach((answerNow) => answerNow());
      await vi.waitFor(async () => expect(await db().audit.count()).toBe(201));
      await flushPendingAudit();
      expect(await db().audit.count()).toBe(201);
      expect(await auditItem.getValue()).toEqual([]);
      expect(await fakeBrowser.action.getBadgeText({})).toBe('');
      tally.tried++;
    } finally {
      transaction.mockRestore();
      vi.useRealTimers();
    }
  });

  it('the disk filling up during the retry itself keeps every waiting entry (the retry is one transaction)', async () => {
    diskFullAfter(0);
    for (const n of [1, 2, 3, 4]) await appendAuditEntry(override(n));
    diskFullAfter(2); // two of the four would fit
    await flushPendingAudit();
    expect(await auditItem.getValue()).toHaveLength(4);
    expect(await db().audit.count()).toBe(200);
    heal();
    await flushPendingAudit();
    expect(await db().audit.count()).toBe(204);
    tally.tried += 4;
  });
});
