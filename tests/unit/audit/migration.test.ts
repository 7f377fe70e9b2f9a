import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendAuditEntry, clearAuditEntries, listAuditEntries, migrateLegacyAudit } from '../../../entrypoints/background/audit';
import { db } from '../../../utils/calendar/db';
import type { AuditEntry } from '../../../utils/audit/entry';

const entry = (n: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), platform: 'x', surface: 'post', memberId: null,
  rules: [{ id: 'confidential', level: 'error' }], reason: `reason ${n}`, policyName: 'Acme', policyVersion: 1, draftHash: String(n).padStart(64, '0'),
});

beforeEach(async () => {
  fakeBrowser.reset();
  await db().audit.clear();
});

describe('the v1 audit log in storage.local moves to the database once', () => {
  it('moves every entry, in order, and removes the old key', async () => {
    await fakeBrowser.storage.local.set({ audit: [entry(1), entry(2), entry(3)] });
    expect(await migrateLegacyAudit()).toBe(3);
    expect((await listAuditEntries()).map((r) => r.reason)).toEqual(['reason 3', 'reason 2', 'reason 1']);
    expect(await fakeBrowser.storage.local.get('audit')).toEqual({});
    expect(await migrateLegacyAudit()).toBe(0);
    expect(await listAuditEntries()).toHaveLength(3);
  });
  it('does not add an entry twice when a migration stopped half-way', async () => {
    await db().audit.add(entry(1));
    await fakeBrowser.storage.local.set({ audit: [entry(1), entry(2)] });
    await migrateLegacyAudit();
    expect((await listAuditEntries()).map((r) => r.reason)).toEqual(['reason 2', 'reason 1']);
  });
  it('keeps entries that no longer validate where they were, rather than losing them', async () => {
    const broken = { ...entry(9), draftHash: 'nope' };
    await fakeBrowser.storage.local.set({ audit: [entry(1), broken] });
    expect(await migrateLegacyAudit()).toBe(1);
    expect((await fakeBrowser.storage.local.get('audit')).audit).toEqual([broken]);
  });
});

describe('appends, reads and clears are serialized', () => {
  it('two overrides at once both land, after the migration', async () => {
    await fakeBrowser.storage.local.set({ audit: [entry(1)] });
    void migrateLegacyAudit();
    await Promise.all([appendAuditEntry(entry(2)), appendAuditEntry(entry(3))]);
    expect((await listAuditEntries()).map((r) => r.reason)).toEqual(['reason 3', 'reason 2', 'reason 1']);
  });
  it('a clear empties the log', async () => {
    await appendAuditEntry(entry(1));
    await clearAuditEntries();
    expect(await listAuditEntries()).toEqual([]);
  });
});
