// The engine as the content script loads it: 're2js' is the stand-in of re2-lazy.ts (as in the
// engine module the build makes), so re2js is there only once the loader has provided it.
import { describe, expect, it, vi } from 'vitest';
import { EngineLoader } from '../../../utils/composer/engine-loader';
import { ENGINE_FILE, RE2JS_FILE } from '../../../utils/composer/engine-files';
import { policySchema } from '../../../utils/policy/schema';
import { DEMO_POLICY } from '../../../utils/policy/demo';
import { runsOnRe2 } from '../../../utils/check/rules/pattern/matcher';

vi.mock('re2js', () => import('../../../utils/check/rules/pattern/re2-lazy'));

/** A loader whose files are this repository's modules; it records what was imported. */
function loader() {
  const imported: string[] = [];
  const engineLoader = new EngineLoader(async (file) => {
    imported.push(file);
    if (file === ENGINE_FILE) return import('../../../utils/composer/engine-module');
    if (file === RE2JS_FILE) return vi.importActual('re2js');
    throw new Error(`no such file: ${file}`);
  });
  return { engineLoader, imported };
}

const draft = (text: string) => ({ text, platform: 'linkedin' as const, surface: 'post' as const });
const rulesOf = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);

// Patterns on either side of the line: bounded and plain run natively, the rest on re2js.
const NATIVE = ['INV-[0-9]{6}', 'PO7-[0-9]{4,6}', '(?i)acme cloud', '[A-Z]{3}-1[0-9]{3}', 'SECRET-[a-z]{1,8}'];
const RE2_ONLY = ['TCK-[0-9]+', 'SECRET-[a-z]+-3', '\\p{Greek}+', '(?i)straße', 'x[0-9]*y'];

describe('which patterns need re2js', () => {
  it.each(NATIVE)('native: %s', (pattern) => expect(runsOnRe2(pattern, false)).toBe(false));
  it.each(RE2_ONLY)('re2js: %s', (pattern) => expect(runsOnRe2(pattern, false)).toBe(true));
});

describe('EngineLoader', () => {
  // The tests run in order: re2js stays provided once a test has loaded it, so this one comes first.
  it('checks a policy whose patterns all run natively exactly as it does once re2js is there', async () => {
    const policy = policySchema.parse({
      ...DEMO_POLICY,
      rules: [...(DEMO_POLICY.rules ?? []), ...NATIVE.map((pattern, i) => ({ id: `n${i}`, kind: 'pattern', level: 'error', pattern }))],
    });
    const { engineLoader, imported } = loader();
    const text = 'INV-123456 PO7-12345 ABC-1234 SECRET-abc and acme cloud, with Project Phoenix';
    const without = (await engineLoader.compile(policy)).check(draft(text), {}).findings;
    expect(imported).toEqual([ENGINE_FILE]);
    expect(rulesOf(without)).toEqual(expect.arrayContaining(['n0', 'n1', 'n2', 'n3', 'n4', 'invoice-numbers', 'confidential']));
    // With re2js provided, a pattern that had silently depended on it would now find more.
    const module = await import('../../../utils/composer/engine-module');
    module.provideRe2((await vi.importActual('re2js')) as Parameters<typeof module.provideRe2>[0]);
    expect(module.compile(policy).check(draft(text), {}).findings).toEqual(without);
  });

  it('imports the engine once and never re2js for a policy whose patterns all run natively', async () => {
    const { engineLoader, imported } = loader();
    const demo = policySchema.parse(DEMO_POLICY);
    const engine = await engineLoader.compile(demo);
    await engineLoader.compile(demo);
    expect(imported).toEqual([ENGINE_FILE]);
    expect(rulesOf(engine.check(draft('Invoice INV-123456 is in Project Phoenix'), {}).findings)).toEqual(['invoice-numbers', 'confidential']);
  });

  it('imports re2js once, before compiling, for a policy with a pattern only re2js runs', async () => {
    const { engineLoader, imported } = loader();
    const policy = policySchema.parse({
      version: 1, name: 'Tickets',
      rules: RE2_ONLY.map((pattern, i) => ({ id: `p${i}`, kind: 'pattern', level: 'error', pattern })),
    });
    const engine = await engineLoader.compile(policy);
    await engineLoader.compile(policy);
    expect(imported).toEqual([ENGINE_FILE, RE2JS_FILE]);
    const found = engine.check(draft('See TCK-12345, SECRET-abc-3, αβγ, Straße and x12y'), {}).findings;
    expect(found.map((f) => [f.ruleId, f.match])).toEqual([
      ['p0', 'TCK-12345'], ['p1', 'SECRET-abc-3'], ['p2', 'αβγ'], ['p3', 'Straße'], ['p4', 'x12y'],
    ]);
  });

  it('rejects (and keeps rejecting) when the engine file cannot be imported', async () => {
    const failing = new EngineLoader(() => Promise.reject(new Error('blocked')));
    const demo = policySchema.parse(DEMO_POLICY);
    await expect(failing.compile(demo)).rejects.toThrow('blocked');
    await expect(failing.compile(demo)).rejects.toThrow('blocked');
  });
});
