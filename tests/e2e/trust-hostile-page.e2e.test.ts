// Hostile pages (issue 6): a page script forges clicks and keys on Post and on the gate's own buttons,
// writes the gate's reason, forges messages, and reads the whole DOM (open shadow roots included).
// Nothing may publish past the gate, no audit entry may be written, and none of the policy's
// confidential lists, patterns or other members' data may appear in the page.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, postedTexts, type Harness } from './harness';
import { auditEntries, overlayOf, SEL, setMember } from './composer-helpers';
import { recordTrust } from '../trust/figures';

const DRAFT = 'The code name is Atlas 2, call 333 123 4567';
/** Policy data the page must never see (demo policy): other confidential terms, patterns, other members. */
const SECRETS = ['Project Phoenix', 'codename Orion', 'INV-[0-9]{6}', 'Marco Bianchi', 'Sara Conti', 'Investor relations', 'cazzo', 'merda', '#sponsored'];

let h: Harness;
let page: Page;
let editor: Locator;
let overlay: Locator;
let entriesBefore = 0;
const attempts = { forged: 0, published: 0, entries: 0, leaks: 0 };

beforeAll(async () => {
  h = await launchHarness();
  await setMember(h, 'giulia');
  entriesBefore = (await auditEntries(h)).length;
  page = await h.openPage('https://x.com/home');
  editor = page.locator(SEL.xEditor());
  await editor.click();
  await page.keyboard.type(DRAFT);
});

afterAll(async () => {
  recordTrust({
    area: 'Hostile pages',
    check: 'forged clicks, keys, reasons and messages',
    tried: attempts.forged,
    crashes: h ? h.errors(page).length : 0,
    bypasses: attempts.published + attempts.entries,
    lost: 0,
    note: `${attempts.published} publishes, ${attempts.entries} audit entries, ${attempts.leaks} policy strings in the page`,
  });
  await setMember(h, null).catch(() => undefined);
  await h?.close();
});

async function expectNothingPassed(): Promise<void> {
  await page.waitForTimeout(300);
  const posted = (await postedTexts(page)).length;
  const entries = (await auditEntries(h)).length - entriesBefore;
  attempts.published = Math.max(attempts.published, posted);
  attempts.entries = Math.max(attempts.entries, entries);
  expect(posted).toBe(0);
  expect(entries).toBe(0);
}

describe('a hostile page', () => {
  it('sees the draft checked by Portavoce (the starting point)', async () => {
    overlay = await overlayOf(editor);
    await expect.poll(() => overlay.getAttribute('data-errors')).toBe('2');
  });

  it('forged clicks and keys on Post neither publish nor open the gate', async () => {
    attempts.forged += await page.evaluate(([post, edit]) => {
      const button = document.querySelector<HTMLElement>(post)!;
      const box = document.querySelector<HTMLElement>(edit)!;
      const events: Event[] = [
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
        new MouseEvent('mousedown', { bubbles: true, composed: true }),
        new PointerEvent('pointerup', { bubbles: true, composed: true }),
        new MouseEvent('mouseup', { bubbles: true, composed: true }),
        new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }),
      ];
      for (const event of events) button.dispatchEvent(event);
      button.click();
      for (const init of [{ key: 'Enter', ctrlKey: true }, { key: 'Enter', metaKey: true }, { key: 'Enter' }]) {
        box.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, composed: true, cancelable: true }));
      }
      return events.length + 4;
    }, [SEL.xInlineButton, SEL.xEditor()] as const);
    expect(await overlay.locator('[data-gate]').count()).toBe(0);
    await expectNothingPassed();
  });

  it('forged messages reach nothing: window messages, and no runtime messaging from the page', async () => {
    const result = await page.evaluate((id) => {
      const entry = { at: new Date().toISOString(), platform: 'x', surface: 'post', memberId: 'giulia', rules: [], reason: 'forged', policyName: 'x', policyVersion: 1, draftHash: '0'.repeat(64) };
      for (const data of [{ type: 'audit:append', entry }, { type: 'options:open' }, { type: 'policy:ensure' }, JSON.stringify({ type: 'audit:append', entry })]) {
        window.postMessage(data, '*');
      }
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let sent = 'no chrome.runtime.sendMessage in the page';
      if (typeof runtime?.sendMessage === 'function') {
        try {
          (runtime.sendMessage as (id: string, m: unknown) => void)(id, { type: 'audit:append', entry });
          sent = 'sendMessage accepted';
        } catch (error) {
          sent = `sendMessage refused: ${String(error).slice(0, 80)}`;
        }
      }
      return sent;
    }, h.extensionId);
    attempts.forged += 5;
    expect(result).not.toBe('sendMessage accepted');
    await expectNothingPassed();
  });

  it("the gate's own buttons ignore the page: a written reason and forged clicks publish nothing", async () => {
    await page.locator(SEL.xInlineButton).click(); // the member's real click opens the gate
    const gate = overlay.locator('[data-gate]');
    await expect.poll(() => gate.count()).toBe(1);
    attempts.forged += await overlay.evaluate((host) => {
      const root = host.shadowRoot!;
      const reason = root.querySelector<HTMLTextAreaElement>('textarea[data-reason]')!;
      reason.value = 'Approved by the page';
      reason.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const publish = root.querySelector<HTMLButtonElement>('[data-action="publish-anyway"]')!;
      publish.disabled = false; // a page can flip the attribute too
      publish.click();
      publish.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      publish.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      return 5;
    });
    await expectNothingPassed();
    expect(await gate.count()).toBe(1);
    await gate.locator('[data-action="edit"]').click();
    await expect.poll(() => gate.count()).toBe(0);
    await expectNothingPassed();
  });

  it("reads the whole DOM and finds none of the policy's secrets or other members' data", async () => {
    const dom = await page.evaluate(() => {
      const parts: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        parts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
      };
      visit(document);
      return parts.join('\n');
    });
    expect(dom).toContain('Atlas 2'); // the draft itself, and the finding about it, are there
    const leaked = SECRETS.filter((secret) => dom.toLowerCase().includes(secret.toLowerCase()));
    attempts.leaks = leaked.length;
    expect(leaked).toEqual([]);
  });
});
