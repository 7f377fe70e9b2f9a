import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../../../utils/policy/schema';
import { DEMO_POLICY } from '../../../utils/policy/demo';
import { afterFetch, checkPolicyUrl, fetchPolicy, newSlot, resolveActive, NO_SOURCES, type PolicySources, type SourceSlot } from '../../../utils/policy/sources';
import { readManagedConfig } from '../../../utils/policy/managed';

const policy = (name: string): Policy => policySchema.parse({ ...DEMO_POLICY, name });
const demo = { policy: policy('demo'), loadedAt: '2026-01-01T00:00:00.000Z' };
const slot = (name: string | null, extra: Partial<SourceSlot> = {}): SourceSlot => ({
  ...newSlot(`${name}.yaml`), policy: name ? policy(name) : null, loadedAt: name ? '2026-02-02T00:00:00.000Z' : null, ...extra,
});
const sources = (s: Partial<PolicySources>): PolicySources => ({ ...NO_SOURCES, ...s });

describe('resolveActive: managed > url > file > demo', () => {
  it.each([
    ['nothing set: the demo', sources({}), 'demo', 'demo'],
    ['a file', sources({ file: slot('file') }), 'file', 'file'],
    ['a URL over a file', sources({ file: slot('file'), url: slot('url') }), 'url', 'url'],
    ['managed over everything', sources({ file: slot('file'), url: slot('url'), managed: slot('managed') }), 'managed', 'managed'],
    ['a managed source that never loaded does not hide the URL', sources({ url: slot('url'), managed: slot(null) }), 'url', 'url'],
    ['a URL that never loaded does not hide the file', sources({ file: slot('file'), url: slot(null) }), 'file', 'file'],
    ['a failing source keeps its last good policy', sources({ file: slot('file'), url: slot('url', { error: { code: 'http', message: 'HTTP 500', issues: [], at: 'x' } }) }), 'url', 'url'],
  ])('%s', (_name, given, source, name) => {
    const active = resolveActive(given, demo);
    expect(active.source).toBe(source);
    expect(active.policy.name).toBe(name);
  });
  it('gives the origin and the time of the last good load', () => {
    expect(resolveActive(sources({ file: slot('file') }), demo)).toMatchObject({ origin: 'file.yaml', loadedAt: '2026-02-02T00:00:00.000Z' });
    expect(resolveActive(sources({}), demo)).toMatchObject({ origin: null, loadedAt: demo.loadedAt });
  });
});

describe('checkPolicyUrl', () => {
  it.each([
    ['https://intranet.example.com/policy.yaml#x', true, 'https://intranet.example.com/*'],
    ['http://127.0.0.1:8080/p.json', true, 'http://127.0.0.1/*'],
    ['http://localhost/p.json', true, 'http://localhost/*'],
    ['http://intranet.example.com/p.json', false, ''],
    ['ftp://example.com/p.json', false, ''],
    ['https://user:pw@example.com/p.json', false, ''],
    ['not a url', false, ''],
  ])('%s', (input, ok, origin) => {
    const checked = checkPolicyUrl(input);
    expect(checked.ok).toBe(ok);
    if (checked.ok) {
      expect(checked.origin).toBe(origin);
      expect(checked.url).not.toContain('#');
    }
  });
});

function fakeFetch(answer: { status: number; body?: string; etag?: string } | Error, seen: RequestInit[] = []): typeof fetch {
  return (async (_url: string, init: RequestInit) => {
    seen.push(init);
    if (answer instanceof Error) throw answer;
    return new Response(answer.status === 304 ? null : answer.body ?? '', { status: answer.status, headers: answer.etag ? { etag: answer.etag } : {} });
  }) as unknown as typeof fetch;
}

