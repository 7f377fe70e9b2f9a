// The publish gate on every surface: a trusted click on Post/Reply/Comment/Send or the keyboard send
// (Ctrl/Cmd+Enter on X, Enter in LinkedIn messaging) is held while the draft has errors and opens
// [data-gate]; "Publish anyway" needs a reason, writes exactly one audit entry and publishes exactly
// the draft. Untrusted clicks and keys never publish and never write an entry.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { modelText, postedTexts } from './harness';
import { auditEntries, focused, overlayOf, SEL, useHarness } from './composer-helpers';

const h = useHarness({ expectNoPageErrors: true });
const { opened } = h;

interface Case {
  name: string;
  url: string;
  setup?: (page: Page) => Promise<void>;
  editor: string;
  control: string;
  /** The trusted publish: a real click on the control, or the keyboard send. */
  send: 'click' | 'ControlOrMeta+Enter' | 'Enter';
  /** The keyboard send as an untrusted event (dispatched by a script); null where the surface has none. */
  fakeKey: { key: string; ctrlKey?: boolean } | null;
  source: string;
  platform: 'x' | 'linkedin';
  surface: string;
}

const openShare = (page: Page) => page.locator('button[data-fixture="open-share"]').click();
const openBubble = (page: Page) => page.evaluate(() => window.fixture.control('toggle-message-bubble'));
const X_KEY = { key: 'Enter', ctrlKey: true };

const CASES: Case[] = [
  {
    name: 'X modal (click Post)', url: 'https://x.com/compose/post', editor: `${SEL.xDialog} ${SEL.xEditor()}`, control: SEL.xModalButton,
    send: 'click', fakeKey: X_KEY, source: 'x-modal', platform: 'x', surface: 'post',
  },
  {
    name: 'X modal (Ctrl/Cmd+Enter)', url: 'https://x.com/compose/post', editor: `${SEL.xDialog} ${SEL.xEditor()}`, control: SEL.xModalButton,
    send: 'ControlOrMeta+Enter', fakeKey: X_KEY, source: 'x-modal', platform: 'x', surface: 'post',
  },
  {
    name: 'X inline reply (click Reply)', url: 'https://x.com/ada/status/1850000000000000001', editor: SEL.xEditor(), control: SEL.xInlineButton,
    send: 'click', fakeKey: X_KEY, source: 'x-reply', platform: 'x', surface: 'reply',
  },
  {
    name: 'X reply modal (Ctrl/Cmd+Enter)', url: 'https://x.com/compose/post?mode=reply', editor: `${SEL.xDialog} ${SEL.xEditor()}`,
    control: SEL.xModalButton, send: 'ControlOrMeta+Enter', fakeKey: X_KEY, source: 'x-modal', platform: 'x', surface: 'reply',
  },
  {
    name: 'X mobile <textarea> (click Post)', url: 'https://x.com/home?layout=mobile', editor: SEL.xTextarea(), control: SEL.xInlineButton,
    send: 'click', fakeKey: X_KEY, source: 'x-home', platform: 'x', surface: 'post',
  },
  {
    name: 'LinkedIn share box, light DOM', url: 'https://www.linkedin.com/feed/', setup: openShare, editor: SEL.liShare, control: SEL.liSharePost,
    send: 'click', fakeKey: null, source: 'li-share', platform: 'linkedin', surface: 'post',
  },
  {
    name: 'LinkedIn share box in the #interop-outlet shadow root', url: 'https://www.linkedin.com/feed/?layout=2026', setup: openShare,
    editor: SEL.liShare, control: SEL.liSharePost, send: 'click', fakeKey: null, source: 'li-share', platform: 'linkedin', surface: 'post',
  },
  {
    name: 'LinkedIn comment (TipTap)', url: 'https://www.linkedin.com/feed/', setup: (page) => page.locator('button.comment-button').first().click(),
    editor: SEL.liComment, control: SEL.liCommentSubmit, send: 'click', fakeKey: null, source: 'li-comment', platform: 'linkedin', surface: 'comment',
  },
  {
    name: 'LinkedIn legacy comment (Quill form)', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001/',
    editor: SEL.liLegacy, control: SEL.liLegacySubmit, send: 'click', fakeKey: null, source: 'li-comment-legacy', platform: 'linkedin', surface: 'comment',
  },
  {
    name: 'LinkedIn messaging (Enter)', url: 'https://www.linkedin.com/messaging/thread/2-abc/', editor: SEL.liMessage, control: SEL.liSend,
    send: 'Enter', fakeKey: { key: 'Enter' }, source: 'li-message', platform: 'linkedin', surface: 'message',
  },
  {
    name: 'LinkedIn messaging bubble on the feed (Enter)', url: 'https://www.linkedin.com/feed/', setup: openBubble, editor: SEL.liMessage,
    control: SEL.liSend, send: 'Enter', fakeKey: { key: 'Enter' }, source: 'li-message-bubble', platform: 'linkedin', surface: 'message',
  },
  {
    name: 'LinkedIn messaging bubble in the #interop-outlet shadow root (Enter)', url: 'https://www.linkedin.com/feed/?layout=2026', setup: openBubble,
    editor: SEL.liMessage, control: SEL.liSend, send: 'Enter', fakeKey: { key: 'Enter' }, source: 'li-message-bubble', platform: 'linkedin', surface: 'message',
  },
  {
    name: 'LinkedIn messaging (click Send)', url: 'https://www.linkedin.com/messaging/thread/2-abc/', editor: SEL.liMessage, control: SEL.liSend,
    send: 'click', fakeKey: { key: 'Enter' }, source: 'li-message', platform: 'linkedin', surface: 'message',
  },
];

