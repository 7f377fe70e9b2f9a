// Where the overlay's popups open on a phone-sized X page (the mobile <textarea> layout): the findings
// list never covers the site's Post button, and it closes once a fix from it is applied.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';

import { overlayOf, SEL, typeInto, useHarness } from './composer-helpers';

const h = useHarness();
const { opened } = h;

type Rect = { left: number; top: number; right: number; bottom: number };
const rectOf = (locator: Locator): Promise<Rect> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Many findings, so the list is as tall as it gets. */
const MANY = 'Project Phoenix by ACME!! Atlas 2 with ACME!!! and codename Orion, ACME!!';

describe('X mobile layout, phone-sized', () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 390, height: 420 }, { width: 800, height: 600 }]) {
    it(`the findings list never covers Post (${viewport.width}×${viewport.height})`, async () => {
      const page = await h.openPage('https://x.com/home?layout=mobile');
      opened.push(page);
      await page.setViewportSize(viewport);
      const editor = page.locator(SEL.xTextarea()).first();
      await typeInto(editor, MANY);
      const overlay = await overlayOf(editor);
      await expect.poll(() => overlay.getAttribute('data-errors')).toBe('3');
      await overlay.locator('.pill').click();
      const list = overlay.locator('#pv-list');
      await list.waitFor();
      const post = await rectOf(page.locator(SEL.xInlineButton).first());
      await expect.poll(async () => overlaps(await rectOf(list), post)).toBe(false);
      // …and it still shows something to pick from.
      expect((await rectOf(list)).bottom - (await rectOf(list)).top).toBeGreaterThan(40);
    });
  }

  it('closes the list once a fix picked from it is applied', async () => {
    const page = await h.openPage('https://x.com/home?layout=mobile');
    opened.push(page);
    await page.setViewportSize({ width: 390, height: 844 });
    const editor = page.locator(SEL.xTextarea()).first();
    await typeInto(editor, 'Hello from ACME');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-warnings')).toBe('1');
    await overlay.locator('.pill').click();
    await overlay.locator('[data-list-item][data-rule="brand-names"]').click();
    await overlay.locator('[data-card] [data-action="apply"]').click();
    await expect.poll(() => editor.inputValue()).toBe('Hello from Acme');
    await expect.poll(() => overlay.getAttribute('data-warnings')).toBe('0');
    expect(await overlay.locator('#pv-list').count()).toBe(0);
    expect(await overlay.locator('[data-card]').count()).toBe(0);
  });
});
