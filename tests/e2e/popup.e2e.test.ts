// The calendar end to end: the built popup in Chromium (import an ICS file, switch views, create and edit,
// export), a team feed from a local HTTP server, and a quiet period holding a post in a composer page.
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchHarness, postedTexts, type Harness } from './harness';
import { startFeedServer, type FeedServer } from './feed-server';
import { focused, overlayOf, SEL } from './composer-helpers';

/** The extension API as the tests call it inside the service worker and the popup (evaluated there, not here). */
declare const chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void>; get(k: string): Promise<Record<string, unknown>>; remove(k: string): Promise<void> } }; runtime: { sendMessage(m: unknown): Promise<unknown> } };

let h: Harness;
let feed: FeedServer;

const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE'); // YYYY-MM-DD, local
};
const ics = (d: (n: number) => string) => (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//e2e//EN', ...events.flatMap((e) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');
const date = (n: number) => day(n).replaceAll('-', '');

const PLAN = ics(day)(
  ['UID:e2e-quiet', 'SUMMARY:Events embargo', `DTSTART;VALUE=DATE:${date(0)}`, `DTEND;VALUE=DATE:${date(2)}`, 'CATEGORIES:events', 'X-PORTAVOCE-KIND:quiet-period'],
  ['UID:e2e-slot', 'SUMMARY:Webinar teaser', `DTSTART;VALUE=DATE:${date(0)}`, 'CATEGORIES:events', 'X-PORTAVOCE-MEMBER:giulia', 'X-PORTAVOCE-PLATFORMS:x'],
  ['UID:e2e-event', 'SUMMARY:Acme Summit', `DTSTART;VALUE=DATE:${date(3)}`, 'X-PORTAVOCE-KIND:event'],
  ['UID:e2e-weekly', 'SUMMARY:Weekly results recap', `DTSTART;TZID=Europe/Rome:${date(1)}T120000`, 'RRULE:FREQ=WEEKLY;COUNT=8', 'X-PORTAVOCE-MEMBER:marco', 'X-PORTAVOCE-PLATFORMS:linkedin'],
);

async function openPopup(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl('popup.html'));
  await page.locator('[data-view="today"][aria-pressed="true"]').waitFor();
  return page;
}
const ids = (page: Page) => page.locator('[data-entry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
const storageGet = (key: string) => h.context.serviceWorkers()[0]!.evaluate((k) => chrome.storage.local.get(k), key);
const storageSet = (values: Record<string, unknown>) => h.context.serviceWorkers()[0]!.evaluate((v) => chrome.storage.local.set(v), values);

/** Serious or critical axe-core violations (injected through the DevTools protocol: the page's CSP does not apply). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const results = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return (results.violations as any[]).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  });
}
const focusedAction = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-action'));
const itemTexts = (page: Page) => page.locator('[role="menu"] [role="menuitem"]').evaluateAll((els) => els.map((e) => e.textContent));

beforeAll(async () => {
  feed = await startFeedServer();
  h = await launchHarness();
  // The harness blocks the network; the test's own feed server is let through.
  await feed.allow(h.context);
});
afterAll(async () => {
  await h?.close();
  await feed?.close();
});

describe('popup', () => {
  it('imports an ICS file (twice: no duplicates; broken: nothing changes), switches views, creates, edits, exports', async () => {
    const page = await openPopup();
    const file = page.locator('input[type=file][data-import="ics"]');
    await file.setInputFiles({ name: 'plan.ics', mimeType: 'text/calendar', buffer: Buffer.from(PLAN) });
    await expect.poll(() => page.locator('[data-notice]').textContent()).toMatch(/4 new, 0 updated/);
    // Today: the team's slot, the quiet period in force, the coming days.
    await expect.poll(() => page.locator('[data-section="team"] [data-entry]').evaluateAll((e) => e.map((x) => x.getAttribute('data-id')))).toEqual(['e2e-slot']);
    expect(await page.locator('[data-section="quiet"] [data-entry]').getAttribute('data-kind')).toBe('quiet-period');
    expect(await page.locator('[data-section="quiet"] [data-entry]').getAttribute('data-topic')).toBe('events');
    expect(await page.locator('[data-section="coming"] [data-entry][data-id="e2e-event"]').getAttribute('data-date')).toBe(day(3));

    await file.setInputFiles({ name: 'plan.ics', mimeType: 'text/calendar', buffer: Buffer.from(PLAN) });
    await expect.poll(() => page.locator('[data-notice]').textContent()).toMatch(/0 new, 4 updated/);
    const before = await ids(page);
    await file.setInputFiles({ name: 'bad.ics', mimeType: 'text/calendar', buffer: Buffer.from(PLAN.replace(`DTSTART;VALUE=DATE:${date(3)}`, 'DTSTART;VALUE=DATE:2026XX01')) });
    await expect.poll(() => page.locator('[data-notice]').textContent()).toMatch(/line 26: DTSTART/);
    expect(await ids(page)).toEqual(before);

    // Views.
    await page.locator('[data-view="week"]').click();
    await expect.poll(() => page.locator('.grid-week [role="gridcell"]').count()).toBe(7);
    expect(await page.locator(`[role="gridcell"][data-day="${day(0)}"] [data-entry][data-id="e2e-slot"]`).count()).toBe(1);
    await page.locator('[data-view="month"]').click();
    await expect.poll(() => page.locator('.grid-month [role="gridcell"]').count()).toBe(42);
    expect(await page.locator('[data-entry][data-id="e2e-weekly"]').count()).toBeGreaterThanOrEqual(1); // 1–2 in the month's grid, by date
    await page.locator('[data-view="agenda"]').click();
    await expect.poll(() => page.locator(`[data-day="${day(1)}"] [data-entry][data-id="e2e-weekly"]`).count()).toBe(1);

    // Create (the form says what is wrong, per field), then edit — keyboard only.
    await page.locator('[data-action="new-entry"]').click();
    await page.keyboard.press('Enter'); // submits the empty form from the focused first field
    await expect.poll(() => page.locator('[data-error="title"]').textContent()).toMatch(/title is needed/);
    await page.keyboard.type('Hiring post');
    await page.locator('[data-action="save"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-entry]', { hasText: 'Hiring post' }).count()).toBe(1);
    const created = page.locator('[data-entry]', { hasText: 'Hiring post' });
    expect(await created.getAttribute('data-date')).toBe(day(0));
    expect(await created.getAttribute('data-status')).toBe('planned');
    await created.locator('[data-action="actions"]').click();
    await created.locator('[role="menu"] [data-action="edit"]').click();
    await page.locator('input[name="title"]').fill('Hiring post (EN + IT)');
    await page.locator('select[name="status"]').selectOption('drafted');
    await page.locator('[data-action="save"]').click();
    const edited = page.locator('[data-entry]', { hasText: 'Hiring post (EN + IT)' });
    await expect.poll(() => edited.getAttribute('data-status')).toBe('drafted');

    // Export: every entry, the new one included.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-ics"]').click()]);
    const text = (await download.createReadStream().then(async (s) => { let out = ''; for await (const c of s) out += c; return out; }));
    for (const uid of ['e2e-quiet', 'e2e-slot', 'e2e-event', 'e2e-weekly']) expect(text).toContain(`UID:${uid}`);
    expect(text).toContain('SUMMARY:Hiring post (EN + IT)');
    expect(text).toContain('X-PORTAVOCE-STATUS:drafted');
    await page.close();
  });

  it("each row's actions are behind one menu button: items made on opening, keyboard, English and Italian, light and dark", async () => {
    const page = await openPopup();
    const row = page.locator('[data-entry]', { hasText: 'Hiring post (EN + IT)' });
    const button = row.locator('[data-action="actions"]');
    await button.waitFor();
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('aria-label')).toBe('Actions: Hiring post (EN + IT)');
    // Closed, a row holds one button and no menu items.
    expect(await row.locator('button').count()).toBe(1);
    expect(await page.locator('[role="menuitem"]').count()).toBe(0);

    // ArrowDown opens on the first item; arrows wrap; Home and End; Escape closes and returns to the button.
    await button.focus();
    await page.keyboard.press('ArrowDown');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await itemTexts(page)).toEqual(['Published', 'Skip', 'Edit', 'Duplicate', 'Delete']);
    await expect.poll(() => focusedAction(page)).toBe('mark-published');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedAction(page)).toBe('mark-skipped');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedAction(page)).toBe('delete');
    await page.keyboard.press('Home');
    await expect.poll(() => focusedAction(page)).toBe('mark-published');
    await page.keyboard.press('End');
    await expect.poll(() => focusedAction(page)).toBe('delete');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[role="menuitem"]').count()).toBe(0);
    await expect.poll(() => focusedAction(page)).toBe('actions');
    // ArrowUp opens on the last item; Enter and Space open on the first; an item runs and closes the menu.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedAction(page)).toBe('delete');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedAction(page)).toBe('mark-published');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedAction(page)).toBe('mark-skipped');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-status')).toBe('skipped');
    expect(await page.locator('[role="menuitem"]').count()).toBe(0);
    // Tab leaves a menu closed; so does a click elsewhere.
    await button.click();
    expect(await itemTexts(page)).toEqual(['Reopen', 'Edit', 'Duplicate', 'Delete']);
    await page.keyboard.press('Tab');
    expect(await page.locator('[role="menuitem"]').count()).toBe(0);
    await button.click();
    await page.locator('h1').click();
    expect(await page.locator('[role="menuitem"]').count()).toBe(0);
    await button.click();
    await page.locator('[role="menuitem"][data-action="mark-planned"]').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('planned');

    // Dark: the menu takes the dark colours, and nothing is hard to read.
    await page.emulateMedia({ colorScheme: 'dark' });
    await button.click();
    const colours = await page.evaluate(() => [getComputedStyle(document.querySelector('[role="menu"]')!).backgroundColor, getComputedStyle(document.body).backgroundColor]);
    expect(colours[0]).toBe(colours[1]);
    expect(colours[0]).not.toBe('rgb(255, 255, 255)');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    // Italian.
    const { settings } = await storageGet('settings');
    await storageSet({ settings: { ...(settings as object), language: 'it' } });
    try {
      const italian = await openPopup();
      const menuButton = italian.locator('[data-entry]', { hasText: 'Hiring post (EN + IT)' }).locator('[data-action="actions"]');
      await expect.poll(() => menuButton.getAttribute('aria-label')).toBe('Azioni: Hiring post (EN + IT)');
      await menuButton.click();
      expect(await itemTexts(italian)).toEqual(['Pubblicato', 'Salta', 'Modifica', 'Duplica', 'Elimina']);
      expect(await seriousViolations(italian)).toEqual([]);
      await italian.close();
    } finally {
      await h.context.serviceWorkers()[0]!.evaluate((before) => (before ? chrome.storage.local.set({ settings: before }) : chrome.storage.local.remove('settings')), settings);
    }
  });

  it('a team feed from a local server: fetched, updated in place with If-None-Match, removed entries go', async () => {
    feed.body = ics(day)(['UID:feed-1', 'SUMMARY:Feed launch post', `DTSTART;VALUE=DATE:${date(0)}`], ['UID:feed-2', 'SUMMARY:Feed webinar', `DTSTART;VALUE=DATE:${date(1)}`]);
    const page = await openPopup();
    await storageSet({ calendarFeedUrl: feed.url });
    await expect.poll(() => ids(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(['feed-1', 'feed-2']));
    feed.body = ics(day)(['UID:feed-1', 'SUMMARY:Feed launch post (moved)', `DTSTART;VALUE=DATE:${date(1)}`]);
    feed.etag = '"2"';
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'calendar:refresh-feed' }));
    await expect.poll(() => ids(page)).not.toContain('feed-2');
    expect(await page.locator('[data-entry][data-id="feed-1"]').textContent()).toContain('(moved)');
    expect(feed.requests.at(-1)!.inm).toBe('"1"');
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'calendar:refresh-feed' }));
    expect(feed.requests.at(-1)!.inm).toBe('"2"');
    await page.close();
  });
});

describe('composer', () => {
  it('the quiet period holds a post on its topic; the badge shows today\'s slot; publishing marks it published', async () => {
    await storageSet({ member: 'giulia' });
    const page = await h.openPage('https://x.com/home');
    const editor = page.locator(SEL.xEditor());
    await editor.click();
    await focused(editor);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.locator('[data-badge]').textContent(), { timeout: 5_000 }).toContain('Planned today: Webinar teaser');
    await page.keyboard.type('Join our webinar on Thursday');
    await expect.poll(() => overlay.locator('[data-finding][data-rule="quiet-periods"]').count()).toBeGreaterThan(0);
    await page.locator(SEL.xInlineButton).click();
    const gate = overlay.locator('[data-gate]');
    await expect.poll(() => gate.count()).toBe(1);
    expect(await gate.textContent()).toContain('Events embargo');
    expect(await postedTexts(page)).toEqual([]);
    await gate.locator('textarea[data-reason]').fill('Approved by comms');
    await gate.locator('[data-action="publish-anyway"]').click();
    await expect.poll(() => postedTexts(page)).toEqual(['Join our webinar on Thursday']);
    const popup = await openPopup();
    await expect.poll(() => popup.locator('[data-entry][data-id="e2e-slot"]').getAttribute('data-status')).toBe('published');
    await popup.close();
    await page.close();
  });
});
