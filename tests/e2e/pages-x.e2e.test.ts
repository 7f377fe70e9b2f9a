// Smoke tests of the composer test pages themselves (X here, LinkedIn in pages-linkedin.e2e.test.ts), with the extension installed: each page loads
// under its real URL, typing with Playwright's real keyboard reaches the editor's model, and
// publishing records exactly that text in #posted. Later tests of the content script rely on this.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentScriptWorlds, modelText, postedTexts } from './harness';
import { focused, useHarness } from './composer-helpers';

const h = useHarness({ expectNoPageErrors: true });
const { opened, open } = h;

const SEND = 'ControlOrMeta+Enter';

describe('harness', () => {
  it('loads the extension and leaves its pages unrouted', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await h.context.newPage();
    opened.push(page);
    await page.goto(h.extensionUrl('popup.html'));
    expect(page.url()).toBe(`chrome-extension://${h.extensionId}/popup.html`);
    expect(h.requests.some((r) => r.url.startsWith('chrome-extension:'))).toBe(false);
  });

  it.each(['https://x.com/home', 'https://twitter.com/home', 'https://www.linkedin.com/feed/'])(
    'injects the content script into %s',
    async (url) => {
      const page = await open(url);
      expect(await contentScriptWorlds(page)).toContain('Portavoce');
    },
  );

  it('aborts and records requests to anything but the fixture sites', async () => {
    const page = await open('https://x.com/home');
    const failed = await page.evaluate(() => fetch('https://api.x.com/1.1/jot').then(() => false, () => true));
    expect(failed).toBe(true);
    expect(h.aborted().map((r) => r.url)).toContain('https://api.x.com/1.1/jot');
    // Chromium logs the blocked load to the console; that one is expected.
    const errors = h.errors(page);
    expect(errors).toEqual([expect.stringContaining('ERR_BLOCKED_BY_CLIENT')]);
    errors.length = 0;
  });
});

