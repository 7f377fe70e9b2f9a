// The README's screenshots: the X home composer and the LinkedIn share box (2026 shadow-root layout)
// with a draft that has an error, a warning and a suggestion, one underline hovered so its card shows,
// and the publish gate on X. Every run checks that what the pictures show is there (the findings, the
// card, the gate); only PORTAVOCE_SCREENSHOTS=1 writes the PNGs to tests/e2e/screenshots/ (committed),
// so CI never rewrites them:
//   PORTAVOCE_SCREENSHOTS=1 npx vitest run -c tests/e2e/vitest.e2e.config.ts tests/e2e/screenshots.e2e.test.ts
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchHarness, type Harness } from './harness';

const SAVE = process.env.PORTAVOCE_SCREENSHOTS === '1';
const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** LinkedIn's pictures are the viewport; X's three columns need about 1,200 px, so its pictures keep the nav and the timeline. */
const VIEWPORT = { width: 1000, height: 700 };
const X_VIEWPORT = { width: 1280, height: 700 };
/** The member profile in use: Marketing, so a financial-results draft is off her topics. */
const MEMBER = 'sara';

let h: Harness;
const opened: Page[] = [];

beforeAll(async () => {
  h = await launchHarness({ viewport: VIEWPORT });
  // The options page's member select is not there yet: write the storage item it will write
  // (utils/storage.ts memberItem, `local:member`) from an extension page.
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl('popup.html'));
  await page.evaluate((id) => (globalThis as any).chrome.storage.local.set({ member: id }), MEMBER);
  await page.close();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  await h?.close();
});

async function open(url: string, viewport = VIEWPORT): Promise<Page> {
  const page = await h.openPage(url);
  opened.push(page);
  await page.setViewportSize(viewport);
  // The fixture's own test panel (not part of the sites) stays out of the pictures.
  await page.addStyleTag({ content: '#fixture-panel { display: none !important; }' });
  return page;
}

/** Saves tests/e2e/screenshots/<name>.png when PORTAVOCE_SCREENSHOTS=1 (the viewport, or `clip`); returns its path or null. */
async function shoot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string | null> {
  if (!SAVE) return null;
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, clip, animations: 'disabled', caret: 'hide' });
  return path;
}

/** X's nav and timeline columns, the height of the viewport. */
async function xClip(page: Page) {
  const nav = (await page.locator('.x-nav').boundingBox())!;
  const primary = (await page.locator('.x-primary').boundingBox())!;
  return { x: Math.floor(nav.x), y: 0, width: Math.ceil(primary.x + primary.width - nav.x) + 1, height: X_VIEWPORT.height };
}

/** Waits until the latest check (the overlay host's counts) has an error, a warning and a suggestion. */
async function expectEveryLevel(overlay: Locator): Promise<void> {
  const levels = () => overlay.evaluate((host) => ['errors', 'warnings', 'suggestions'].map((n) => Number(host.getAttribute(`data-${n}`) ?? 0)));
  await expect.poll(async () => Math.min(...(await levels()))).toBeGreaterThan(0);
}

/** Hovers the first underline of `rule` and waits for its card; returns the card. */
async function hoverCard(overlay: Locator, rule: string): Promise<Locator> {
  await overlay.locator(`[data-finding][data-rule="${rule}"]`).first().hover();
  const card = overlay.locator(`[data-card][data-rule="${rule}"]`);
  await card.waitFor({ state: 'visible' });
  return card;
}

const X_EDITOR = '[data-testid="tweetTextarea_0"][contenteditable="true"]';
// No emoji: this Chromium has no colour emoji font and would draw a box.
const X_DRAFT = 'Our Q3 revenue grew!!! Call 333 123 4567 or visit bit.ly/acme, ACME fans';
const LI_DRAFT = 'Il fatturato del terzo trimestre cresce del 12%!!! Per le domande scrivete a mario.rossi@gmail.com '
  + 'o visitate bit.ly/acme. Grazie a tutto il team ACME';

async function typeDraft(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.type(text);
}

describe('README screenshots', () => {
  it('X home composer: underlines and the card of a hovered finding', async () => {
    const page = await open('https://x.com/home', X_VIEWPORT);
    const editor = page.locator(X_EDITOR).first();
    await typeDraft(page, editor, X_DRAFT);
    const overlay = page.locator('portavoce-overlay[data-platform="x"]').first();
    await expectEveryLevel(overlay);
    const card = await hoverCard(overlay, 'brand-names');
    await expect.poll(() => card.locator('[data-action="apply"]').first().textContent()).toBe('Acme');
    await shoot(page, 'x-composer', await xClip(page));
    expect(await card.isVisible()).toBe(true);
  });

  it('X home composer: the publish gate on a held Post', async () => {
    const page = await open('https://x.com/home', X_VIEWPORT);
    const editor = page.locator(X_EDITOR).first();
    await typeDraft(page, editor, X_DRAFT);
    const overlay = page.locator('portavoce-overlay[data-platform="x"]').first();
    await expectEveryLevel(overlay);
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    const gate = overlay.locator('[data-gate]');
    await gate.waitFor({ state: 'visible' });
    await gate.locator('textarea[data-reason]').fill('The number is our public support line');
    // The reason box has focus: put the pointer where it hides nothing.
    await page.mouse.move(5, VIEWPORT.height - 5);
    await shoot(page, 'x-gate', await xClip(page));
    expect(await gate.isVisible()).toBe(true);
    expect(await gate.locator('[data-action="publish-anyway"]').isEnabled()).toBe(true);
  });

  it('LinkedIn share box (2026 layout): an Italian draft and the card of a hovered finding', async () => {
    // The browser stays in English: with an Italian browser the overlay's own words turn Italian while
    // the findings' messages and topic labels follow the policy's locale (en), a mix the picture should not show.
    const page = await open('https://www.linkedin.com/feed/?layout=2026');
    await page.evaluate(() => window.fixture.control('open-share'));
    const editor = page.locator('.ql-editor[contenteditable="true"]').first();
    await typeDraft(page, editor, LI_DRAFT);
    const overlay = page.locator('portavoce-overlay[data-platform="linkedin"]').first();
    await expectEveryLevel(overlay);
    const card = await hoverCard(overlay, 'personal-data');
    await shoot(page, 'linkedin-share');
    expect(await card.isVisible()).toBe(true);
  });
});