describe('fetchPolicy and afterFetch', () => {
  const url = 'https://example.com/policies/social.json';
  const good = JSON.stringify({ ...DEMO_POLICY, name: 'From URL' });
  it('loads a valid policy with its ETag, asking with If-None-Match once one is known', async () => {
    const seen: RequestInit[] = [];
    const outcome = await fetchPolicy(url, '"v1"', fakeFetch({ status: 200, body: good, etag: '"v2"' }, seen));
    expect(outcome).toMatchObject({ kind: 'loaded', etag: '"v2"' });
    expect((seen[0]!.headers as Record<string, string>)['If-None-Match']).toBe('"v1"');
    expect(seen[0]!.cache).toBe('no-store');
  });
  it('treats 304 as unchanged', async () => {
    expect(await fetchPolicy(url, '"v1"', fakeFetch({ status: 304 }))).toEqual({ kind: 'unchanged' });
  });
  it.each([
    ['a network error', new TypeError('Failed to fetch'), 'unreachable'],
    ['HTTP 500', { status: 500, body: 'oops' }, 'http'],
    ['an invalid policy', { status: 200, body: '{"version": 1, "name": "x", "gate": "never"}' }, 'invalid'],
    ['an unparseable body', { status: 200, body: '{"version": 1, ' }, 'invalid'],
  ] as const)('fails on %s and keeps the last good policy', async (_name, answer, code) => {
    const outcome = await fetchPolicy(url, null, fakeFetch(answer as never));
    expect(outcome).toMatchObject({ kind: 'failed', code });
    const before = slot('last good', { origin: url, etag: '"v1"' });
    const after = afterFetch(before, outcome, '2026-03-03T00:00:00.000Z');
    expect(after.policy).toBe(before.policy);
    expect(after.loadedAt).toBe(before.loadedAt);
    expect(after.etag).toBe('"v1"');
    expect(after.checkedAt).toBe('2026-03-03T00:00:00.000Z');
    expect(after.error).toMatchObject({ code, at: '2026-03-03T00:00:00.000Z' });
  });
  it('locates the errors of an invalid policy in the file named after the URL', async () => {
    const outcome = await fetchPolicy(url, null, fakeFetch({ status: 200, body: '{\n  "version": 1,\n  "name": "x",\n  "gate": "never"\n}' }));
    const after = afterFetch(newSlot(url), outcome, 'now');
    expect(after.error!.issues[0]).toMatchObject({ path: ['gate'], line: 4, column: 11 });
  });
  it('a success clears the error and replaces the policy', () => {
    const failing = slot('old', { error: { code: 'http', message: 'x', issues: [], at: 'then' } });
    const after = afterFetch(failing, { kind: 'loaded', policy: policy('new'), etag: '"v3"' }, 'now');
    expect(after).toMatchObject({ error: null, etag: '"v3"', loadedAt: 'now', checkedAt: 'now' });
    expect(after.policy!.name).toBe('new');
  });
});

describe('readManagedConfig', () => {
  it.each([
    ['nothing', {}, null],
    ['blank values', { policy: '  ', policyUrl: '' }, null],
    ['a policy as text', { policy: '{"version":1}', memberId: 'giulia', lockMember: true },
      { policy: '{"version":1}', policyUrl: null, memberId: 'giulia', lockMember: true, refreshMinutes: null }],
    ['a URL, unknown keys ignored', { policyUrl: ' https://x.example/p.json ', other: 1 },
      { policy: null, policyUrl: 'https://x.example/p.json', memberId: null, lockMember: false, refreshMinutes: null }],
    ['a policy object (Firefox keeps objects)', { policy: { version: 1 } },
      { policy: { version: 1 }, policyUrl: null, memberId: null, lockMember: false, refreshMinutes: null }],
  ])('%s', (_name, raw, config) => expect(readManagedConfig(raw).config).toEqual(config));
  it('reports values of the wrong type', () => {
    const { config, problems } = readManagedConfig({ lockMember: 'yes' });
    expect(config).toBeNull();
    expect(problems[0]).toContain('lockMember');
  });
});
