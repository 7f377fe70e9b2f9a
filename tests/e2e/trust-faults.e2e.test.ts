// Faults in Chromium, on the built extension:
// - three extension contexts write 1,000 entries each at the same moment (an ICS import in the popup, a backup
//   restore in the options page, the team feed in the service worker): exactly 3,000 stored;
// - the service worker is closed through CDP (Target.closeTarget) while it applies a 5,000-entry feed (caught in
//   the act: a read of the entries waits behind its write transaction): nothing of the new feed is stored, the old
//   one is whole, and the next wake applies the new one whole;
// - the disk is full (CDP Storage.overrideQuotaForOrigin: IndexedDB raises a real QuotaExceededError): the popup
//   says so and changes nothing, an override's audit entry waits in storage.local — or storage.session when
//   storage.local cannot write either ("!" on the toolbar, the reason in the options page) and lands once there is room;
// - IndexedDB unavailable (a copy of the build whose indexedDB.open throws in every extension context, as in
//   Firefox's private windows): drafts are checked and gated, popup and options say the plan and the log cannot be
//   saved, the override waits in storage.local, no page error.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { ensureExtensionBuilt, launchHarness, modelText, postedTexts, type Harness } from './harness';
import { startFeedServer, type FeedServer } from './feed-server';
import { focused, overlayOf, SEL } from './composer-helpers';
import { recordTrust } from '../trust/figures';

/** The extension API, as evaluated inside the worker and the extension pages. */
interface StorageArea { set(v: Record<string, unknown>): Promise<void>; get(k: string | string[]): Promise<Record<string, any>> }
declare const chrome: {
  storage: { local: StorageArea; session: StorageArea };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
};

let h: Harness;
let feed: FeedServer;
const pageErrors: string[] = [];
const figures = { concurrent: { tried: 0, lost: 0 }, kill: { tried: 0, lost: 0, note: '' }, full: { tried: 0, lost: 0, bypasses: 0, note: '' }, noIdb: { tried: 0, crashes: 0, lost: 0 } };

const ics = (events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//trust//EN', ...events.flatMap((e) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
const events = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => [`UID:${prefix}-${i}`, `SUMMARY:${prefix} ${i}`, `DTSTART;VALUE=DATE:2026${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`]);
const backup = (prefix: string, n: number) =>
  JSON.stringify({
    format: 'portavoce-calendar-backup', version: 1, exportedAt: '2026-01-01T00:00:00Z',
    entries: Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, title: `${prefix} ${i}`, start: '2026-12-01', kind: 'slot', topics: [], platforms: [], status: 'planned', source: 'local' })),
  });

async function extensionPage(path: string): Promise<Page> {
  const page = await h.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(h.extensionUrl(path));
  return page;
}

/** Every stored entry and audit row, read with the plain IndexedDB API (not the extension's code), and a checksum of them. */
function readStore(page: Page): Promise<{ entries: { id: string; source: string; title: string }[]; audit: number; sum: string }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('portavoce')) return { entries: [], audit: 0, sum: '' };
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('portavoce');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) => new Promise<any[]>((resolve, reject) => {
      const request = database.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const [entries, audit] = [await all('entries'), await all('audit')];
    database.close();
    const bytes = new TextEncoder().encode(JSON.stringify([entries, audit]));
    const sum = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { entries: entries.map((e) => ({ id: e.id, source: e.source, title: e.title })), audit: audit.length, sum };
  });
}
const withPrefix = (entries: { id: string }[], prefix: string) => entries.filter((e) => e.id.startsWith(`${prefix}-`)).length;

async function cdp(page: Page): Promise<CDPSession> {
  return h.context.newCDPSession(page);
}

