// compileInSlices is compile() cut into pieces with a pause between them (the content script compiles on
// the page's main thread): the same compiled policy, whatever the slice size, and pauses that really
// happen, inside the automaton's construction too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, compileInSlices } from '../../../utils/check/engine';
import { policySchema } from '../../../utils/policy/schema';
import { DEMO_POLICY } from '../../../utils/policy/demo';
import type { Draft } from '../../../utils/check/types';
import { drafts, example, exampleWords, randomPolicyOf } from './engine-arbitraries';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127), numRuns: Number(process.env.FC_RUNS ?? 40) });

const demo = policySchema.parse(DEMO_POLICY);
const draft = (text: string): Draft => ({ text, platform: 'linkedin', surface: 'post' });
const SAMPLES = [
  'Project Phoenix ships soon!!! Call 333 123 4567, mail ada@acme.example #launch @globex https://bit.ly/x',
  'Il fatturato è ottimo, una schifezza di risultato? No: un successo 😀 per tutti',
];

describe('compileInSlices', () => {
  it('pauses at every step with a zero slice, also while it builds the automaton', async () => {
    let pauses = 0;
    await compileInSlices(demo, async () => void pauses++, 0);
    // A pause after each rule, then the automaton's: the demo's lexicons hold tens of thousands of phrases.
    expect(pauses).toBeGreaterThan(demo.rules.length + 2);
  });

  it('pauses only before it starts when the slice is longer than the whole compilation', async () => {
    let pauses = 0;
    await compileInSlices(example, async () => void pauses++, 60_000);
    expect(pauses).toBe(1); // the one before it starts
  });

  it('gives the same findings and topics as compile(), for the demo and the example policies', async () => {
    for (const policy of [demo, example]) {
      const sliced = await compileInSlices(policy, () => Promise.resolve(), 0);
      const whole = compile(policy);
      for (const text of SAMPLES) expect(sliced.check(draft(text), { memberId: 'giulia' })).toEqual(whole.check(draft(text), { memberId: 'giulia' }));
    }
  });

  it('gives the same results as compile() for random policies and drafts', async () => {
    await fc.assert(
      fc.asyncProperty(randomPolicyOf(30), drafts(exampleWords), async (policy, d) => {
        const sliced = await compileInSlices(policy, () => Promise.resolve(), 0);
        expect(sliced.check(d, {})).toEqual(compile(policy).check(d, {}));
      }),
    );
  });
});
