// Underlines sit under the exact characters of each finding and stay there: multi-line drafts,
// wrapped lines, a finding that itself wraps, page scroll, window resize, the textarea's own scroll.
// Each [data-finding] piece is compared with the word's rects measured in the page, within 2px.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { modelText } from './harness';
import { barBoxes, eventually, expectBarsOnRects, findingRange, focused, frames, overlayOf, SEL, textareaRects, typeInto, wordRects, useHarness } from './composer-helpers';
import { typeQuickly } from './keystrokes';

const h = useHarness();
const { open } = h;

/** Types lines separated by Enter (a new block in Draft.js, Quill and ProseMirror). */
async function typeLines(page: Page, lines: string[], newline = 'Enter'): Promise<void> {
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press(newline);
    await typeQuickly(page, line);
  }
}

/** The bars of the first finding of `rule` lie on the rects of the text it flags (inside one block). */
async function expectAligned(editor: Locator, overlay: Locator, rule: string): Promise<void> {
  await eventually(async () => {
    const { start, end } = await findingRange(overlay, rule);
    const word = (await modelText(editor))!.slice(start, end);
    expect(word).not.toContain('\n');
    expectBarsOnRects(await barBoxes(overlay, rule, start), await wordRects(editor, word));
  });
}

/** Makes the document taller than the window, so it can scroll. Outside every composer. */
async function tallPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
  });
}

const PARAGRAPH =
  'This paragraph is long enough to wrap onto a second line inside the composer, and the name Atlas 2 comes well after the first break.';

