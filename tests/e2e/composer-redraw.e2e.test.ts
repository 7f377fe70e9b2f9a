// Every drawing of the underlines, not only the last one, lies on the text it flags. A keystroke keeps the
// client rects of the lines above the one it changed (a finding there, the part there of one running into it) (utils/composer/session.ts, `measurer`): these tests
// change the layout of those lines in the same frame as a keystroke (a restyled line, a page scroll, a
// narrower column), the cases where rects kept from the previous drawing would be wrong. A check installed in
// the page measures, right after each drawing (a MutationObserver callback: before anything else can run),
// every bar's finding as one range over the editor's text, the way the overlay measured it before it kept any
// rects, and records each bar that is off by more than a hundredth of a pixel.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { overlayOf, SEL, useHarness } from './composer-helpers';

const h = useHarness();

/** Lines of the draft: the text past X's 280-character limit starts in the first and runs to the last. */
const FIRST = 'The quarterly letter opens with thanks to everyone who helped, then a long look at what changed this year '
  + 'in the way the team plans, writes and publishes, with the numbers behind each change and a word on what comes next '
  + 'for the newsletter, the podcast and the events, so that anyone reading it knows where to find what they need and whom to ask.';
const SHORT = 'A short line on Project Phoenix.';
const THIRD = 'Then a paragraph that wraps over several lines of the composer, so that a keystroke below it must leave its '
  + 'rects where they are unless something moved them.';

interface Drawings {
  drawings: number;
  wrong: string[];
}

/** Installs the check; returns a reader of what it saw so far. */
async function checkEveryDrawing(editor: Locator, overlay: Locator): Promise<() => Promise<Drawings>> {
  await overlay.evaluate((host, editorEl) => {
    const editor = editorEl as HTMLElement;
    const state: Drawings = { drawings: 0, wrong: [] };
    (window as unknown as { __drawings: Drawings }).__drawings = state;
    // The text map of utils/composer/text-map.ts for Draft.js: the blocks' text leaves, "\n" between blocks.
    const leavesOf = () => {
      const leaves: { node: Text; start: number }[] = [];
      let length = 0;
      editor.querySelectorAll('[data-block]').forEach((block, i) => {
        if (i > 0) length += 1;
        const walk = (node: Node): void => {
          for (let child = node.firstChild; child; child = child.nextSibling) {
            if (child instanceof Text) {
              if (child.data.length === 0) continue;
              leaves.push({ node: child, start: length });
              length += child.data.length;
            } else if (child instanceof HTMLElement) {
              if (child.getAttribute('contenteditable') === 'false') continue;
              if (child.tagName === 'BR') {
                if (child.nextSibling !== null) length += 1;
                continue;
              }
              walk(child);
            }
          }
        };
        walk(block);
      });
      return leaves;
    };
    const locate = (leaves: { node: Text; start: number }[], offset: number, isEnd: boolean): [Text, number] => {
      let found = 0;
      for (let i = 0; i < leaves.length; i++) if (leaves[i]!.start <= offset) found = i;
      if (isEnd && leaves[found]!.start === offset && found > 0) found--;
      const leaf = leaves[found]!;
      return [leaf.node, Math.min(offset - leaf.start, leaf.node.data.length)];
    };
    const check = () => {
      state.drawings++;
      const leaves = leavesOf();
      const bars = [...host.shadowRoot!.querySelectorAll<HTMLElement>('[data-finding]')];
      const byFinding = new Map<string, HTMLElement[]>();
      for (const bar of bars) {
        const key = `${bar.dataset.rule} ${bar.dataset.start} ${bar.dataset.end}`;
        byFinding.set(key, [...(byFinding.get(key) ?? []), bar]);
      }
      for (const [key, own] of byFinding) {
        const [, start, end] = key.split(' ');
        const range = document.createRange();
        range.setStart(...locate(leaves, Number(start), false));
        range.setEnd(...locate(leaves, Number(end), true));
        // Only what is wholly in view: the overlay clips the rest to the visible box (a line's trailing space
        // may stick out of the editor's box).
        const view = editor.getBoundingClientRect();
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= view.left && r.right <= view.right);
        const near = (a: number, b: number) => Math.abs(a - b) <= 0.01;
        const boxes = own.map((bar) => bar.getBoundingClientRect());
        for (const r of rects) {
          // A bar ends 2px below its rect's bottom (components/overlay/Underlines.tsx).
          if (!boxes.some((b) => near(b.left, r.left) && near(b.width, r.width) && near(b.bottom - 2, r.bottom))) {
            state.wrong.push(`drawing ${state.drawings}, ${key}: no bar on ${r.left},${r.top} ${r.width}×${r.height}`);
          }
        }
        if (boxes.length < rects.length) state.wrong.push(`drawing ${state.drawings}, ${key}: ${boxes.length} bars for ${rects.length} rects`);
      }
    };
    // The revision changes with every drawing of the overlay (utils/composer/session.ts).
    new MutationObserver(check).observe(host, { attributes: true, attributeFilter: ['data-revision'] });
  }, await editor.elementHandle());
  return () => editor.page().evaluate(() => (window as unknown as { __drawings: Drawings }).__drawings);
}

