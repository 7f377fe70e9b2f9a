// Enterprise deployment, for real: a Chromium managed policy file (/etc/chromium/policies/managed/*.json, the
// place IT's tooling writes it on Linux) configures the extension through its managed_schema.json. First run:
// the policy is applied and the member profile locked. Second run, same profile, an invalid policy: refused
// with its located error, the previous one still active. Needs root (as in CI); skipped otherwise.
//
// The file is machine-wide, so the test loads a copy of the build with a key of its own: the policy names that
// copy's id, and no other Chromium on the machine (another test run, a developer's browser) ever applies it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureExtensionBuilt, launchHarness, type Harness } from './harness';
import { asJson, demoVariant, openOptions, shownPolicy } from './options-helpers';

/** A public key for this test only (its private half was never kept). */
const TEST_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA43DZiM1pY96CsSbXYdRjpYejLhdPOQ/oYUoi+xdM7hDgFTvi6sOtJDkkmyQ+YCPBWZzxy3sTGkxZXYPtUxDntoQWAfyaDrVKnptshXeNKL0szaplKDlYFEp3xHEBef9jw9B0he3impmZzAyGpDt4NPUZoLNVU8x7vhmL4Fiv5sLhJeGpGR+ibdGf0EhkWV4kaQ0+242YxrZg14Q+0q+fQA5rx1NiGrZCIsqCL3ju8gr10l//v70y+MW18j9OF3tViPoxwtVRN3OVqZtdpSMfoKJ0G2WfldqdMd7N9bGtepAKF0CC5JEGVmwtSb3Twr6jAksO8PrhE0HgR6P+glwoLwIDAQAB';
const TEST_ID = [...createHash('sha256').update(Buffer.from(TEST_KEY, 'base64')).digest('hex').slice(0, 32)]
  .map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'portavoce-e2e.json');
const isRoot = process.getuid?.() === 0;
/** Chromium reads managed storage lazily; the first storage.managed.get() can take seconds. */
const MANAGED_TIMEOUT = 20_000;

function writeManaged(values: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [TEST_ID]: values } } }, null, 2));
}

const profile = mkdtempSync(join(tmpdir(), 'portavoce-managed-'));
const copy = mkdtempSync(join(tmpdir(), 'portavoce-managed-build-'));
let h: Harness | undefined;

beforeAll(() => {
  if (!isRoot) return;
  cpSync(ensureExtensionBuilt(), copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, key: TEST_KEY }));
});

/** The browser first, then the file: a running Chromium that sees the file go drops the policy (as it should). */
async function closeAndRemove(): Promise<void> {
  await h?.close();
  h = undefined;
  // Never leave a managed policy behind: it applies to every Chromium on this machine.
  rmSync(POLICY_FILE, { force: true });
}

afterEach(closeAndRemove);
afterAll(async () => {
  await closeAndRemove();
  rmSync(profile, { recursive: true, force: true });
  rmSync(copy, { recursive: true, force: true });
});

async function launchWith(values: Record<string, unknown>): Promise<Page> {
  await closeAndRemove();
  writeManaged(values);
  h = await launchHarness({ userDataDir: profile, extensionPath: copy });
  expect(h.extensionId).toBe(TEST_ID);
  return openOptions(h);
}

describe.skipIf(!isRoot)('managed policy (writes /etc/chromium/policies/managed: needs root)', () => {
  it('applies the managed policy and locks the member profile', async () => {
    const policy = demoVariant('Acme managed policy');
    const page = await launchWith({ policy: JSON.stringify(policy), memberId: 'marco', lockMember: true });
    await expect.poll(() => shownPolicy(page), { timeout: MANAGED_TIMEOUT }).toEqual({ name: 'Acme managed policy', source: 'managed' });
    const select = page.locator('select[data-member-select]');
    await expect.poll(() => select.inputValue()).toBe('marco');
    expect(await select.isDisabled()).toBe(true);
    await page.locator('[data-member-locked]').waitFor();
    // The background refuses a change too, not only the page.
    const reply = await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'member:set', memberId: 'sara' }));
    expect(reply).toMatchObject({ ok: false });
    expect(await select.inputValue()).toBe('marco');
  });

  it('a second run with an invalid managed policy keeps the previous one and shows the located error', async () => {
    const broken = asJson(demoVariant('Acme managed policy, broken')).replace('"gate": "error"', '"gate": "never"');
    const page = await launchWith({ policy: broken, memberId: 'marco', lockMember: true });
    const error = page.locator('[data-policy-error][data-source="managed"]');
    await error.waitFor({ timeout: MANAGED_TIMEOUT });
    expect(await error.getAttribute('data-code')).toBe('invalid');
    expect(await error.innerText()).toMatch(/managed policy:\d+:\d+: gate: "never" is not one of error, warning, off/);
    expect(await shownPolicy(page)).toEqual({ name: 'Acme managed policy', source: 'managed' });
    expect(await page.locator('select[data-member-select]').isDisabled()).toBe(true);
  });
});