/** Types a draft with an error-level finding on X, then publishes it past the gate with a reason. */
async function overrideOnX(harness: Harness): Promise<Page> {
  const page = await harness.openPage('https://x.com/home');
  const editor = page.locator(SEL.xEditor());
  await editor.click();
  await focused(editor);
  await page.keyboard.type('The code name is Atlas 2');
  await expect.poll(() => modelText(editor)).toBe('The code name is Atlas 2');
  const overlay = await overlayOf(editor);
  await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
  await page.locator(SEL.xInlineButton).click();
  const gate = overlay.locator('[data-gate]');
  await expect.poll(() => gate.count()).toBe(1);
  expect(await postedTexts(page)).toEqual([]);
  await gate.locator('textarea[data-reason]').fill('Approved by comms');
  await gate.locator('[data-action="publish-anyway"]').click();
  // Out once the background has the entry written ahead and its move tried (at most its 5 s database wait).
  await expect.poll(() => postedTexts(page), { timeout: 15_000 }).toEqual(['The code name is Atlas 2']);
  return page;
}

/** A 64 MB tmpfs of our own for a browser profile, or null where mounting is not allowed. */
function smallDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'portavoce-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

/**
 * Fills the disk to its last byte (dd stops at "No space left on device"), in a new file each time: the
 * browser frees a little after a failed write (a log it drops), which the next call takes back.
 */
function fill(disk: string): void {
  spawnSync('dd', ['if=/dev/zero', `of=${join(disk, `filler-${fills++}`)}`, 'bs=4k'], { stdio: 'ignore' });
  expect(Number(execFileSync('df', ['--output=avail', '-k', disk]).toString().split('\n')[1]!.trim())).toBe(0);
}
let fills = 0;

/** Room again. */
function empty(disk: string): void {
  for (let i = 0; i < fills; i++) rmSync(join(disk, `filler-${i}`), { force: true });
}

function unmount(disk: string): void {
  spawnSync('umount', [disk], { stdio: 'ignore' });
  rmSync(disk, { recursive: true, force: true });
}

const worker = () => h.context.serviceWorkers().at(-1)!;
const t0 = Date.now();
const log = (what: string) => process.env.PORTAVOCE_E2E_LOG && console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
const local = (key: string) => worker().evaluate((k) => chrome.storage.local.get(k).then((v) => v[k]), key);
/** Overrides waiting to be saved: storage.local first, then storage.session (entrypoints/background/audit-waiting.ts). */
const waiting = async (): Promise<unknown[]> => [
  ...((await local('audit')) ?? []),
  ...((await worker().evaluate(() => chrome.storage.session.get('auditWaiting').then((v) => v.auditWaiting))) ?? []),
];

beforeAll(async () => {
  feed = await startFeedServer();
  h = await launchHarness();
  await feed.allow(h.context);
});
afterAll(async () => {
  await h?.close();
  await feed?.close();
  recordTrust({ area: 'Faults and upgrades', check: 'browser: popup + options + worker writing 1,000 entries each at once', tried: figures.concurrent.tried, crashes: 0, bypasses: 0, lost: figures.concurrent.lost });
  recordTrust({ area: 'Faults and upgrades', check: 'browser: worker closed (CDP) mid feed merge', tried: figures.kill.tried, crashes: 0, bypasses: 0, lost: figures.kill.lost, note: figures.kill.note });
  recordTrust({ area: 'Faults and upgrades', check: 'browser: disk full (profile on a full tmpfs), popup write + override', tried: figures.full.tried, crashes: 0, bypasses: figures.full.bypasses, lost: figures.full.lost, note: figures.full.note });
  recordTrust({ area: 'Faults and upgrades', check: 'browser: IndexedDB unavailable (check, gate, popup, options)', tried: figures.noIdb.tried, crashes: figures.noIdb.crashes, bypasses: 0, lost: figures.noIdb.lost });
});

