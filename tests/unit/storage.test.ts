import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policySchema } from '../../utils/policy/schema';
import { DEMO_POLICY } from '../../utils/policy/demo';
import { policyFingerprint } from '../../utils/policy/diff';

const policy = policySchema.parse(DEMO_POLICY);
const v1 = { policy, source: 'demo', loadedAt: '2026-01-01T00:00:00.000Z' };

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('the active policy item, v1 → v2', () => {
  it('adds the origin and the fingerprint, keeping the rest', async () => {
    await fakeBrowser.storage.local.set({ activePolicy: v1 });
    const { activePolicyItem } = await import('../../utils/storage');
    expect(await activePolicyItem.getValue()).toEqual({ ...v1, origin: null, fingerprint: policyFingerprint(policy) });
    expect((await fakeBrowser.storage.local.get('activePolicy$')).activePolicy$).toEqual({ v: 2 });
  });
  it('leaves a v2 value alone and a fresh install empty', async () => {
    const { activePolicyItem, ACTIVE_POLICY_MIGRATIONS } = await import('../../utils/storage');
    expect(await activePolicyItem.getValue()).toBeNull();
    expect(ACTIVE_POLICY_MIGRATIONS[2](null)).toBeNull();
  });
  it('refuses to run an older version over a newer value (a downgrade) instead of corrupting it', async () => {
    await fakeBrowser.storage.local.set({ activePolicy: { ...v1, origin: null, fingerprint: 'x' }, activePolicy$: { v: 3 } });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { activePolicyItem } = await import('../../utils/storage');
    expect((await activePolicyItem.getValue())?.fingerprint).toBe('x');
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