describe('contenteditable editors', () => {
  it('X (Draft.js): a multi-line draft and a wrapped line, through page scroll and window resize', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(SEL.xEditor());
    await editor.click();
    await typeLines(page, ['Line one is fine', 'Here is Project Phoenix on line two', PARAGRAPH]);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('2');
    // Atlas 2 is on the wrapped (second) visual line of the third block.
    const atlas = await wordRects(editor, 'Atlas 2');
    const paragraphStart = await wordRects(editor, 'This paragraph');
    expect(atlas[0]!.top).toBeGreaterThan(paragraphStart[0]!.bottom - 1);
    for (const rule of ['confidential']) await expectAligned(editor, overlay, rule);
    const bars = await barBoxes(overlay, 'confidential');
    expect(bars).toHaveLength(2);
    expectBarsOnRects(bars, [...(await wordRects(editor, 'Project Phoenix')), ...atlas]);

    await tallPage(page);
    await page.evaluate(() => window.scrollTo(0, 60));
    await frames(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(60);
    expectBarsOnRects(await barBoxes(overlay, 'confidential'), [...(await wordRects(editor, 'Project Phoenix')), ...(await wordRects(editor, 'Atlas 2'))]);

    await page.setViewportSize({ width: 700, height: 600 });
    await frames(page);
    await eventually(async () =>
      expectBarsOnRects(await barBoxes(overlay, 'confidential'), [...(await wordRects(editor, 'Project Phoenix')), ...(await wordRects(editor, 'Atlas 2'))]),
    );
  });

  it('X: underlines follow typing before them (the words move, the bars move)', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(SEL.xEditor());
    await typeInto(editor, 'Project Phoenix');
    const overlay = await overlayOf(editor);
    await expectAligned(editor, overlay, 'confidential');
    await page.keyboard.press('Home');
    await page.keyboard.type('Soon, maybe next week: ');
    await expect.poll(async () => (await findingRange(overlay, 'confidential')).start).toBe(23);
    await expectAligned(editor, overlay, 'confidential');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expectAligned(editor, overlay, 'confidential');
  });

  it('X thread: lines typed in the first post push the next one down, and its bars follow', async () => {
    const page = await open('https://x.com/home');
    await typeInto(page.locator(SEL.xEditor(0)), 'First post');
    await page.locator('[data-testid="addButton"]').click();
    const second = page.locator(SEL.xEditor(1));
    await focused(second);
    await page.keyboard.type('And Project Phoenix');
    const overlay = await overlayOf(second);
    await expectAligned(second, overlay, 'confidential');
    const before = (await barBoxes(overlay, 'confidential'))[0]!;
    await page.locator(SEL.xEditor(0)).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await expectAligned(second, overlay, 'confidential');
    expect((await barBoxes(overlay, 'confidential'))[0]!.top).toBeGreaterThan(before.top + 20);
  });

  it('X: the page moves or narrows the editor without a scroll or a window resize', async () => {
    const page = await open('https://x.com/home');
    const editor = page.locator(SEL.xEditor());
    await typeInto(editor, `Short start. ${PARAGRAPH}`);
    const overlay = await overlayOf(editor);
    await expectAligned(editor, overlay, 'confidential');
    const before = (await barBoxes(overlay, 'confidential'))[0]!;
    // A banner appears above the composer: everything below moves down.
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.style.height = '70px';
      banner.textContent = 'New posts are available';
      document.querySelector('.x-tabs')!.before(banner);
    });
    await expectAligned(editor, overlay, 'confidential');
    expect((await barBoxes(overlay, 'confidential'))[0]!.top).toBeCloseTo(before.top + 70, 0);
    // The column narrows (a sidebar opens): the paragraph wraps differently.
    await page.evaluate(() => ((document.querySelector('.x-primary') as HTMLElement).style.width = '420px'));
    await expectAligned(editor, overlay, 'confidential');
  });

  it('LinkedIn share box in the shadow root (Quill): a finding that wraps over lines, then a resize', async () => {
    const page = await open('https://www.linkedin.com/feed/?layout=2026');
    await page.locator('button[data-fixture="open-share"]').click();
    const editor = page.locator(SEL.liShare);
    await focused(editor);
    const shout = 'PLEASE READ THIS VERY IMPORTANT ANNOUNCEMENT ABOUT THE NEW OFFICE OPENING NEXT WEEK IN MILAN, ROME, TURIN, NAPLES AND BOLOGNA';
    await typeLines(page, ['Hello all', shout]);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.locator('[data-finding][data-rule="shouting"]').count()).toBeGreaterThan(1);
    const { start, end } = await findingRange(overlay, 'shouting');
    const flagged = (await modelText(editor))!.slice(start, end);
    const rects = await wordRects(editor, flagged);
    expect(new Set(rects.map((r) => Math.round(r.top))).size).toBeGreaterThan(1); // it does wrap
    await expectAligned(editor, overlay, 'shouting');
    await page.setViewportSize({ width: 800, height: 700 });
    await frames(page);
    await expectAligned(editor, overlay, 'shouting');
  });

  it('LinkedIn share box in the shadow root: the dialog scrolls inside the shadow root, the bars follow', async () => {
    const page = await open('https://www.linkedin.com/feed/?layout=2026');
    await page.locator('button[data-fixture="open-share"]').click();
    const editor = page.locator(SEL.liShare);
    await focused(editor);
    const lines = Array.from({ length: 40 }, (_, i) => (i === 3 ? 'Line four mentions Project Phoenix' : `Line ${i + 1} of a long draft`));
    await typeLines(page, lines);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('1');
    const content = page.locator('.artdeco-modal__content');
    // Typing at the end scrolled the dialog down: Project Phoenix is above the visible part, so no bar.
    expect(await content.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await eventually(async () => expect(await barBoxes(overlay, 'confidential')).toEqual([]));
    // A scroll inside the shadow root (scroll events never reach window from there) brings it back.
    await content.evaluate((el) => (el.scrollTop = 0));
    await expectAligned(editor, overlay, 'confidential');
    await content.evaluate((el) => (el.scrollTop = 40));
    await expectAligned(editor, overlay, 'confidential');
  });

  it('LinkedIn comment (TipTap): multi-line, page scroll', async () => {
    const page = await open('https://www.linkedin.com/feed/');
    await page.locator('button.comment-button').first().click();
    const editor = page.locator(SEL.liComment);
    await focused(editor);
    await typeLines(page, ['Great news', 'But INV-123456 is internal', 'and so is Project Phoenix']);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('2');
    await expectAligned(editor, overlay, 'invoice-numbers');
    await expectAligned(editor, overlay, 'confidential');
    await tallPage(page);
    await page.evaluate(() => window.scrollTo(0, 80));
    await frames(page);
    await expectAligned(editor, overlay, 'invoice-numbers');
    await expectAligned(editor, overlay, 'confidential');
  });

  it('LinkedIn messaging: multi-line (Shift+Enter)', async () => {
    const page = await open('https://www.linkedin.com/messaging/thread/2-abc/');
    const editor = page.locator(SEL.liMessage);
    await editor.click();
    await typeLines(page, ['Hi Alan', 'the code name is Atlas 2, keep it quiet'], 'Shift+Enter');
    const overlay = await overlayOf(editor);
    await expectAligned(editor, overlay, 'confidential');
  });
});