describe('faults in the browser', () => {
  it('popup, options and service worker write 1,000 entries each at the same moment: exactly 3,000 stored', async () => {
    const popup = await extensionPage('popup.html');
    await popup.locator('[data-view="today"]').waitFor();
    const options = await extensionPage('options.html');
    const restore = options.locator('input[type=file][data-import="backup"]');
    await restore.waitFor({ state: 'attached' });
    feed.body = ics(events('feed', 1_000));
    await Promise.all([
      popup.locator('input[type=file][data-import="ics"]').setInputFiles({ name: 'plan.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics(events('popup', 1_000))) }),
      restore.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup('options', 1_000)) }),
      worker().evaluate((url) => chrome.storage.local.set({ calendarFeedUrl: url }), feed.url),
    ]);
    await expect.poll(() => popup.locator('[data-notice]').textContent(), { timeout: 30_000 }).toMatch(/1000 new/);
    await expect.poll(() => options.locator('[data-calendar-note]').textContent(), { timeout: 30_000 }).toMatch(/1000/);
    await expect.poll(async () => (await local('calendarFeedState'))?.count, { timeout: 30_000 }).toBe(1_000);
    const { entries } = await readStore(popup);
    figures.concurrent = { tried: 3_000, lost: 3_000 - entries.length };
    expect(entries).toHaveLength(3_000);
    for (const prefix of ['popup', 'options', 'feed']) expect(withPrefix(entries, prefix)).toBe(1_000);
    await options.close();
    await popup.close();
  }, 120_000);

  it('the service worker closed while it applies a 5,000-entry feed: nothing of it stored, the old feed whole; the next wake applies it whole', async () => {
    const page = await extensionPage('popup.html');
    const before = await readStore(page);
    expect(withPrefix(before.entries, 'feed')).toBe(1_000);
    feed.body = ics(events('big', 5_000));
    feed.etag = '"2"';
    const session = await cdp(page);
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(h.extensionUrl('')))!;
    expect(target).toBeDefined();
    await page.evaluate(() => void chrome.runtime.sendMessage({ type: 'calendar:refresh-feed' }).catch(() => undefined));
    log('refresh asked');
    // Served: from here the worker parses the calendar, then merges it in one transaction.
    const sent = feed.sent;
    await expect.poll(() => feed.sent, { timeout: 30_000, interval: 5 }).toBeGreaterThan(sent);
    log('feed served');
    // In the act: a read of the entries that does not finish within 40 ms is waiting behind the feed's write transaction.
    const waitedMs = await page.evaluate(async () => {
      const database = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('portavoce');
        request.onsuccess = () => resolve(request.result);
      });
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        const started = Date.now();
        const read = new Promise((resolve) => (database.transaction('entries').objectStore('entries').count().onsuccess = resolve));
        const blocked = await Promise.race([read.then(() => false), new Promise((resolve) => setTimeout(resolve, 40, true))]);
        if (blocked) {
          database.close();
          return Date.now() - started;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      database.close();
      return -1;
    });
    expect(waitedMs).toBeGreaterThan(0);
    log(`a read waited ${waitedMs} ms: closing the worker`);
    await session.send('Target.closeTarget', { targetId: target.targetId });
    // A loaded machine has taken over 15 s to close a worker in the middle of that transaction.
    await expect.poll(async () => (await session.send('Target.getTargets')).targetInfos.some((t) => t.targetId === target.targetId), { timeout: 40_000, interval: 20 }).toBe(false);
    log('worker closed');
    await session.detach();
    const after = await readStore(page);
    log(`after: ${after.entries.length} entries`);
    figures.kill.tried = 5_000;
    figures.kill.lost = before.sum === after.sum ? 0 : 1;
    expect(withPrefix(after.entries, 'big')).toBe(0);
    expect(withPrefix(after.entries, 'feed')).toBe(1_000);
    expect(after.sum).toBe(before.sum);

    // The next wake (a message) refreshes the feed again, and this time it lands whole.
    await expect.poll(async () => {
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'calendar:refresh-feed' }).catch(() => undefined));
      return withPrefix((await readStore(page)).entries, 'big');
    }, { timeout: 60_000, interval: 500 }).toBe(5_000);
    const whole = await readStore(page);
    expect(withPrefix(whole.entries, 'feed')).toBe(0);
    expect(whole.entries).toHaveLength(7_000);
    figures.kill.note = `closed after a read waited ${waitedMs} ms behind the merge`;
    await page.close();
  }, 180_000);

  // A really full disk: the browser's profile on a small tmpfs of its own, filled to the last byte. (CDP's
  // Storage.overrideQuotaForOrigin is not applied to the extension's origin by Chromium 156.) Needs root's
  // `mount`; where it is refused the test says so and is skipped.
  it('a full disk: the popup says so and changes nothing; an override waits (storage.local, else the browser memory), is shown, and lands when there is room', async (ctx) => {
    const disk = smallDisk();
    if (!disk) return ctx.skip('cannot mount a tmpfs here (not root, or no mount in this container)');
    const main = h;
    h = await launchHarness({ userDataDir: join(disk, 'profile') });
    try {
      const popup = await extensionPage('popup.html');
      await popup.locator('[data-view="today"]').waitFor();
      const x0 = await overrideOnX(h); // a first override lands: the log has a row before the disk fills
      await x0.close();
      const options0 = await extensionPage('options.html#audit');
      await expect.poll(() => options0.locator('[data-audit-row]').count(), { timeout: 10_000 }).toBe(1);
      await options0.close();
      const before = await readStore(popup);
      fill(disk);
      await popup.locator('input[type=file][data-import="ics"]').setInputFiles({ name: 'more.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics(events('full', 50))) });
      await expect.poll(() => popup.locator('[data-notice]').textContent(), { timeout: 20_000 }).toMatch(/The disk is full: nothing was changed/);
      fill(disk);
      const x = await overrideOnX(h);
      figures.full.tried = 2;
      // The override is written ahead (storage.local, or storage.session when storage.local cannot write on the
      // full disk either), then tried in the database. A "full" tmpfs still has room inside the last page of
      // each of the database's own files, so a small row sometimes fits (seen under load): then it is simply
      // saved. Either way it is never lost and lands once; the waiting path itself is also proven
      // deterministically in tests/trust/storage-full.test.ts.
      const auditCount = () => worker().evaluate(() => new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('portavoce');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const count = request.result.transaction('audit').objectStore('audit').count();
          count.onsuccess = () => (request.result.close(), resolve(count.result));
          count.onerror = () => reject(count.error);
        };
      })).catch(() => -1);
      let outcome: 'waits' | 'saved' | 'unknown' = 'unknown';
      for (const until = Date.now() + 20_000; outcome === 'unknown' && Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
        if ((await waiting()).length === 1) outcome = 'waits';
        else if ((await auditCount()) === before.audit + 1) outcome = 'saved';
      }
      log(`the override on the full disk: ${outcome}`);
      figures.full.note = outcome === 'saved' ? 'this run, the database took the override (room left in its own files)' : 'this run, the override waited, then landed';
      expect(outcome).not.toBe('unknown');
      let options: Page | undefined;
      if (outcome === 'waits') {
        expect((await waiting())[0]).toMatchObject({ reason: 'Approved by comms', rules: [{ id: 'confidential', level: 'error' }] });
        // The background's connection was closed by the popup's failed write, and Chromium cannot open the
        // backing store again on a full disk ("Internal error opening backing store", or no answer for a long
        // time under load): a failure, said as such once the open fails or its 5 s wait is over.
        await expect.poll(() => worker().evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 }).toBe('!');
        expect(await worker().evaluate(() => chrome.action.getTitle({}))).toMatch(/1 audit entry waits to be saved \(the database failed\)/);
        options = await extensionPage('options.html#audit');
        await expect.poll(() => options!.locator('[data-audit-pending]').textContent(), { timeout: 10_000 }).toMatch(/The log could not be saved.*1 overrides wait to be saved/);
      }

      // Room again (the backing store cannot even be opened on a full disk, so this is the first look): what was
      // stored is intact and nothing of the refused import is there; the next read of the log retries, and the
      // waiting entry lands once.
      empty(disk);
      const during = await readStore(popup);
      figures.full.lost = during.sum === before.sum ? 0 : 1;
      expect(during.sum).toBe(before.sum);
      figures.full.bypasses = withPrefix(during.entries, 'full');
      expect(figures.full.bypasses).toBe(0);
      if (options) await options.reload();
      else options = await extensionPage('options.html#audit');
      await expect.poll(() => options!.locator('[data-audit-row]').count(), { timeout: 10_000 }).toBe(before.audit + 1);
      expect(await options.locator('[data-audit-pending]').count()).toBe(0);
      expect(await waiting()).toEqual([]);
      expect((await local('auditStatus')) ?? null).toBeNull();
      expect(await worker().evaluate(() => chrome.action.getBadgeText({}))).toBe('');
      expect((await readStore(popup)).audit).toBe(before.audit + 1);
      expect(h.errors(x)).toEqual([]);
    } finally {
      await h.close().catch(() => undefined);
      h = main;
      unmount(disk);
    }
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

