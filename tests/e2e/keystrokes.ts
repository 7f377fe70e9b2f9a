// Real key events for long drafts, sent through the DevTools protocol the way Playwright's keyboard.type()
// sends them (US layout: keyDown with the character's text, then keyUp; Input.insertText for a character
// the layout has no key for), but a word's worth at a time instead of one round trip per event: the events
// are still trusted and handled one by one, in order, by the page.
import type { CDPSession, Page } from 'playwright-core';

const SHIFTED_DIGITS = ')!@#$%^&*(';
const PUNCTUATION: Record<string, [code: string, keyCode: number]> = {};
for (const [chars, code, keyCode] of [
  ['-_', 'Minus', 189], ['=+', 'Equal', 187], ['[{', 'BracketLeft', 219], [']}', 'BracketRight', 221],
  ['\\|', 'Backslash', 220], [';:', 'Semicolon', 186], ['\'"', 'Quote', 222], [',<', 'Comma', 188],
  ['.>', 'Period', 190], ['/?', 'Slash', 191], ['`~', 'Backquote', 192],
] as const) {
  for (const c of chars) PUNCTUATION[c] = [code, keyCode];
}

/** The US-layout key of a character, or null when it has none (typed with Input.insertText). */
function keyOf(char: string): { code: string; keyCode: number } | null {
  if (/^[a-z]$/i.test(char)) return { code: `Key${char.toUpperCase()}`, keyCode: char.toUpperCase().charCodeAt(0) };
  if (/^[0-9]$/.test(char)) return { code: `Digit${char}`, keyCode: char.charCodeAt(0) };
  const shifted = SHIFTED_DIGITS.indexOf(char);
  if (shifted >= 0) return { code: `Digit${shifted}`, keyCode: 48 + shifted };
  if (char === ' ') return { code: 'Space', keyCode: 32 };
  const p = PUNCTUATION[char];
  return p ? { code: p[0], keyCode: p[1] } : null;
}

function send(session: CDPSession, char: string): Promise<unknown>[] {
  const key = keyOf(char);
  if (!key) return [session.send('Input.insertText', { text: char })];
  const common = { key: char, code: key.code, windowsVirtualKeyCode: key.keyCode, nativeVirtualKeyCode: key.keyCode };
  return [
    session.send('Input.dispatchKeyEvent', { type: 'keyDown', ...common, text: char, unmodifiedText: char }),
    session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }),
  ];
}

/**
 * Types `text` (no line breaks: press Enter yourself) into the focused element, `batch` characters per round
 * trip, so that the page still renders and the extension still checks between batches.
 */
export async function typeQuickly(page: Page, text: string, batch = 12): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const chars = [...text];
    for (let i = 0; i < chars.length; i += batch) {
      await Promise.all(chars.slice(i, i + batch).flatMap((c) => send(session, c)));
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
  } finally {
    await session.detach();
  }
}
