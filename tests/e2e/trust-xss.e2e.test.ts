// XSS (issue 6): 50 payloads placed in a policy's name, rule messages, member names and roles, topic labels,
// in calendar titles, notes and topics of an imported ICS file, and in an override's reason, must render as
// literal text in the composer overlay, the popup and the options page: no element is created from them
// (each would carry `xss-canary`) and no script runs (each would set `__xss`).
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, postedTexts, type Harness } from './harness';
import { overlayOf, SEL } from './composer-helpers';
import { XSS_PAYLOADS } from '../trust/xss-payloads';
import { recordTrust } from '../trust/figures';

const N = XSS_PAYLOADS.length;
const P = (i: number) => XSS_PAYLOADS[i % N]!;

const POLICY = {
  version: 1,
  name: P(0),
  locale: 'en',
  gate: 'error',
  members: XSS_PAYLOADS.map((_, i) => ({ id: `m${i}`, name: P(i), role: P(i + 1), topics: [`t${i}`] })),
  topics: XSS_PAYLOADS.map((_, i) => ({ id: `t${i}`, label: P(i), keywords: [`topicword${i}`] })),
  rules: [
    ...XSS_PAYLOADS.map((payload, i) => ({ id: `r${i}`, kind: 'terms', level: 'error', terms: [`xssterm${i}`], message: `${payload} {match}` })),
    { id: 'topics', kind: 'topics', level: 'warning' },
  ],
};
const DRAFT = `${XSS_PAYLOADS.map((_, i) => `xssterm${i}`).join(' ')} topicword1 topicword2`;

/** A TEXT value of ICS: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
function icsOf(payloads: readonly string[]): string {
  const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const events = payloads.map((payload, i) => [
    'BEGIN:VEVENT', `UID:xss-${i}@portavoce.test`, `DTSTAMP:${today}T000000Z`, `DTSTART;VALUE=DATE:${today}`,
    `SUMMARY:${icsText(payload)}`, `DESCRIPTION:${icsText(P(i + 7))}`, `CATEGORIES:t${i}`, 'X-PORTAVOCE-KIND:slot', `X-PORTAVOCE-MEMBER:m${i}`, 'END:VEVENT',
  ].join('\r\n'));
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Portavoce//XSS test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

let h: Harness;
const rendered = { places: 0, elements: 0, scripts: 0 };

beforeAll(async () => {
  h = await launchHarness();
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl('options.html'));
  const reply = await page.evaluate(async (text) => {
    const runtime = (globalThis as any).chrome.runtime;
    const imported = await runtime.sendMessage({ type: 'policy:import', name: 'xss.json', text });
    const member = await runtime.sendMessage({ type: 'member:set', memberId: 'm0' });
    return { imported, member };
  }, JSON.stringify(POLICY));
  expect(reply.imported?.ok, JSON.stringify(reply.imported)).toBe(true);
  await page.close();
});

afterAll(async () => {
  recordTrust({
    area: 'Hostile input',
    check: `XSS: ${N} payloads in policy, calendar, ICS, reason`,
    tried: N * rendered.places,
    crashes: 0,
    bypasses: rendered.elements + rendered.scripts,
    lost: 0,
    note: `${rendered.places} places (overlay, gate, popup, options, playground, audit); ${rendered.elements} elements created, ${rendered.scripts} scripts run`,
  });
  await h?.close();
});

/** Elements carrying the canary anywhere in the page (open shadow roots included), and whether a payload ran. */
async function injected(page: Page): Promise<{ elements: number; ran: boolean; text: string }> {
  return page.evaluate(() => {
    let elements = 0;
    const texts: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      elements += root.querySelectorAll('[xss-canary]').length;
      texts.push(root instanceof Document ? root.body.innerText : (root.textContent ?? ''));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return { elements, ran: (window as { __xss?: unknown }).__xss !== undefined, text: texts.join('\n') };
  });
}

async function expectInert(page: Page, where: string, mustShow: string[]): Promise<void> {
  await page.waitForTimeout(300); // let onerror/onload/autofocus handlers fire, if any element was made
  const found = await injected(page);
  rendered.places++;
  rendered.elements += found.elements;
  rendered.scripts += found.ran ? 1 : 0;
  expect(found.elements, `${where}: elements created from payloads`).toBe(0);
  expect(found.ran, `${where}: a payload ran`).toBe(false);
  for (const text of mustShow) expect(found.text, `${where} shows the payload as text`).toContain(text);
}

describe('payloads render as text', () => {
  let x: Page;
  let overlay: Locator;

  it('in the composer overlay: badge, findings list and the publish gate', async () => {
    // LinkedIn messaging: a draft of 50 flagged words is longer than X allows, and X would disable Post.
    x = await h.openPage('https://www.linkedin.com/messaging/thread/2-abc/');
    const editor = x.locator(SEL.liMessage);
    await editor.click();
    await x.keyboard.insertText(DRAFT);
    overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe(String(N));
    await overlay.locator('[data-badge] .pill').click();
    await expectInert(x, 'findings list', [P(3)]);
    await x.keyboard.press('Escape');
    await editor.click();
    await x.keyboard.press('Enter');
    const gate = overlay.locator('[data-gate]');
    await expect.poll(() => gate.count()).toBe(1);
    await expectInert(x, 'publish gate', [P(0), P(1), P(49)]);
  });

  it('in the audit log, from an override whose reason is a payload', async () => {
    const gate = overlay.locator('[data-gate]');
    await gate.locator('textarea[data-reason]').fill(P(1));
    await gate.locator('[data-action="publish-anyway"]').click();
    await expect.poll(() => postedTexts(x)).toHaveLength(1);
    const options = await h.context.newPage();
    await options.goto(h.extensionUrl('options.html'));
    await expect.poll(() => options.locator('[data-audit-row]').count()).toBeGreaterThan(0);
    await expectInert(options, 'options: profile, policy, audit', [P(1)]);
    await options.locator('textarea[data-playground]').fill('xssterm5 xssterm6 topicword9');
    await expect.poll(() => options.locator('[data-finding]').count()).toBeGreaterThan(0);
    await expectInert(options, 'options: playground', []);
    await options.close();
  });

  it('in the popup, from an imported ICS file', async () => {
    const popup = await h.context.newPage();
    await popup.goto(h.extensionUrl('popup.html'));
    await popup.locator('input[type=file][data-import="ics"]').setInputFiles({ name: 'xss.ics', mimeType: 'text/calendar', buffer: Buffer.from(icsOf(XSS_PAYLOADS)) });
    await expect.poll(() => popup.locator('[data-entry]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(N);
    await expectInert(popup, 'popup: today', [P(2), P(40)]);
    for (const view of ['agenda', 'week', 'month']) {
      await popup.locator(`[data-view="${view}"]`).click();
      await expectInert(popup, `popup: ${view}`, []);
    }
    await popup.close();
  });
});