describe('IndexedDB unavailable', () => {
  const copy = mkdtempSync(join(tmpdir(), 'portavoce-no-idb-'));
  let noIdb: Harness;

  beforeAll(async () => {
    await h?.close();
    h = undefined as unknown as Harness;
    // The build, with indexedDB.open throwing (as Firefox's private windows do) before any of our code runs.
    cpSync(ensureExtensionBuilt(), copy, { recursive: true });
    writeFileSync(join(copy, 'no-indexeddb.js'),
      "IDBFactory.prototype.open = function () { throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'); };\n");
    writeFileSync(join(copy, 'background-no-indexeddb.js'), "importScripts('/no-indexeddb.js', '/background.js');\n");
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, background: { service_worker: 'background-no-indexeddb.js' } }));
    for (const html of ['popup.html', 'options.html']) {
      const path = join(copy, html);
      writeFileSync(path, readFileSync(path, 'utf8').replace('<head>', '<head><script src="/no-indexeddb.js"></script>'));
    }
    noIdb = await launchHarness({ extensionPath: copy });
  });
  afterAll(async () => {
    await noIdb?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('drafts are checked and gated, the override waits in storage.local; popup and options say the plan and the log cannot be saved; no page error', async () => {
    const errors: string[] = [];
    const open = async (path: string) => {
      const page = await noIdb.context.newPage();
      page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
      await page.goto(noIdb.extensionUrl(path));
      return page;
    };
    const x = await overrideOnX(noIdb);
    const sw = noIdb.context.serviceWorkers().at(-1)!;
    const stored = (key: string) => sw.evaluate((k) => chrome.storage.local.get(k).then((v) => v[k]), key);
    await expect.poll(() => stored('audit'), { timeout: 10_000 }).toHaveLength(1);
    expect(await stored('auditStatus')).toMatchObject({ pending: 1, problem: 'unavailable' });

    const popup = await open('popup.html');
    await expect.poll(() => popup.locator('[data-storage-error]').first().textContent(), { timeout: 10_000 }).toMatch(/cannot save the plan/);
    expect(await popup.locator('[data-view="today"]').count()).toBe(1);
    const options = await open('options.html');
    await expect.poll(() => options.locator('[data-calendar-note]').textContent(), { timeout: 10_000 }).toMatch(/cannot save the plan/);
    await expect.poll(() => options.locator('[data-audit-pending]').textContent(), { timeout: 10_000 }).toMatch(/cannot save the log.*1 overrides wait/);
    // The options page itself still works: the playground checks a draft.
    await options.locator('textarea[data-playground]').fill('The code name is Atlas 2');
    await expect.poll(() => options.locator('[data-finding]').count()).toBeGreaterThan(0);

    figures.noIdb = { tried: 4, crashes: errors.length + noIdb.errors(x).length, lost: 1 - ((await stored('audit')) as unknown[]).length };
    expect(noIdb.errors(x)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