const DRAFT = 'The code name is Atlas 2, call 333 123 4567';

async function start(c: Case): Promise<{ page: Page; editor: Locator; overlay: Locator }> {
  const page = await h.openPage(c.url);
  opened.push(page);
  await c.setup?.(page);
  const editor = page.locator(c.editor);
  if (!(await editor.evaluate((el) => el.matches(':focus')))) await editor.click();
  await focused(editor);
  await page.keyboard.type(DRAFT);
  await expect.poll(() => modelText(editor)).toBe(DRAFT);
  const overlay = await overlayOf(editor);
  await expect.poll(() => overlay.getAttribute('data-errors')).toBe('2');
  return { page, editor, overlay };
}

async function sendTrusted(page: Page, c: Case): Promise<void> {
  if (c.send === 'click') await page.locator(c.control).click();
  else await page.keyboard.press(c.send);
}

describe.each(CASES)('$name', (c) => {
  it('untrusted clicks and keys never publish, never open the gate, never write an entry', async () => {
    const before = (await auditEntries(h)).length;
    const { page, editor, overlay } = await start(c);
    await page.locator(c.control).evaluate((button) => (button as HTMLElement).click());
    await page.locator(c.control).evaluate((button) => button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })));
    if (c.fakeKey) {
      await editor.evaluate((el, init) => el.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, composed: true, cancelable: true })), c.fakeKey);
    }
    await page.waitForTimeout(300);
    expect(await postedTexts(page)).toEqual([]);
    expect(await overlay.locator('[data-gate]').count()).toBe(0);
    expect(await modelText(editor)).toBe(DRAFT);
    expect((await auditEntries(h)).length).toBe(before);
  });

  it('a trusted publish is held; Publish anyway needs a reason, writes one entry and publishes exactly the draft', async () => {
    const before = (await auditEntries(h)).length;
    const { page, overlay } = await start(c);
    await sendTrusted(page, c);
    const gate = overlay.locator('[data-gate]');
    await expect.poll(() => gate.count()).toBe(1);
    expect(await postedTexts(page)).toEqual([]);
    expect(await gate.locator('[data-rule]').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule')).sort()))
      .toEqual(['confidential', 'personal-data']);
    const publish = gate.locator('[data-action="publish-anyway"]');
    expect(await publish.isDisabled()).toBe(true);
    await gate.locator('textarea[data-reason]').fill('  ');
    expect(await publish.isDisabled()).toBe(true);
    await gate.locator('textarea[data-reason]').fill('Approved by legal');
    await publish.click();
    await expect.poll(() => postedTexts(page, c.source)).toEqual([DRAFT]);
    expect(await postedTexts(page)).toEqual([DRAFT]);
    await expect.poll(async () => (await auditEntries(h)).length).toBe(before + 1);
    const entry = (await auditEntries(h)).at(-1)!;
    expect(entry).toMatchObject({ platform: c.platform, surface: c.surface, reason: 'Approved by legal', memberId: null });
    expect(entry.rules).toEqual(expect.arrayContaining([{ id: 'confidential', level: 'error' }, { id: 'personal-data', level: 'error' }]));
    expect(JSON.stringify(entry)).not.toContain('Atlas');
    expect(await gate.count()).toBe(0);
    // Exactly once: nothing more is published, no second entry.
    await page.waitForTimeout(300);
    expect(await postedTexts(page)).toEqual([DRAFT]);
    expect((await auditEntries(h)).length).toBe(before + 1);
  });
});