/** Runs `change` in the page on the next keydown, so that it lands in the same frame as the key's text. */
function onNextKey(page: Page, change: string): Promise<void> {
  return page.evaluate((source) => {
    window.addEventListener('keydown', () => (0, eval)(source), { capture: true, once: true });
  }, change);
}

async function drawn(read: () => Promise<Drawings>, after: number): Promise<Drawings> {
  await expect.poll(async () => (await read()).drawings, { timeout: 5_000 }).toBeGreaterThan(after);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return read();
}

describe('every drawing lies on the text, including the rects kept from the drawing before', () => {
  it('X: the text past the limit, typed at its end, while the lines above are restyled, scrolled and narrowed', async () => {
    const page = await h.open('https://x.com/home');
    const editor = page.locator(SEL.xEditor());
    await editor.click();
    for (const [i, line] of [FIRST, SHORT, THIRD, 'And the last line'].entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(line);
    }
    const overlay = await overlayOf(editor);
    await expect.poll(() => overlay.evaluate((el) => el.shadowRoot!.querySelectorAll('[data-rule="length"]').length)).toBeGreaterThan(8);
    await expect.poll(() => overlay.evaluate((el) => el.shadowRoot!.querySelectorAll('[data-rule="confidential"]').length)).toBe(1);
    const read = await checkEveryDrawing(editor, overlay);
    let seen = 0;

    // Plain typing at the end: the lines above are kept.
    await page.keyboard.type(' goes on', { delay: 20 });
    seen = (await drawn(read, seen)).drawings;

    // Each change below follows a plain keystroke, so that the rects above the last line are kept when it comes.
    const keep = async () => {
      await page.keyboard.type('a');
      seen = (await drawn(read, seen)).drawings;
    };

    // The short line is spaced out (no new line, no height change): its rects change, its box does not.
    await keep();
    await onNextKey(page, `document.querySelectorAll('[data-block]')[1].querySelector('span').style.letterSpacing = '3px'`);
    await page.keyboard.type('!');
    seen = (await drawn(read, seen)).drawings;

    // The page scrolls (a tall page below the composer) in the keystroke's frame: every line moves up.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { style: 'height:3000px' })));
    await keep();
    await onNextKey(page, 'window.scrollBy(0, 37)');
    await page.keyboard.type('x');
    seen = (await drawn(read, seen)).drawings;

    // The column narrows in the keystroke's frame: the lines above wrap anew (before the resize observer runs).
    await keep();
    await onNextKey(page, `document.querySelector('.x-primary').style.width = '470px'`);
    await page.keyboard.type('y');
    seen = (await drawn(read, seen)).drawings;

    // A new line, then typing in a line above it and deleting there: the split moves up with the change.
    await page.keyboard.press('Enter');
    await page.keyboard.type('A new line', { delay: 20 });
    await editor.locator('[data-block]').nth(2).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' More words here make this paragraph wrap once more for sure.', { delay: 5 });
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    const result = await drawn(read, seen);

    expect(result.wrong).toEqual([]);
    expect(result.drawings).toBeGreaterThan(20);
  });
});
