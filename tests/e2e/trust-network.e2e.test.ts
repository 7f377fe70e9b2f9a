// Drafts never leave the device (issue 6): Chromium's own net log records every request the browser
// makes — pages, the extension's service worker, popup and options — while a member types, is checked,
// is held by the gate and publishes on both sites. With no policy URL and no calendar feed set, the only
// requests are the test pages' own (their documents and bundles at the real site URLs). Two logs together:
// Playwright's routes see what pages and extension pages ask for (and serve or abort it); Chromium's net log
// sees whatever reached the network unrouted (the service worker's own fetches would). Chromium's own
// background traffic (updates, spelling dictionaries, account checks) has no initiator and is only counted.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, postedTexts, type Harness } from './harness';
import { ASSETS } from './routes';
import { auditEntries, overlayOf, SEL } from './composer-helpers';
import { recordTrust } from '../trust/figures';

const CONTROL_URL = 'https://control.portavoce.invalid/';
const NET_LOG = join(tmpdir(), `portavoce-netlog-${process.pid}.json`);
const DRAFT = 'The code name is Atlas 2, call 333 123 4567';
const SITE_HOSTS = new Set(['x.com', 'twitter.com', 'www.linkedin.com', ...Object.keys(ASSETS).map((url) => new URL(url).host)]);

let h: Harness;
interface Requested {
  url: string;
  /** The origin that asked: a page, chrome-extension://<id>, or '' for the browser itself. */
  initiator: string;
}
let requests: Requested[] = [];

beforeAll(async () => {
  h = await launchHarness({ args: [`--log-net-log=${NET_LOG}`, '--net-log-capture-mode=Default'] });
});

afterAll(() => {
  rmSync(NET_LOG, { force: true });
});

async function publishPastTheGate(page: Page, editorSelector: string, send: () => Promise<void>, source: string): Promise<void> {
  const editor = page.locator(editorSelector);
  await editor.click();
  await page.keyboard.type(DRAFT);
  const overlay = await overlayOf(editor);
  await expect.poll(() => overlay.getAttribute('data-errors')).toBe('2');
  await send();
  const gate = overlay.locator('[data-gate]');
  await expect.poll(() => gate.count()).toBe(1);
  await gate.locator('textarea[data-reason]').fill('Approved for the network test');
  await gate.locator('[data-action="publish-anyway"]').click();
  await expect.poll(() => postedTexts(page, source)).toEqual([DRAFT]);
}

/** Every http(s) request the net log saw start, with who asked for it. */
function requested(file: string): Requested[] {
  type Event = { type: number; params?: { url?: string; initiator?: string } };
  const log = JSON.parse(readFileSync(file, 'utf8')) as { constants: { logEventTypes: Record<string, number> }; events: Event[] };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && /^https?:/.test(e.params?.url ?? ''))
    .map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? '' }));
}

describe('the network, while a member writes and publishes on both sites', () => {
  it('types, checks, gates and publishes on X and LinkedIn, and opens the popup and options', async () => {
    const before = (await auditEntries(h)).length;
    const x = await h.openPage('https://x.com/home');
    await publishPastTheGate(x, SEL.xEditor(), () => x.locator(SEL.xInlineButton).click(), 'x-home');
    const li = await h.openPage('https://www.linkedin.com/messaging/thread/2-abc/');
    await publishPastTheGate(li, SEL.liMessage, () => li.keyboard.press('Enter'), 'li-message');
    for (const path of ['popup.html', 'options.html']) {
      const page = await h.context.newPage();
      await page.goto(h.extensionUrl(path));
      await page.waitForTimeout(500);
    }
    // A control: a request an extension page does make must show up in the logs, or they prove nothing.
    const control = await h.context.newPage();
    await control.goto(h.extensionUrl('options.html'));
    await control.evaluate((url) => fetch(url).catch(() => undefined), CONTROL_URL);
    expect(h.requests.map((r) => r.url)).toContain(CONTROL_URL);
    await expect.poll(async () => (await auditEntries(h)).length).toBe(before + 2);
    await h.close(); // the net log is complete once the browser has exited
    requests = requested(NET_LOG);
  });

  it('the extension asked for nothing, and the pages only for themselves', () => {
    const routed = h.requests.filter((r) => r.url !== CONTROL_URL);
    const foreign = routed.filter((r) => r.outcome === 'aborted' || !SITE_HOSTS.has(new URL(r.url).host));
    const unrouted = requests.filter((r) => r.initiator !== 'not an origin' && r.initiator !== '');
    const browserOwn = requests.length - unrouted.length;
    recordTrust({
      area: 'Hostile pages',
      check: 'requests while typing, gating, publishing',
      tried: routed.length + unrouted.length,
      crashes: 0,
      bypasses: foreign.length + unrouted.length,
      lost: 0,
      note: `${routed.length} requests, all the test pages' own; 0 from the extension; ${browserOwn} of Chromium's own not counted`,
    });
    expect(routed.length).toBeGreaterThan(0); // the pages' documents and bundles
    expect(foreign.map((r) => r.url)).toEqual([]);
    expect(unrouted.map((r) => `${r.initiator} → ${r.url}`)).toEqual([]);
    // The drafts went nowhere: no request carries them.
    expect([...requests, ...h.requests].filter((r) => decodeURIComponent(r.url).includes('Atlas'))).toEqual([]);
  });
});
