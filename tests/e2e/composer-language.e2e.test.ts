// The overlay speaks the language chosen in the options (Settings → language), not only the browser's,
// and switches live when the member changes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness';
import { overlayOf, SEL } from './composer-helpers';

let h: Harness;

beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

async function setLanguage(language: 'auto' | 'en' | 'it'): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl('options.html'));
  await page.evaluate((lang) => (globalThis as any).chrome.storage.local.set({ settings: { language: lang, sites: { x: true, linkedin: true } } }), language);
  await page.close();
}

describe('the overlay language', () => {
  it('follows the options: Italian in an English browser, then back to English, without a reload', async () => {
    await setLanguage('it');
    const page = await h.openPage('https://x.com/home');
    const editor = page.locator(SEL.xEditor());
    await editor.click();
    await page.keyboard.type('The code name is Atlas 2');
    const overlay = await overlayOf(editor);
    const words = () => overlay.evaluate((host) => host.shadowRoot!.textContent ?? '');
    await expect.poll(words).toContain('1 errore');
    await setLanguage('auto');
    await expect.poll(words).toContain('1 error');
    expect(await words()).not.toContain('errore');
  });
});
