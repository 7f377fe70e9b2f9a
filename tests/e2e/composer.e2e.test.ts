// The content script on the composer test pages: live checks, underlines on the exact words, the
// card's fix through the editor's own input path, the publish gate and its audit entry, remounting.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { modelText, postedTexts } from './harness';
import { auditEntries as readAuditEntries, useHarness } from './composer-helpers';

const h = useHarness();
const { open } = h;

const X_EDITOR = '[data-testid="tweetTextarea_0"][contenteditable="true"]';
const overlayOf = (page: Page, platform: string) => page.locator(`portavoce-overlay[data-platform="${platform}"]`);

async function typeInto(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.page().keyboard.type(text);
}

/** The viewport rectangle of the first occurrence of `word` inside the editor. */
function wordRect(editor: Locator, word: string) {
  return editor.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, bottom: r.bottom };
    }
    return null;
  }, word);
}

/** Through the extension (the log is in its database): composer-helpers' reader. */
const auditEntries = (): Promise<unknown[]> => readAuditEntries(h);

describe('X home composer', () => {
  it('underlines the exact words of a finding, beside the editor and not inside it', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(X_EDITOR).first();
    await typeInto(editor, 'We start Project Phoenix today');
    const overlay = overlayOf(page, 'x');
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    expect(await overlay.getAttribute('data-surface')).toBe('post');
    const bar = overlay.locator('[data-finding][data-rule="confidential"]').first();
    expect(await bar.getAttribute('data-start')).toBe('9');
    expect(await bar.getAttribute('data-end')).toBe('24');
    const box = (await bar.boundingBox())!;
    const word = (await wordRect(editor, 'Project Phoenix'))!;
    expect(Math.abs(box.x - word.left)).toBeLessThan(2);
    expect(Math.abs(box.x + box.width - word.right)).toBeLessThan(2);
    expect(Math.abs(box.y + box.height - word.bottom)).toBeLessThan(6);
    expect(await editor.locator('portavoce-overlay, [data-finding]').count()).toBe(0);
  });

  it('applies a fix through the editor, so the model and the posted text change', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(X_EDITOR).first();
    await typeInto(editor, 'Try ACME today');
    const overlay = overlayOf(page, 'x');
    const bar = overlay.locator('[data-finding][data-rule="brand-names"]').first();
    await bar.hover();
    await overlay.locator('[data-card] [data-action="apply"]').first().click();
    await expect.poll(() => modelText(editor)).toBe('Try Acme today');
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await expect.poll(() => modelText(editor)).toBe('Try Acme today!');
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    await expect.poll(() => postedTexts(page, 'x-home')).toEqual(['Try Acme today!']);
  });

  it('holds a trusted click on Post, lets the member edit, and publishes past it only with a reason', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(X_EDITOR).first();
    const text = 'Call me at 333 123 4567 for the promo';
    await typeInto(editor, text);
    const overlay = overlayOf(page, 'x');
    const post = page.locator('button[data-testid="tweetButtonInline"]');
    await post.click();
    const gate = overlay.locator('[data-gate]');
    await expect.poll(() => gate.count()).toBe(1);
    expect(await postedTexts(page)).toEqual([]);
    await gate.locator('[data-action="edit"]').click();
    await expect.poll(() => gate.count()).toBe(0);

    await post.click();
    await expect.poll(() => gate.count()).toBe(1);
    const publish = gate.locator('[data-action="publish-anyway"]');
    expect(await publish.isDisabled()).toBe(true);
    await gate.locator('textarea[data-reason]').fill('Customer asked for a callback');
    await publish.click();
    await expect.poll(() => postedTexts(page, 'x-home')).toEqual([text]);
    const entries = await auditEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      platform: 'x', surface: 'post', reason: 'Customer asked for a callback', policyName: 'Portavoce demo policy',
      rules: expect.arrayContaining([{ id: 'personal-data', level: 'error' }]),
    });
    expect(JSON.stringify(entries[0])).not.toContain('333 123');
  });

  it('ignores untrusted clicks and keyboard sends while findings hold the gate', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(X_EDITOR).first();
    await typeInto(editor, 'The code name is Atlas 2');
    const overlay = overlayOf(page, 'x');
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    await page.evaluate(() => (document.querySelector('button[data-testid="tweetButtonInline"]') as HTMLButtonElement).click());
    await page.evaluate(() => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })));
    await page.waitForTimeout(200);
    expect(await postedTexts(page)).toEqual([]);
    expect(await overlay.locator('[data-gate]').count()).toBe(0);
  });

  it('holds the keyboard send (Ctrl+Enter) too', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(X_EDITOR).first();
    await typeInto(editor, 'Atlas 2 is coming');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => overlayOf(page, 'x').locator('[data-gate]').count()).toBe(1);
    expect(await postedTexts(page)).toEqual([]);
  });

  it('lets a clean draft through untouched', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(X_EDITOR).first();
    await typeInto(editor, 'Good morning, team');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => postedTexts(page, 'x-home')).toEqual(['Good morning, team']);
  });

  it('follows the composer as it unmounts and remounts, with one overlay per editor and no leaks', async () => {
    const page = await open('https://x.com/home');
    for (let i = 0; i < 100; i++) await page.evaluate(() => window.fixture.control('switch-tab'));
    const oneHostPerEditor = async () => {
      const editors = await page.locator(X_EDITOR).count();
      return editors > 0 && (await page.locator('portavoce-overlay').count()) === editors;
    };
    await expect.poll(oneHostPerEditor).toBe(true);
    const editor = page.locator(X_EDITOR).first();
    await typeInto(editor, 'Project Phoenix');
    await expect.poll(() => overlayOf(page, 'x').first().getAttribute('data-errors')).toBe('1');
  });
});

describe('LinkedIn share box', () => {
  it.each(['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/?layout=2026'])('checks the draft in %s', async (url) => {
    const page = await open(url);
    await page.locator('button[data-fixture="open-share"]').click();
    const editor = page.locator('.ql-editor[contenteditable="true"]').first();
    await typeInto(editor, 'Il fatturato cresce, ACME!!!');
    const overlay = overlayOf(page, 'linkedin');
    await expect.poll(() => overlay.getAttribute('data-warnings')).toBe('1');
    expect(await overlay.getAttribute('data-suggestions')).toBe('1');
    expect(await overlay.getAttribute('data-topics')).toBe('financial-results');
  });
});
