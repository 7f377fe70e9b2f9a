// Applying a fix goes through the editor's own input path: afterwards the editor's MODEL holds the
// fixed text, the caret sits right after the fix, typing and Backspace work there, and publishing
// sends exactly what the editor shows. On every kind of editor: Draft.js, Quill (light DOM and
// LinkedIn's shadow root), TipTap, the bare messaging contenteditable and the mobile <textarea>.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { modelText, postedTexts } from './harness';
import { focused, overlayOf, SEL, useHarness } from './composer-helpers';

const h = useHarness({ expectNoPageErrors: true });
const { opened } = h;

interface Case {
  name: string;
  url: string;
  /** Opens the composer (if it is not there from the start) and focuses it. */
  setup?: (page: Page) => Promise<void>;
  editor: string;
  /** How to start a new line. */
  newline: string;
  publish: (page: Page) => Promise<void>;
  source: string;
  /** The editor's DOM text is its value (textarea) rather than its leaves. */
  value?: boolean;
}

const clickButton = (selector: string) => (page: Page) => page.locator(selector).click();

const CASES: Case[] = [
  { name: 'X home (Draft.js)', url: 'https://x.com/home', editor: SEL.xEditor(), newline: 'Enter', publish: clickButton(SEL.xInlineButton), source: 'x-home' },
  {
    name: 'X modal (Draft.js) over the inline composer', url: 'https://x.com/compose/post', editor: `${SEL.xDialog} ${SEL.xEditor()}`, newline: 'Enter',
    publish: (page) => page.keyboard.press('ControlOrMeta+Enter'), source: 'x-modal',
  },
  {
    name: 'X mobile <textarea>', url: 'https://x.com/home?layout=mobile', editor: SEL.xTextarea(), newline: 'Enter',
    publish: clickButton(SEL.xInlineButton), source: 'x-home', value: true,
  },
  {
    name: 'LinkedIn share box, light DOM (Quill)', url: 'https://www.linkedin.com/feed/',
    setup: (page) => page.locator('button[data-fixture="open-share"]').click(),
    editor: SEL.liShare, newline: 'Enter', publish: clickButton(SEL.liSharePost), source: 'li-share',
  },
  {
    name: 'LinkedIn share box in the #interop-outlet shadow root (Quill)', url: 'https://www.linkedin.com/feed/?layout=2026',
    setup: (page) => page.locator('button[data-fixture="open-share"]').click(),
    editor: SEL.liShare, newline: 'Enter', publish: clickButton(SEL.liSharePost), source: 'li-share',
  },
  {
    name: 'LinkedIn comment (TipTap)', url: 'https://www.linkedin.com/feed/',
    setup: (page) => page.locator('button.comment-button').first().click(),
    editor: SEL.liComment, newline: 'Enter', publish: clickButton(SEL.liCommentSubmit), source: 'li-comment',
  },
  {
    name: 'LinkedIn legacy comment (Quill in a form)', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001/',
    editor: SEL.liLegacy, newline: 'Enter', publish: clickButton(SEL.liLegacySubmit), source: 'li-comment-legacy',
  },
  {
    name: 'LinkedIn messaging (Enter sends)', url: 'https://www.linkedin.com/messaging/thread/2-abc/',
    editor: SEL.liMessage, newline: 'Shift+Enter', publish: (page) => page.keyboard.press('Enter'), source: 'li-message',
  },
];

async function start(c: Case): Promise<{ page: Page; editor: Locator }> {
  const page = await h.openPage(c.url);
  opened.push(page);
  await c.setup?.(page);
  const editor = page.locator(c.editor);
  if (!(await editor.evaluate((el) => el.matches(':focus')))) await editor.click();
  await focused(editor);
  return { page, editor };
}

/** Hovers the first bar of `rule` and clicks the card's first suggestion. */
async function applyFix(editor: Locator, rule: string): Promise<void> {
  const overlay = await overlayOf(editor);
  const bar = overlay.locator(`[data-finding][data-rule="${rule}"]`).first();
  await bar.waitFor();
  await bar.hover();
  await overlay.locator('[data-card] [data-action="apply"]').first().click();
}

