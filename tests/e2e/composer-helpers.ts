// Helpers shared by the composer e2e tests (composer*.e2e.test.ts): find the overlay host of one
// editor, measure words in the page, read the audit log, choose a member.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchHarness, type Harness, type LaunchOptions } from './harness';

/** Every X and LinkedIn editor of the fixture pages, by what the tests call them. */
export const SEL = {
  xEditor: (n = 0) => `[data-testid="tweetTextarea_${n}"][contenteditable="true"]`,
  xTextarea: (n = 0) => `[data-testid="tweetTextarea_${n}"] textarea`,
  xInlineButton: 'button[data-testid="tweetButtonInline"]',
  xModalButton: 'button[data-testid="tweetButton"]',
  xDialog: '#layers [role="dialog"]',
  liShare: '.share-creation-state__text-editor .ql-editor[contenteditable="true"]',
  liSharePost: 'button.share-actions__primary-action',
  liComment: 'div[data-view-name="comment-box"] .ProseMirror[contenteditable="true"]',
  liCommentSubmit: 'div[data-view-name="comment-box"] button[type="submit"]',
  liLegacy: 'form.comments-comment-box__form .ql-editor[contenteditable="true"]',
  liLegacySubmit: '.comments-comment-box__submit-button--cr',
  liMessage: 'div.msg-form__contenteditable[role="textbox"]',
  liSend: 'button.msg-form__send-button',
} as const;

export const SEND = 'ControlOrMeta+Enter';

export async function typeInto(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.page().keyboard.type(text);
}

/** Waits until `editor` has the focus (editors that focus themselves do it after render). */
export async function focused(editor: Locator): Promise<void> {
  await expect.poll(() => editor.evaluate((el) => el.matches(':focus')), { timeout: 5_000 }).toBe(true);
}

/** Every overlay host of the page, in the document and in open shadow roots. */
export function overlayCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    const visit = (root: Document | ShadowRoot) => {
      n += root.querySelectorAll('portavoce-overlay').length;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot && el.tagName !== 'PORTAVOCE-OVERLAY') visit(el.shadowRoot);
    };
    visit(document);
    return n;
  });
}

let tagged = 0;
/**
 * The overlay host that belongs to `editor`: the one whose badge sits at the editor's bottom-right
 * corner (the badge's anchor). The test tags it so a plain locator finds it again.
 */
export async function overlayOf(editor: Locator): Promise<Locator> {
  const id = `o${++tagged}`;
  await expect
    .poll(
      () =>
        editor.evaluate((el, tag) => {
          const hosts: Element[] = [];
          const visit = (root: Document | ShadowRoot) => {
            hosts.push(...root.querySelectorAll('portavoce-overlay'));
            for (const e of root.querySelectorAll('*')) if (e.shadowRoot && e.tagName !== 'PORTAVOCE-OVERLAY') visit(e.shadowRoot);
          };
          visit(document);
          const box = el.getBoundingClientRect();
          let best: Element | null = null;
          let bestDistance = Infinity;
          for (const host of hosts) {
            const badge = host.shadowRoot?.querySelector('[data-badge]');
            if (!badge) continue;
            const b = badge.getBoundingClientRect();
            const distance = Math.hypot(b.right - box.right, b.bottom - box.bottom);
            if (distance < bestDistance) [best, bestDistance] = [host, distance];
          }
          if (!best || bestDistance > 4) return false;
          best.setAttribute('data-e2e', tag);
          return true;
        }, id),
      { timeout: 5_000 },
    )
    .toBe(true);
  return editor.page().locator(`portavoce-overlay[data-e2e="${id}"]`);
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The client rects of the `nth` occurrence of `word` in the editor's text, measured in the page
 * (main world) independently of Portavoce: text leaves concatenated (no line breaks), the range
 * spanning as many leaves as it needs. A <textarea> gets no rects (measure it with a mirror).
 */
export function wordRects(editor: Locator, word: string, nth = 0): Promise<Box[]> {
  return editor.evaluate(
    (el, [w, n]) => {
      const leaves: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) leaves.push(node as Text);
      const all = leaves.map((t) => t.data).join('');
      let at = -1;
      for (let i = 0; i <= (n as number); i++) at = all.indexOf(w as string, at + 1);
      if (at < 0) return [];
      const locate = (offset: number, end: boolean): [Text, number] => {
        let sum = 0;
        for (const leaf of leaves) {
          const len = leaf.data.length;
          if (offset < sum + len || (end && offset === sum + len)) return [leaf, offset - sum];
          sum += len;
        }
        return [leaves[leaves.length - 1]!, leaves[leaves.length - 1]!.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + (w as string).length, true));
      return [...range.getClientRects()]
        .filter((r) => r.width > 0)
        .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    },
    [word, nth] as const,
  );
}

