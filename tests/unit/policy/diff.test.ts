import { describe, expect, it } from 'vitest';
import { policySchema, type PolicyInput } from '../../../utils/policy/schema';
import { DEMO_POLICY } from '../../../utils/policy/demo';
import { diffPolicies, policyFingerprint, stable } from '../../../utils/policy/diff';

type Rule = NonNullable<PolicyInput['rules']>[number] & { id: string };
const base = policySchema.parse(DEMO_POLICY);
const variant = (change: (p: PolicyInput) => PolicyInput) => policySchema.parse(change(structuredClone(DEMO_POLICY)));
const rules = (p: PolicyInput) => p.rules as Rule[];

describe('diffPolicies', () => {
  it('the same policy: nothing changes', () => {
    const diff = diffPolicies(base, policySchema.parse(DEMO_POLICY));
    expect(diff.same).toBe(true);
    expect(diff.rules).toEqual({ added: [], removed: [], changed: [] });
  });
  it.each([
    ['a rule added', (p: PolicyInput) => ({ ...p, rules: [...rules(p), { id: 'new', kind: 'emoji', level: 'warning', max: 1 }] }), 'rules', { added: ['new'], removed: [], changed: [] }],
    ['a rule removed', (p: PolicyInput) => ({ ...p, rules: rules(p).filter((r) => r.id !== 'emoji') }), 'rules', { added: [], removed: ['emoji'], changed: [] }],
    ['a rule changed', (p: PolicyInput) => ({ ...p, rules: rules(p).map((r) => (r.id === 'emoji' ? { ...r, max: 9 } : r)) }), 'rules', { added: [], removed: [], changed: ['emoji'] }],
    ['a topic changed', (p: PolicyInput) => ({ ...p, topics: p.topics!.map((t) => (t.id === 'events' ? { ...t, keywords: ['gala'] } : t)) }), 'topics', { added: [], removed: [], changed: ['events'] }],
    ['a member removed', (p: PolicyInput) => ({ ...p, members: p.members!.filter((m) => m.id !== 'sara'), rules: rules(p) }), 'members', { added: [], removed: ['sara'], changed: [] }],
  ] as const)('%s', (_name, change, list, expected) => {
    const diff = diffPolicies(base, variant(change));
    expect(diff[list]).toEqual(expected);
    expect(diff.same).toBe(false);
  });
  it('lists top-level settings that differ', () => {
    const diff = diffPolicies(base, variant((p) => ({ ...p, name: 'Other', gate: 'warning' })));
    expect(diff.settings).toEqual(['name', 'gate']);
  });
  it('key order does not make a rule "changed"', () => {
    const reordered = variant((p) => ({ ...p, rules: rules(p).map((r) => Object.fromEntries(Object.entries(r).reverse()) as Rule) }));
    expect(diffPolicies(base, reordered).rules.changed).toEqual([]);
  });
  it('a new rule order alone is a change', () => {
    const diff = diffPolicies(base, variant((p) => ({ ...p, rules: [...rules(p)].reverse() })));
    expect(diff.same).toBe(false);
  });
});

describe('policyFingerprint', () => {
  it('is equal for equal policies and different otherwise', () => {
    expect(policyFingerprint(base)).toBe(policyFingerprint(policySchema.parse(DEMO_POLICY)));
    expect(policyFingerprint(base)).not.toBe(policyFingerprint(variant((p) => ({ ...p, name: 'x' }))));
  });
  it('stable() sorts object keys, not arrays', () => {
    expect(stable({ b: 1, a: [2, 1] })).toBe('{"a":[2,1],"b":1}');
  });
});
