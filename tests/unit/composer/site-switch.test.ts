// @vitest-environment happy-dom
// The per-site switch: only an explicit "off" in the settings stops Portavoce on a site; a settings value
// that is missing or damaged (written by hand, by an older version) must not silently turn it off.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runWhileSiteEnabled } from '../../../utils/composer/site-switch';

const started = async (stored: unknown) => {
  await fakeBrowser.storage.local.set({ settings: stored });
  const start = vi.fn(async () => {});
  const ctx = new ContentScriptContext('site-switch-test', { noScriptStartedPostMessage: true });
  await runWhileSiteEnabled(ctx, 'x', start);
  ctx.abort('test done');
  return start.mock.calls.length;
};

describe('runWhileSiteEnabled', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts when the site is on, and not when it is explicitly off', async () => {
    expect(await started({ language: 'auto', sites: { x: true, linkedin: true } })).toBe(1);
    expect(await started({ language: 'auto', sites: { x: false, linkedin: true } })).toBe(0);
  });

  it.each([
    ['settings without `sites`', { language: 'it' }],
    ['settings that are null', null],
    ['settings that are a string', 'broken'],
  ])('starts with %s', async (_, stored) => {
    expect(await started(stored)).toBe(1);
  });
});