describe('the mobile <textarea>: a mirror in our shadow root measures the text', () => {
  /** Every finding of `rule`: its bars on the oracle's rects (none when it is scrolled out of sight). */
  async function expectTextareaAligned(editor: Locator, overlay: Locator, rule: string): Promise<void> {
    await eventually(async () => {
      const starts = await overlay.evaluate(
        (host, r) => [...new Set([...host.shadowRoot!.querySelectorAll(`[data-rule="${r}"][data-finding]`)].map((b) => `${b.getAttribute('data-start')}:${b.getAttribute('data-end')}`))],
        rule,
      );
      const text = await editor.inputValue();
      let seen = 0;
      for (const at of text.matchAll(new RegExp(rule === 'confidential' ? 'Project Phoenix|Atlas 2' : '$^', 'g'))) {
        const [start, end] = [at.index!, at.index! + at[0].length];
        const rects = await textareaRects(editor, start, end);
        const bars = await barBoxes(overlay, rule, start);
        if (rects.length === 0) expect(bars).toEqual([]);
        else {
          expect(starts).toContain(`${start}:${end}`);
          expectBarsOnRects(bars, rects);
          seen++;
        }
      }
      expect(seen).toBeGreaterThan(0);
    });
  }

  it('multi-line and wrapped text, the textarea scrolled inside, the page scrolled and resized', async () => {
    const page = await open('https://x.com/home?layout=mobile');
    const editor = page.locator(SEL.xTextarea());
    await editor.click();
    await typeLines(page, ['Line one', 'Line two has Project Phoenix', 'Three', PARAGRAPH]);
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('2');
    // Three rows tall: the caret at the end scrolled it; the text near the top is out of sight.
    const scrolled = await editor.evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(0);
    // Atlas 2 (visible at the bottom) is underlined where the textarea shows it.
    await expectTextareaAligned(editor, overlay, 'confidential');
    const atlasBars = await barBoxes(overlay, 'confidential');
    const box = await editor.boundingBox();
    for (const bar of atlasBars) {
      expect(bar.top).toBeGreaterThanOrEqual(box!.y - 4);
      expect(bar.bottom).toBeLessThanOrEqual(box!.y + box!.height + 4);
    }

    // Scroll the textarea to the top: Project Phoenix comes into view and gets its bar there.
    await editor.evaluate((el) => (el.scrollTop = 0));
    await frames(page);
    await expectTextareaAligned(editor, overlay, 'confidential');
    const phoenixAt = 'Line one\nLine two has '.length;
    expect(await textareaRects(editor, phoenixAt, phoenixAt + 'Project Phoenix'.length)).toHaveLength(1);
    expect(await barBoxes(overlay, 'confidential', phoenixAt)).toHaveLength(1);

    await tallPage(page);
    await page.evaluate(() => window.scrollTo(0, 50));
    await frames(page);
    await expectTextareaAligned(editor, overlay, 'confidential');

    await page.setViewportSize({ width: 760, height: 700 });
    await frames(page);
    await expectTextareaAligned(editor, overlay, 'confidential');
  });

  it('the mirror lives in our host, never in the page', async () => {
    const page = await open('https://x.com/home?layout=mobile');
    const editor = page.locator(SEL.xTextarea());
    await typeInto(editor, 'Project Phoenix');
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.locator('[data-finding]').count()).toBe(1);
    expect(await overlay.evaluate((host) => !!host.shadowRoot!.querySelector('[data-portavoce-mirror]'))).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('[data-portavoce-mirror]').length)).toBe(0);
  });
});
