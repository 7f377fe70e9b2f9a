import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ensureActivePolicy, importPolicyFile, refreshPolicies, REFRESH_ALARM, setMember, setPolicyUrl, syncManaged,
} from '../../../entrypoints/background/policy-sources';
import { activePolicyItem, memberItem, policySourcesItem } from '../../../utils/storage';
import { DEMO_POLICY } from '../../../utils/policy/demo';

const json = (name: string, change: Record<string, unknown> = {}) => JSON.stringify({ ...DEMO_POLICY, name, ...change }, null, 2);
let served: { status: number; body?: string; etag?: string };

beforeEach(() => {
  fakeBrowser.reset();
  served = { status: 200, body: json('From URL'), etag: '"1"' };
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const etag = (init.headers as Record<string, string>)['If-None-Match'];
    if (served.etag && etag === served.etag) return new Response(null, { status: 304 });
    return new Response(served.body ?? '', { status: served.status, headers: served.etag ? { etag: served.etag } : {} });
  });
});
afterEach(() => vi.unstubAllGlobals());

const active = async () => (await activePolicyItem.getValue())!;

describe('the background owns the active policy', () => {
  it('starts with the demo', async () => {
    expect(await ensureActivePolicy()).toMatchObject({ source: 'demo', origin: null, policy: { name: 'Portavoce demo policy' } });
  });

  it('an imported file replaces the demo; an invalid one changes nothing and says where', async () => {
    await ensureActivePolicy();
    expect(await importPolicyFile('acme.json', json('Acme'))).toMatchObject({ ok: true, active: { source: 'file', origin: 'acme.json' } });
    const reply = await importPolicyFile('bad.json', json('Bad', { gate: 'never' }));
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.issues[0]).toMatchObject({ path: ['gate'], line: expect.any(Number), column: expect.any(Number) });
    expect((await active()).policy.name).toBe('Acme');
  });

  it('writes the active policy only when it changes, so content scripts recompile once', async () => {
    await ensureActivePolicy();
    const writes = vi.fn();
    const unwatch = activePolicyItem.watch(writes);
    await importPolicyFile('acme.json', json('Acme'));
    await importPolicyFile('acme.json', json('Acme'));
    await ensureActivePolicy();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writes).toHaveBeenCalledTimes(1);
    unwatch();
  });

  it('a URL outranks the file, refreshes with its ETag and keeps the last good policy on failure', async () => {
    await importPolicyFile('acme.json', json('Acme'));
    expect(await setPolicyUrl('https://intranet.example/policy.json')).toEqual({ ok: true });
    expect(await active()).toMatchObject({ source: 'url', origin: 'https://intranet.example/policy.json', policy: { name: 'From URL' } });
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(30);

    await refreshPolicies();
    expect((await policySourcesItem.getValue()).url).toMatchObject({ etag: '"1"', error: null });

    served = { status: 200, body: json('Broken', { gate: 'never' }), etag: '"2"' };
    await refreshPolicies();
    expect((await policySourcesItem.getValue()).url?.error).toMatchObject({ code: 'invalid' });
    expect((await active()).policy.name).toBe('From URL');

    served = { status: 503 };
    await refreshPolicies();
    expect((await policySourcesItem.getValue()).url?.error).toMatchObject({ code: 'http' });
    expect((await active()).policy.name).toBe('From URL');

    served = { status: 200, body: json('From URL v2'), etag: '"3"' };
    await refreshPolicies();
    expect((await active()).policy.name).toBe('From URL v2');
    expect((await policySourcesItem.getValue()).url?.error).toBeNull();

    await setPolicyUrl(null);
    expect((await active()).policy.name).toBe('Acme');
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
  });

  it('refuses a URL that is not https', async () => {
    expect(await setPolicyUrl('http://intranet.example/policy.json')).toMatchObject({ ok: false });
    expect((await policySourcesItem.getValue()).url).toBeNull();
  });
});

describe('managed storage', () => {
  it('outranks everything, sets and locks the member; an invalid update keeps the last good one; removal falls back', async () => {
    await setPolicyUrl('https://intranet.example/policy.json');
    await fakeBrowser.storage.managed.set({ policy: json('Managed'), memberId: 'marco', lockMember: true });
    await syncManaged();
    expect(await active()).toMatchObject({ source: 'managed', policy: { name: 'Managed' } });
    expect(await memberItem.getValue()).toBe('marco');
    expect(await setMember('sara')).toMatchObject({ ok: false });
    expect(await memberItem.getValue()).toBe('marco');

    await fakeBrowser.storage.managed.set({ policy: json('Managed, broken', { gate: 'never' }) });
    await syncManaged();
    expect((await active()).policy.name).toBe('Managed');
    expect((await policySourcesItem.getValue()).managed?.error).toMatchObject({ code: 'invalid', issues: [expect.objectContaining({ path: ['gate'] })] });

    await fakeBrowser.storage.managed.clear();
    await syncManaged();
    expect(await active()).toMatchObject({ source: 'url', policy: { name: 'From URL' } });
    expect(await setMember('sara')).toEqual({ ok: true });
  });

  it("an unlocked managed member is a suggestion: the member's own choice survives the worker waking up", async () => {
    await fakeBrowser.storage.managed.set({ memberId: 'marco' });
    await syncManaged();
    expect(await memberItem.getValue()).toBe('marco');
    expect(await setMember('sara')).toEqual({ ok: true });
    await syncManaged();
    expect(await memberItem.getValue()).toBe('sara');
    await fakeBrowser.storage.managed.set({ memberId: 'giulia' });
    await syncManaged();
    expect(await memberItem.getValue()).toBe('giulia');
  });

  it('a managed URL is fetched like the member one, above it', async () => {
    served = { status: 200, body: json('Managed URL'), etag: '"m"' };
    await fakeBrowser.storage.managed.set({ policyUrl: 'https://it.example/policy.json', refreshMinutes: 10 });
    await syncManaged();
    expect(await active()).toMatchObject({ source: 'managed', origin: 'https://it.example/policy.json', policy: { name: 'Managed URL' } });
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(10);
  });
});