/** What the editor shows, read from its DOM the way a reader would (one line per block). */
function shownText(editor: Locator, value?: boolean): Promise<string> {
  return value
    ? editor.inputValue()
    : editor.evaluate((el) => {
      const draftBlocks = el.querySelectorAll('[data-block]');
      return [...(draftBlocks.length > 0 ? draftBlocks : el.children)].map((block) => block.textContent).join('\n');
    });
}

describe('a fix chosen from the badge list with the keyboard (focus is in our overlay, not in the editor)', () => {
  it.each(CASES.filter((c) => ['x-home', 'li-share', 'li-message'].includes(c.source)))('$name', async (c) => {
    const { page, editor } = await start(c);
    await page.keyboard.type('One ACME line');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-warnings')).toBe('1');
    await overlay.locator('[data-badge] .pill').click();
    await overlay.locator('[data-list-item][data-rule="brand-names"]').press('Enter');
    const apply = overlay.locator('[data-card] [data-action="apply"]').first();
    await expect.poll(() => apply.evaluate((b) => b.matches(':focus'))).toBe(true);
    await apply.press('Enter');
    await expect.poll(() => modelText(editor)).toBe('One Acme line');
    // The editor has the focus back, the caret right after the fix.
    await focused(editor);
    await page.keyboard.type('X');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('!');
    await expect.poll(() => modelText(editor)).toBe('One Acme! line');
    // The findings list closed with the fix (it described the draft before it), leaving the editor focused.
    await expect.poll(() => overlay.locator('#pv-list').count()).toBe(0);
    await focused(editor);
    await c.publish(page);
    await expect.poll(() => postedTexts(page, c.source)).toEqual(['One Acme! line']);
  });
});

describe.each(CASES)('$name', (c) => {
  it('a fix on line 1 with the caret on line 2: model, caret, typing, Backspace and the posted text are right', async () => {
    const { page, editor } = await start(c);
    await page.keyboard.type('Try ACME today');
    await page.keyboard.press(c.newline);
    await page.keyboard.type('second line');
    await expect.poll(() => modelText(editor)).toBe('Try ACME today\nsecond line');

    await applyFix(editor, 'brand-names');
    await expect.poll(() => modelText(editor)).toBe('Try Acme today\nsecond line');
    await focused(editor);
    // The caret is right after the fix: what is typed lands there.
    await page.keyboard.type('!');
    await expect.poll(() => modelText(editor)).toBe('Try Acme! today\nsecond line');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => modelText(editor)).toBe('Try Acm today\nsecond line');
    await page.keyboard.type('e, the cloud,');
    await expect.poll(() => modelText(editor)).toBe('Try Acme, the cloud, today\nsecond line');
    // Backspace still works at the end of the draft, on the other line.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('E');
    const expected = 'Try Acme, the cloud, today\nsecond linE';
    await expect.poll(() => modelText(editor)).toBe(expected);
    expect(await shownText(editor, c.value)).toBe(expected);

    await c.publish(page);
    await expect.poll(() => postedTexts(page, c.source)).toEqual([expected]);
  });

  it('a fix that removes text (exclamations), then more typing', async () => {
    const { page, editor } = await start(c);
    await page.keyboard.type('Great news!!! Really');
    await expect.poll(() => modelText(editor)).toBe('Great news!!! Really');
    await applyFix(editor, 'exclamations');
    await expect.poll(() => modelText(editor)).toBe('Great news! Really');
    await page.keyboard.type(' :)');
    await page.keyboard.press('Backspace');
    const expected = 'Great news! : Really';
    await expect.poll(() => modelText(editor)).toBe(expected);
    await c.publish(page);
    await expect.poll(() => postedTexts(page, c.source)).toEqual([expected]);
  });
});