describe('X (Draft.js 0.11 + React 17)', () => {
  const editor = (page: Page, n = 0) => page.locator(`[data-testid="tweetTextarea_${n}"]`);

  it('home: the inline composer has the real structure', async () => {
    const page = await open('https://x.com/home');
    const textbox = page.locator(
      '[data-testid="tweetTextarea_0RichTextInputContainer"] > .DraftEditor-root > .DraftEditor-editorContainer > ' +
        'div.public-DraftEditor-content.notranslate[contenteditable="true"][data-testid="tweetTextarea_0"][role="textbox"][aria-label="Post text"]',
    );
    await expect(textbox.count()).resolves.toBe(1);
    await expect(page.locator('.public-DraftEditorPlaceholder-root').textContent()).resolves.toBe("What's happening?");
    await expect(page.locator('button[data-testid="tweetButtonInline"]').isDisabled()).resolves.toBe(true);
    // The toolbar (with the Post button) is a sibling subtree, not an ancestor, of the editor.
    const toolbarIsAncestor = await textbox.evaluate((el) => !!el.closest('[data-testid="toolBar"]'));
    expect(toolbarIsAncestor).toBe(false);
    await expect(page.locator('[data-testid="toolBar"] button[data-testid="tweetButtonInline"]').count()).resolves.toBe(1);
    await h.screenshot(page, 'x-home');
  });

  it('home: typing updates the EditorState; Post sends exactly the typed text and clears', async () => {
    const page = await open('https://x.com/home');
    await editor(page).click();
    await page.keyboard.type('Hello #world, see https://example.com');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second line');
    expect(await modelText(editor(page))).toBe('Hello #world, see https://example.com\nsecond line');
    await expect(page.locator('.public-DraftEditorPlaceholder-root').count()).resolves.toBe(0);
    // Entities are decorated: the text is split into several leaves.
    await expect(editor(page).locator('span[data-text="true"]').count()).resolves.toBeGreaterThan(3);
    const button = page.locator('button[data-testid="tweetButtonInline"]');
    expect(await button.isEnabled()).toBe(true);
    await button.click();
    expect(await postedTexts(page, 'x-home')).toEqual(['Hello #world, see https://example.com\nsecond line']);
    await expect(page.locator('#posted li[data-posted="x-home"]').textContent()).resolves.toBe('Hello #world, see https://example.com\nsecond line');
    expect(await modelText(editor(page))).toBe('');
    expect(await button.isDisabled()).toBe(true);
  });

  it('home: Ctrl/Cmd+Enter sends from the React root', async () => {
    const page = await open('https://x.com/home');
    await editor(page).click();
    await page.keyboard.type('Sent with the keyboard');
    await page.keyboard.press(SEND);
    expect(await postedTexts(page)).toEqual(['Sent with the keyboard']);
    expect(await modelText(editor(page))).toBe('');
  });

  it('home: over 280 weighted characters the excess is highlighted and Post is disabled', async () => {
    const page = await open('https://x.com/home');
    await editor(page).click();
    await page.keyboard.insertText('a'.repeat(285));
    await expect(editor(page).locator('.x-overflow').textContent()).resolves.toBe('aaaaa');
    expect(await page.locator('button[data-testid="tweetButtonInline"]').isDisabled()).toBe(true);
  });

  it('home: a thread adds tweetTextarea_1 and posts each post in order', async () => {
    const page = await open('https://x.com/home');
    await editor(page).click();
    await page.keyboard.type('First post');
    await page.locator('[data-testid="addButton"]').click();
    await expect(editor(page, 1).getAttribute('aria-label')).resolves.toBe('Post text');
    await focused(editor(page, 1)); // the new post takes the focus
    await page.keyboard.type('Second post');
    expect(await modelText(editor(page, 1))).toBe('Second post');
    const button = page.locator('button[data-testid="tweetButtonInline"]');
    await expect(button.textContent()).resolves.toBe('Post all');
    await button.click();
    expect(await postedTexts(page)).toEqual(['First post', 'Second post']);
    await expect(editor(page, 1).count()).resolves.toBe(0);
  });

  it('home: the composer unmounts and remounts (fixture control and timeline tabs)', async () => {
    const page = await open('https://x.com/home');
    const before = await editor(page).elementHandle();
    await page.locator('[data-fixture="unmount-composer"]').click();
    await expect(editor(page).count()).resolves.toBe(0);
    expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
    await page.locator('[data-fixture="mount-composer"]').click();
    await editor(page).waitFor();
    const mounted = await editor(page).elementHandle();
    await page.getByRole('tab', { name: 'Following' }).click();
    expect(await mounted!.evaluate((el) => el.isConnected)).toBe(false);
    await editor(page).click();
    await page.keyboard.type('After the switch');
    await page.keyboard.press(SEND);
    expect(await postedTexts(page)).toEqual(['After the switch']);
  });

  it('modal: /compose/post opens a dialog in #layers over the still-mounted inline composer', async () => {
    const page = await open('https://x.com/home');
    await page.locator('[data-testid="SideNav_NewTweet_Button"]').click();
    const dialog = page.locator('#layers [role="dialog"][aria-modal="true"]');
    await dialog.waitFor();
    expect(new URL(page.url()).pathname).toBe('/compose/post');
    await expect(page.locator('[data-testid="tweetTextarea_0"]').count()).resolves.toBe(2);
    await expect(dialog.locator('.public-DraftEditorPlaceholder-root').textContent()).resolves.toBe("What's happening?");
    await focused(dialog.locator('[data-testid="tweetTextarea_0"]')); // the modal focuses its editor
    await page.keyboard.type('From the modal');
    expect(await modelText(dialog.locator('[data-testid="tweetTextarea_0"]'))).toBe('From the modal');
    expect(await modelText(page.locator('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]'))).toBe('');
    await h.screenshot(page, 'x-modal');
    await dialog.locator('button[data-testid="tweetButton"]').click();
    expect(await postedTexts(page)).toEqual(['From the modal']);
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL('https://x.com/home');
  });

  it('modal: loads directly, sends with Ctrl/Cmd+Enter, Esc closes', async () => {
    const page = await open('https://x.com/compose/post');
    const dialog = page.locator('[role="dialog"][aria-modal="true"]');
    await focused(dialog.locator('[data-testid="tweetTextarea_0"]'));
    await page.keyboard.type('Direct');
    await page.keyboard.press(SEND);
    expect(await postedTexts(page, 'x-modal')).toEqual(['Direct']);
    await dialog.waitFor({ state: 'detached' });
    await page.goto('https://x.com/compose/post');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('reply page: inline reply box with "Post your reply"', async () => {
    const page = await open('https://x.com/ada/status/1850000000000000001');
    await expect(page.locator('.public-DraftEditorPlaceholder-root').textContent()).resolves.toBe('Post your reply');
    const button = page.locator('button[data-testid="tweetButtonInline"]');
    await expect(button.textContent()).resolves.toBe('Reply');
    await editor(page).click();
    await page.keyboard.type('Thanks, Ada!');
    await h.screenshot(page, 'x-reply-page');
    await button.click();
    expect(await postedTexts(page, 'x-reply')).toEqual(['Thanks, Ada!']);
  });

  it('reply modal and quote modal from the timeline', async () => {
    const page = await open('https://x.com/home');
    await page.locator('[data-testid="reply"]').first().click();
    let dialog = page.locator('[role="dialog"][aria-modal="true"]');
    await expect(dialog.locator('.public-DraftEditorPlaceholder-root').textContent()).resolves.toBe('Post your reply');
    await expect(dialog.locator('[data-testid="tweetButton"]').textContent()).resolves.toBe('Reply');
    await focused(dialog.locator('[data-testid="tweetTextarea_0"]'));
    await page.keyboard.type('A reply');
    await dialog.locator('[data-testid="tweetButton"]').click();
    await dialog.waitFor({ state: 'detached' });

    await page.locator('[data-testid="retweet"]').first().click();
    await page.getByRole('menuitem', { name: 'Quote' }).click();
    dialog = page.locator('[role="dialog"][aria-modal="true"]');
    await expect(dialog.locator('.public-DraftEditorPlaceholder-root').textContent()).resolves.toBe('Add a comment');
    await expect(dialog.locator('.x-quote-card [data-testid="tweetText"]').count()).resolves.toBe(1);
    await focused(dialog.locator('[data-testid="tweetTextarea_0"]'));
    await page.keyboard.type('Quoting this');
    await h.screenshot(page, 'x-quote');
    await page.keyboard.press(SEND);
    expect(await postedTexts(page, 'x-modal')).toEqual(['A reply', 'Quoting this']);
  });

  it('mobile layout: a <textarea> inside [data-testid^="tweetTextarea"]', async () => {
    const page = await open('https://x.com/home?layout=mobile');
    const textarea = page.locator('[data-testid^="tweetTextarea"] textarea').first();
    await expect(textarea.getAttribute('placeholder')).resolves.toBe("What's happening?");
    await textarea.click();
    await page.keyboard.type('Mobile');
    await page.keyboard.press('Enter');
    await page.keyboard.type('two lines');
    expect(await modelText(textarea)).toBe('Mobile\ntwo lines');
    await h.screenshot(page, 'x-mobile');
    await page.keyboard.press(SEND);
    await textarea.click();
    await page.keyboard.type('By button');
    await page.locator('button[data-testid="tweetButtonInline"]').click();
    expect(await postedTexts(page)).toEqual(['Mobile\ntwo lines', 'By button']);
  });

  it('twitter.com serves the same app', async () => {
    const page = await open('https://twitter.com/home');
    await editor(page).click();
    await page.keyboard.type('Old domain');
    expect(await modelText(editor(page))).toBe('Old domain');
  });

  // Faithfulness check: Draft.js's known trap for anyone replacing text (see sites.md).
  it('Draft applies an insertText made right after moving the selection where ITS selection still was', async () => {
    const page = await open('https://x.com/home');
    const replace = (wait: boolean) =>
      editor(page).evaluate(async (root, wait) => {
        const text = root.querySelector('span[data-text="true"]')!.firstChild as Text; // line 1
        const range = document.createRange();
        range.setStart(text, 4);
        range.setEnd(text, 7);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        if (wait) await new Promise((resolve) => setTimeout(resolve, 0));
        document.execCommand('insertText', false, 'BAR');
      }, wait);
    await editor(page).click();
    await page.keyboard.type('foo bar');
    await page.keyboard.press('Enter');
    await page.keyboard.type('baz qux');
    await replace(true);
    expect(await modelText(editor(page))).toBe('foo BAR\nbaz qux');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('foo bar');
    await page.keyboard.press('Enter');
    await page.keyboard.type('baz qux');
    await replace(false);
    // Draft still had the caret at the end of line 2: the fix lands there, the DOM shows yet another text.
    expect(await modelText(editor(page))).toBe('foo bar\nfoo BAR');
  });
});

describe('network', () => {
  it('nothing but the fixture sites was requested', () => {
    const unexpected = h.aborted().filter((r) => r.url !== 'https://api.x.com/1.1/jot');
    expect(unexpected).toEqual([]);
  });
});
