// Faults: IndexedDB unavailable (private windows; indexedDB.open fails). Drafts are still checked, the
// calendar and the log say they cannot be saved, an override waits in storage.local, and nothing throws
// past the extension's own code (an unhandled rejection fails this file).
import './support/no-indexeddb';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendAuditEntry, migrateLegacyAudit, readAuditLog } from '../../entrypoints/background/audit';
import { compile } from '../../utils/check/engine';
import { db } from '../../utils/calendar/db';
import { refreshFeed } from '../../utils/calendar/feed';
import { computeSnapshot, watchSnapshot } from '../../utils/calendar/snapshot';
import { putMany, saveEntry, StoreError } from '../../utils/calendar/store';
import { validatePolicy } from '../../utils/policy/validate';
import { DEMO_POLICY } from '../../utils/policy/demo';
import { storeErrorText } from '../../components/calendar/storage-problem';
import { auditItem } from '../../utils/storage';
import { auditRows, v2Entries } from '../fixtures/calendar/schema-fixtures';
import { recordTrust } from './figures';

const tally = { tried: 0, crashes: 0, bypasses: 0, lost: 0 };
const t = ((key: string) => key) as never;

beforeEach(() => fakeBrowser.reset());
afterAll(() => {
  recordTrust({ area: 'Faults and upgrades', check: 'IndexedDB unavailable: checks, calendar, log (unit)', ...tally });
});

describe('without IndexedDB', () => {
  it('drafts are still checked (the engine needs no storage)', () => {
    tally.tried++;
    const engine = compile(validatePolicy(DEMO_POLICY));
    const result = engine.check({ text: 'The code name is Atlas 2!!!', platform: 'x', surface: 'post' });
    expect(result.findings.map((f) => f.ruleId)).toContain('confidential');
  });

  it.each([
    ['saving an entry', () => saveEntry(db(), v2Entries(1)[0]!)],
    ['importing entries', () => putMany(db(), v2Entries(20))],
  ])('%s says the plan cannot be saved here, in the member\'s words', async (_, write) => {
    tally.tried++;
    const error = await write().then(() => null, (e: unknown) => e);
    if (error === null) tally.bypasses++;
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('unavailable');
    expect(storeErrorText(error, t)).toBe('popup.storageUnavailable');
  });

  it('an override waits in storage.local; the log says why; a wake retries without throwing', async () => {
    const [entry] = auditRows(1);
    tally.tried++;
    expect(await appendAuditEntry(entry!)).toEqual({ saved: false, pending: 1, problem: 'unavailable' });
    expect(await auditItem.getValue()).toEqual([entry]);
    expect(await readAuditLog()).toEqual({ entries: [], pending: [entry], problem: 'unavailable' });
    expect(await migrateLegacyAudit()).toBe(0);
    expect(await auditItem.getValue()).toEqual([entry]);
    tally.lost += 1 - (await auditItem.getValue()).length;
  });

  it('the background\'s calendar work reports instead of throwing: the composer snapshot and a feed refresh', async () => {
    tally.tried += 2;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(computeSnapshot(db())).rejects.toThrow(/did not allow mutations/);
    const published = vi.fn();
    const stop = watchSnapshot(db(), published);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop();
    expect(published).not.toHaveBeenCalled();
    const body = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a', 'DTSTART;VALUE=DATE:20261201', 'SUMMARY:A', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const state = await refreshFeed(db(), 'https://plan.acme.example/team.ics', null, (async () => new Response(body)) as typeof fetch);
    expect(state.lastError).toMatch(/cannot save data/);
    warn.mockRestore();
  });
});
