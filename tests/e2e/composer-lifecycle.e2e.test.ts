// Composers appear and disappear without page loads: each is found within 200 ms of mounting and forgotten
// when it unmounts, 100 times over, with one host per editor. Timed, so vitest.e2e.config.ts runs this file
// alone, after the files that run side by side.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';

import { overlayCount, overlayOf, SEL, typeInto, useHarness } from './composer-helpers';

const h = useHarness();
const { open } = h;

/**
 * Mounts and unmounts a composer `cycles` times with a fixture control; after each mount waits until
 * there is exactly one overlay host per live editor, after each unmount until there are none.
 * Returns the slowest time from mount to host (ms). The time is taken by MutationObservers on the
 * document and every open shadow root, whose callbacks run right after the host is inserted: a poll that
 * walked the DOM every few milliseconds would compete with the content script for the page's thread.
 */
async function mountCycles(page: Page, controls: { mount: string; unmount: string }, editorSelector: string, cycles: number): Promise<number> {
  return page.evaluate(
    async ({ mount, unmount, selector, cycles }) => {
      const roots = () => {
        const found: (Document | ShadowRoot)[] = [];
        const visit = (root: Document | ShadowRoot) => {
          found.push(root);
          for (const e of root.querySelectorAll('*')) if (e.shadowRoot && e.tagName !== 'PORTAVOCE-OVERLAY') visit(e.shadowRoot);
        };
        visit(document);
        return found;
      };
      const all = (sel: string) => roots().flatMap((root) => [...root.querySelectorAll(sel)]);
      /** Resolves with the ms from `start` until `test` holds, checked after every DOM change. */
      const until = (test: () => boolean, what: string, start = performance.now()) =>
        new Promise<number>((resolve, reject) => {
          const observer = new MutationObserver(() => {
            if (!test()) return;
            const elapsed = performance.now() - start;
            finish();
            resolve(elapsed);
          });
          const timer = setTimeout(() => (finish(), reject(new Error(`timed out: ${what}`))), 3000);
          const finish = () => (observer.disconnect(), clearTimeout(timer));
          for (const root of roots()) observer.observe(root, { childList: true, subtree: true });
          if (test()) (finish(), resolve(performance.now() - start));
        });
      let slowest = 0;
      for (let i = 0; i < cycles; i++) {
        const mountedAt = performance.now();
        window.fixture.control(mount);
        const editors = all(selector).length;
        if (editors === 0) throw new Error('no editor mounted');
        slowest = Math.max(slowest, await until(() => all('portavoce-overlay').length === editors, `host after mount ${i}`, mountedAt));
        window.fixture.control(unmount);
        await until(() => all('portavoce-overlay').length === 0 && all(selector).length === 0, `no host after unmount ${i}`);
      }
      return slowest;
    },
    { mount: controls.mount, unmount: controls.unmount, selector: editorSelector, cycles },
  );
}

/**
 * Waits for the first check of the page's first composer: the engine is loaded (once per page) when a
 * compose box first mounts, a cost composer-engine.e2e.test.ts measures; the cycles measure finding boxes.
 */
async function engineLoaded(page: Page): Promise<void> {
  await expect.poll(() => page.locator('portavoce-overlay[data-errors]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

describe('lifecycle: found within 200 ms, forgotten on unmount, no leaks', () => {
  it('X home composer, 100 mount/unmount cycles', async () => {
    const page = await open('https://x.com/home');
    await expect.poll(() => overlayCount(page)).toBe(1);
    await engineLoaded(page);
    await page.evaluate(() => window.fixture.control('unmount-composer'));
    await expect.poll(() => overlayCount(page)).toBe(0);
    const slowest = await mountCycles(page, { mount: 'mount-composer', unmount: 'unmount-composer' }, '[data-testid^="tweetTextarea_"][contenteditable="true"]', 100);
    console.info(`X home: slowest mount → overlay host of 100: ${slowest.toFixed(1)} ms`);
    expect(slowest).toBeLessThan(200);
    // Still alive after all that.
    await page.evaluate(() => window.fixture.control('mount-composer'));
    const editor = page.locator(SEL.xEditor());
    await typeInto(editor, 'Atlas 2');
    await expect.poll(async () => (await overlayOf(editor)).getAttribute('data-errors')).toBe('1');
    expect(await overlayCount(page)).toBe(1);
  });

  it.each([
    ['https://www.linkedin.com/feed/', 'open-share', 'close-share', SEL.liShare],
    ['https://www.linkedin.com/feed/?layout=2026', 'open-share', 'close-share', SEL.liShare],
    ['https://www.linkedin.com/feed/', 'toggle-comment', 'toggle-comment', SEL.liComment],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001/', 'toggle-comment', 'toggle-comment', SEL.liLegacy],
    ['https://www.linkedin.com/messaging/thread/2-abc/', 'toggle-message', 'toggle-message', SEL.liMessage],
    ['https://www.linkedin.com/feed/?layout=2026', 'toggle-message-bubble', 'toggle-message-bubble', SEL.liMessage],
  ])('%s: %s / %s, 100 cycles', async (url, mount, unmount, selector) => {
    const page = await open(url);
    // Start from nothing mounted.
    if (mount === unmount && (await page.locator(selector).count()) > 0) await page.evaluate((c) => window.fixture.control(c), unmount);
    await expect.poll(() => overlayCount(page)).toBe(0);
    await page.evaluate((c) => window.fixture.control(c), mount);
    await engineLoaded(page);
    await page.evaluate((c) => window.fixture.control(c), unmount);
    await expect.poll(() => overlayCount(page)).toBe(0);
    const slowest = await mountCycles(page, { mount, unmount }, selector, 100);
    console.info(`${url} ${mount}: slowest mount → overlay host of 100: ${slowest.toFixed(1)} ms`);
    expect(slowest).toBeLessThan(200);
  });

  it('X timeline tab switches remount the composer: one host per editor', async () => {
    const page = await open('https://x.com/home');
    for (let i = 0; i < 20; i++) {
      const before = await page.locator(SEL.xEditor()).elementHandle();
      await page.evaluate(() => window.fixture.control('switch-tab'));
      expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
      await before!.dispose();
      await expect.poll(() => overlayCount(page)).toBe(1);
      // The one host is the new editor's.
      await overlayOf(page.locator(SEL.xEditor()));
    }
  });
});
