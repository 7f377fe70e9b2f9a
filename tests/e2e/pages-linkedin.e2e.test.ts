// Smoke tests of the LinkedIn test pages themselves (X in pages-x.e2e.test.ts), with the extension installed: each page loads
// under its real URL, typing with Playwright's real keyboard reaches the editor's model, and
// publishing records exactly that text in #posted. Later tests of the content script rely on this.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { modelText, postedTexts } from './harness';
import { focused, useHarness } from './composer-helpers';

const h = useHarness({ expectNoPageErrors: true });
const { open } = h;

describe('LinkedIn', () => {
  const SHARE_EDITOR =
    '.share-creation-state__text-editor .ql-container div.ql-editor[contenteditable="true"][role="textbox"]' +
    '[aria-label="Text editor for creating content"][data-placeholder="What do you want to talk about?"]';

  async function typeAndPostShare(page: Page) {
    await page.getByRole('button', { name: 'Start a post' }).click();
    const quill = page.locator(SHARE_EDITOR);
    await quill.waitFor();
    await expect(quill.getAttribute('class')).resolves.toContain('ql-blank');
    const button = page.locator('button.share-actions__primary-action');
    expect(await button.isDisabled()).toBe(true);
    // Quill's CSS reaches the editor (in the 2026 layout: only because the page copies it into the root).
    await expect(quill.evaluate((el) => getComputedStyle(el, '::before').content)).resolves.toBe('"What do you want to talk about?"');
    await focused(quill); // the dialog focuses its editor
    await page.keyboard.type('Proud of the team');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Join us: #hiring');
    // Split a line in the middle: Quill's keyboard module needs to know the selection.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await modelText(quill)).toBe('Proud of the team\n\nJoin \nus: #hiring');
    await page.keyboard.press('Backspace');
    expect(await modelText(quill)).toBe('Proud of the team\n\nJoin us: #hiring');
    await expect(quill.evaluate((el) => el.innerHTML)).resolves.toBe('<p>Proud of the team</p><p><br></p><p>Join us: #hiring</p>');
    expect(await button.isEnabled()).toBe(true);
    return { quill, button };
  }

  it('feed, classic layout: share dialog in the light DOM', async () => {
    const page = await open('https://www.linkedin.com/feed/');
    await h.screenshot(page, 'li-feed');
    const { quill, button } = await typeAndPostShare(page);
    expect(await page.evaluate(() => !!document.querySelector('#artdeco-modal-outlet .ql-editor'))).toBe(true);
    await h.screenshot(page, 'li-share-light');
    await button.click();
    expect(await postedTexts(page, 'li-share')).toEqual(['Proud of the team\n\nJoin us: #hiring']);
    await quill.waitFor({ state: 'detached' });
  });

  it('feed, 2026 layout: share dialog inside the open shadow root of #interop-outlet', async () => {
    const page = await open('https://www.linkedin.com/feed/?layout=2026');
    const { quill, button } = await typeAndPostShare(page);
    const where = await page.evaluate(() => {
      const host = document.querySelector('div#interop-outlet[data-testid="interop-shadowdom"]');
      const editor = host?.shadowRoot?.querySelector('.ql-editor');
      return {
        lightDom: !!document.querySelector('.ql-editor'),
        inShadow: !!editor,
        // What Quill itself would look at without the page's patch:
        activeIsHost: document.activeElement === host,
      };
    });
    expect(where).toEqual({ lightDom: false, inShadow: true, activeIsHost: true });
    await h.screenshot(page, 'li-share-shadow');
    await button.click();
    expect(await postedTexts(page, 'li-share')).toEqual(['Proud of the team\n\nJoin us: #hiring']);
    await quill.waitFor({ state: 'detached' });
    // Reopening mounts a fresh editor.
    await page.locator('[data-fixture="open-share"]').click();
    await expect(modelText(page.locator(SHARE_EDITOR))).resolves.toBe('');
  });

  it('feed: new-feed comment box (TipTap) with a submit button and no form', async () => {
    const page = await open('https://www.linkedin.com/feed/');
    await page.getByRole('button', { name: 'Comment' }).first().click();
    const editor = page.locator('div[data-view-name="comment-box"] div.tiptap.ProseMirror[contenteditable="true"][role="textbox"]');
    await focused(editor); // Comment focuses the box
    const box = page.locator('div[data-view-name="comment-box"]');
    await expect(box.evaluate((el) => !!el.closest('form') || !!el.querySelector('form'))).resolves.toBe(false);
    const submit = box.locator('button[type="submit"]');
    expect(await submit.isDisabled()).toBe(true);
    await page.keyboard.type('Congratulations!');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- not a list, 1. not a list');
    expect(await modelText(editor)).toBe('Congratulations!\n- not a list, 1. not a list');
    await h.screenshot(page, 'li-comment-tiptap');
    await submit.click();
    expect(await postedTexts(page, 'li-comment')).toEqual(['Congratulations!\n- not a list, 1. not a list']);
    expect(await modelText(editor)).toBe('');
    await page.locator('[data-fixture="toggle-comment"]').click();
    await editor.waitFor({ state: 'detached' });
  });

  it('post page: legacy Quill comment form', async () => {
    const page = await open('https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001/');
    const editor = page.locator('form.comments-comment-box__form .ql-editor[contenteditable="true"][role="textbox"]');
    const submit = page.locator('form.comments-comment-box__form .comments-comment-box__submit-button--cr');
    expect(await submit.isDisabled()).toBe(true);
    await editor.click();
    await page.keyboard.type('Legacy comment');
    expect(await modelText(editor)).toBe('Legacy comment');
    await h.screenshot(page, 'li-post-legacy');
    await submit.click();
    expect(await postedTexts(page, 'li-comment-legacy')).toEqual(['Legacy comment']);
    expect(await modelText(editor)).toBe('');
  });

  it('messaging: Enter sends, Shift+Enter breaks the line, Send follows input events', async () => {
    const page = await open('https://www.linkedin.com/messaging/thread/2-abc/');
    const editor = page.locator('div.msg-form__contenteditable[contenteditable="true"][role="textbox"]');
    const send = page.locator('button.msg-form__send-button[type="submit"]');
    expect(await send.isDisabled()).toBe(true);
    // A DOM change without an input event is invisible to the form.
    await editor.evaluate((el) => {
      el.querySelector('p')!.textContent = 'silent';
    });
    expect(await send.isDisabled()).toBe(true);
    expect(await modelText(editor)).toBe('');
    await editor.evaluate((el) => el.replaceChildren(Object.assign(document.createElement('p'), { innerHTML: '<br>' })));
    await editor.click();
    await page.keyboard.type('Hello Alan');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('see you Thursday');
    expect(await send.isEnabled()).toBe(true);
    await expect(editor.evaluate((el) => el.innerHTML)).resolves.toBe('<p>Hello Alan</p><p>see you Thursday</p>');
    await h.screenshot(page, 'li-messaging');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second message');
    await send.click();
    expect(await postedTexts(page, 'li-message')).toEqual(['Hello Alan\nsee you Thursday', 'Second message']);
    expect(await modelText(editor)).toBe('');
  });
});

describe('network', () => {
  it('nothing but the fixture sites was requested', () => {
    const unexpected = h.aborted().filter((r) => r.url !== 'https://api.x.com/1.1/jot');
    expect(unexpected).toEqual([]);
  });
});