/** The viewport boxes of the underline pieces of one rule, in document order. */
export function barBoxes(overlay: Locator, rule: string, start?: number): Promise<Box[]> {
  const selector = `[data-finding][data-rule="${rule}"]${start === undefined ? '' : `[data-start="${start}"]`}`;
  return overlay.evaluate(
    (host, sel) =>
      [...host.shadowRoot!.querySelectorAll(sel)].map((bar) => {
        const b = bar.getBoundingClientRect();
        return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
      }),
    selector,
  );
}

/** Polls `check` until it stops throwing (2 s), then fails with its last error. */
export async function eventually(check: () => Promise<void>, timeout = 2_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The bar straddles the text's bottom edge: it ends 2px below it (components/overlay/Underlines.tsx). */
const BAR_BELOW = 2;

/** Every bar matches one of the word's rects and every rect has its bar, within `tolerance` px. */
export function expectBarsOnRects(bars: Box[], rects: Box[], tolerance = 2): void {
  expect(rects.length).toBeGreaterThan(0);
  const near = (bar: Box, r: Box) =>
    Math.abs(bar.left - r.left) <= tolerance &&
    Math.abs(bar.right - r.right) <= tolerance &&
    Math.abs(bar.bottom - BAR_BELOW - r.bottom) <= tolerance;
  for (const bar of bars) expect(rects.some((r) => near(bar, r)), `bar ${JSON.stringify(bar)} on ${JSON.stringify(rects)}`).toBe(true);
  for (const r of rects) expect(bars.some((bar) => near(bar, r)), `rect ${JSON.stringify(r)} has a bar in ${JSON.stringify(bars)}`).toBe(true);
}

/** An extension page of the harness, for chrome.storage. */
async function withExtensionPage<T>(h: Harness, run: (page: Page) => Promise<T>): Promise<T> {
  const page = await h.context.newPage();
  try {
    await page.goto(h.extensionUrl('popup.html'));
    return await run(page);
  } finally {
    await page.close();
  }
}

/**
 * The audit log, oldest first, as the extension itself reads it: the background's `audit:list` (the log lives
 * in the extension's IndexedDB), without the database's row number.
 */
export function auditEntries(h: Harness): Promise<Record<string, unknown>[]> {
  return withExtensionPage(h, (page) =>
    page.evaluate(async () => {
      const reply = (await (globalThis as any).chrome.runtime.sendMessage({ type: 'audit:list' })) as { ok: boolean; entries?: Record<string, unknown>[]; error?: string };
      if (!reply?.ok) throw new Error(`audit:list failed: ${reply?.error}`);
      return reply.entries!.map(({ seq: _seq, ...entry }) => entry).reverse();
    }),
  );
}

/** Chooses the member this browser speaks for (null: none). */
export function setMember(h: Harness, member: string | null): Promise<void> {
  return withExtensionPage(h, (page) =>
    page.evaluate(async (m) => {
      const storage = (globalThis as any).chrome.storage.local;
      if (m === null) await storage.remove('member');
      else await storage.set({ member: m });
    }, member),
  );
}

/**
 * The client rects of value[start, end) of a <textarea>, measured by the test itself: a throwaway
 * div in the page with EVERY computed property of the textarea copied, laid over it and scrolled
 * like it, removed again at once. An oracle independent of Portavoce's own mirror.
 */
export function textareaRects(textarea: Locator, start: number, end: number): Promise<Box[]> {
  return textarea.evaluate(
    (el, [from, to]) => {
      const field = el as HTMLTextAreaElement;
      const style = getComputedStyle(field);
      const div = document.createElement('div');
      for (const name of style) div.style.setProperty(name, style.getPropertyValue(name));
      const rect = field.getBoundingClientRect();
      Object.assign(div.style, {
        position: 'fixed', left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px`,
        boxSizing: 'border-box', margin: '0', overflow: 'hidden', visibility: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word',
      });
      // The same scrollbar as the textarea, so the text wraps at the same width.
      const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
      if (field.offsetWidth - field.clientWidth - borders > 0) div.style.overflowY = 'scroll';
      const text = document.createTextNode(field.value);
      div.append(text, '\u200b');
      document.body.append(div);
      div.scrollTop = field.scrollTop;
      const range = document.createRange();
      range.setStart(text, from as number);
      range.setEnd(text, to as number);
      // What the textarea shows: its padding box.
      const top = rect.top + field.clientTop;
      const bottom = top + field.clientHeight;
      const rects = [...range.getClientRects()]
        .filter((r) => r.width > 0 && r.bottom > top && r.top < bottom)
        .map((r) => ({ left: r.left, top: Math.max(r.top, top), right: r.right, bottom: Math.min(r.bottom, bottom) }));
      div.remove();
      return rects;
    },
    [start, end] as const,
  );
}

/** The first finding of `rule`: its offsets, as the overlay's bars say. */
export async function findingRange(overlay: Locator, rule: string): Promise<{ start: number; end: number }> {
  const bar = overlay.locator(`[data-finding][data-rule="${rule}"]`).first();
  await bar.waitFor({ state: 'attached' });
  return { start: Number(await bar.getAttribute('data-start')), end: Number(await bar.getAttribute('data-end')) };
}

/** Lets the page and Portavoce run their animation frames (scroll and resize re-measure in one). */
export function frames(page: Page, n = 3): Promise<void> {
  return page.evaluate(
    (count) => new Promise<void>((resolve) => {
      let left = count;
      const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
      requestAnimationFrame(step);
    }),
    n,
  );
}

/**
 * The harness of one test file: launched before its tests, the pages listed in `opened` closed after each
 * test (with `expectNoPageErrors`, failing the test if any of them logged an error), closed after the file.
 * Use it as the harness itself (`h.openPage(…)`) from inside tests; `open(url)` is openPage with the page
 * listed in `opened`.
 */
export function useHarness(options?: LaunchOptions & { expectNoPageErrors?: boolean }): Harness & { opened: Page[]; open(url: string): Promise<Page> } {
  let harness: Harness | undefined;
  const opened: Page[] = [];
  /** openPage, the page closed after the test. */
  const open = async (url: string): Promise<Page> => {
    if (!harness) throw new Error('the harness is used before its beforeAll ran');
    const page = await harness.openPage(url);
    opened.push(page);
    return page;
  };
  beforeAll(async () => {
    harness = await launchHarness(options);
  });
  afterEach(async () => {
    const errors = options?.expectNoPageErrors && harness ? opened.flatMap((p) => harness!.errors(p)) : [];
    await Promise.all(opened.splice(0).map((p) => p.close()));
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return new Proxy({ opened, open } as Harness & { opened: Page[]; open(url: string): Promise<Page> }, {
    get(target, key) {
      if (key === 'opened') return target.opened;
      if (key === 'open') return target.open;
      if (!harness) throw new Error('the harness is used before its beforeAll ran');
      return Reflect.get(harness, key);
    },
  });
}