describe('a keyboard send with no button to click for it', () => {
  it('after Publish anyway, the next send key goes through (and only the next)', async () => {
    const before = (await auditEntries(h)).length;
    const page = await h.openPage('https://www.linkedin.com/messaging/thread/2-abc/');
    opened.push(page);
    // A messaging box whose Send button Portavoce cannot find (Enter still submits the form).
    await page.evaluate(() => document.querySelector('button.msg-form__send-button')!.remove());
    const editor = page.locator(SEL.liMessage);
    await editor.click();
    await page.keyboard.type(DRAFT);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('2');
    await page.keyboard.press('Enter');
    const gate = overlay.locator('[data-gate]');
    await expect.poll(() => gate.count()).toBe(1);
    await gate.locator('textarea[data-reason]').fill('Customer asked');
    await gate.locator('[data-action="publish-anyway"]').click();
    await expect.poll(async () => (await auditEntries(h)).length).toBe(before + 1);
    await focused(editor);
    expect(await postedTexts(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => postedTexts(page, 'li-message')).toEqual([DRAFT]);
    // The next draft with errors is held again.
    await page.keyboard.type('Atlas 2 again');
    await page.keyboard.press('Enter');
    await expect.poll(() => gate.count()).toBe(1);
    expect(await postedTexts(page)).toEqual([DRAFT]);
  });
});

describe('X thread: one Post all button publishes every post', () => {
  it('a finding in the second post holds Post all; the entry covers the thread', async () => {
    const before = (await auditEntries(h)).length;
    const page = await h.openPage('https://x.com/home');
    opened.push(page);
    await page.locator(SEL.xEditor(0)).click();
    await page.keyboard.type('A clean first post');
    await page.locator('[data-testid="addButton"]').click();
    await focused(page.locator(SEL.xEditor(1)));
    await page.keyboard.type('And now Atlas 2');
    const second = await overlayOf(page.locator(SEL.xEditor(1)));
    await expect.poll(() => second.getAttribute('data-errors')).toBe('1');
    // Ctrl+Enter from the clean first post sends the whole thread: held too.
    await page.locator(SEL.xEditor(0)).click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => page.locator('portavoce-overlay').locator('[data-gate]').count()).toBe(1);
    await page.locator('portavoce-overlay [data-gate] [data-action="edit"]').click();
    await page.locator(SEL.xInlineButton).click();
    const gate = page.locator('portavoce-overlay').locator('[data-gate]');
    await expect.poll(() => gate.count()).toBe(1);
    expect(await postedTexts(page)).toEqual([]);
    await gate.locator('textarea[data-reason]').fill('Launch day');
    await gate.locator('[data-action="publish-anyway"]').click();
    await expect.poll(() => page.evaluate(() => window.fixture.posted.map((p) => [p.source, p.index, p.text])))
      .toEqual([['x-home', 0, 'A clean first post'], ['x-home', 1, 'And now Atlas 2']]);
    await expect.poll(async () => (await auditEntries(h)).length).toBe(before + 1);
    expect((await auditEntries(h)).at(-1)).toMatchObject({ rules: [{ id: 'confidential', level: 'error' }], reason: 'Launch day' });
  });
});
