// compileInSlices is compile() cut into pieces with a pause between them (the content script compiles on
// the page's main thread), then the warm-up a piece per slice: the same compiled policy, whatever the slice
// size, and pauses that really happen, inside the automaton's construction and the warm-up too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, compileInSlices, type CompiledPolicy } from '../../../utils/check/engine';
import { warmUpSteps } from '../../../utils/check/warm-up';
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

/** How many pieces the warm-up of a compiled policy has (each ends with a yield, where the slices pause). */
function piecesOf(compiled: CompiledPolicy): number {
  let pieces = 0;
  for (const _ of warmUpSteps(compiled)) pieces++;
  return pieces;
}

describe('compileInSlices', () => {
  it('pauses at every step with a zero slice, also while it builds the automaton', async () => {
    let pauses = 0;
    await compileInSlices(demo, async () => void pauses++, 0);
    // A pause after each rule, then the automaton's: the demo's lexicons hold tens of thousands of phrases.
    expect(pauses).toBeGreaterThan(demo.rules.length + 2);
  });

  it('pauses only before it starts and around each warm-up piece when the slice is longer than the whole compilation', async () => {
    let pauses = 0;
    await compileInSlices(example, async () => void pauses++, 60_000);
    // The one before it starts, the one before the warm-up, and one after each of its pieces.
    expect(pauses).toBe(2 + piecesOf(compile(example)));
  });

  it('warms up after compiling, a piece per slice: at least one piece per platform and kind of text', async () => {
    const pieces = piecesOf(compile(demo));
    expect(pieces).toBeGreaterThanOrEqual(2 * 2);
    let pauses = 0;
    const compiled = await compileInSlices(demo, async () => void pauses++, 60_000);
    expect(pauses).toBe(2 + pieces);
    // The warm-up ran the compiled policy's checks: what it finds after is what a fresh compile finds.
    for (const text of SAMPLES) {
      for (const platform of ['x', 'linkedin'] as const) {
        const d: Draft = { text, platform, surface: 'post' };
        expect(compiled.check(d, { memberId: 'giulia' })).toEqual(compile(demo).check(d, { memberId: 'giulia' }));
      }
    }
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
