// Properties of the whole engine on arbitrary input: it never throws, every offset it reports is a
// valid UTF-16 span of the draft that does not cut a surrogate pair, `match` is that span, findings
// are sorted, and the same input always gives the same output. First with the shared example policy,
// then with random valid policies of every rule kind.
// Fixed seed: FC_SEED=… FC_RUNS=… npx vitest run tests/unit/check/engine.property.test.ts to explore.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type CompiledPolicy } from '../../../utils/check/engine';
import type { CheckResult, Finding, Span } from '../../../utils/check/types';
import { drafts, contexts, example, exampleWords, KINDS, problemsOf, randomPolicyOf, ruleOf } from './engine-arbitraries';

const RUNS = Number(process.env.FC_RUNS ?? 200);
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127), numRuns: RUNS });
/** Long explorations (FC_RUNS=5000) need more than the default 20 s. */
const TIMEOUT = Math.max(20_000, RUNS * 60);

const engine = compile(example);
/** A second, independent compilation: no state may leak between compiled policies. */
const twin = compile(example);

describe('the invariant checker', () => {
  it('catches broken results, so that passing properties mean something', () => {
    const text = 'a😀b';
    const finding = (start: number, end: number, match = text.slice(start, end)): Finding =>
      ({ ruleId: 'emoji', kind: 'emoji', level: 'suggestion', start, end, match, message: 'm', suggestions: [] });
    const check = (findings: Finding[], spans: Span[] = []) =>
      problemsOf(example, text, {}, { findings, topics: spans.length ? [{ id: 'events', label: 'E', restricted: false, covered: null, spans }] : [] });
    expect(check([finding(1, 3)])).toEqual([]);
    expect(check([finding(1, 2)])).toHaveLength(1); // end inside the pair
    expect(check([finding(2, 3)])).toHaveLength(1); // start inside the pair
    expect(check([finding(1, 1)])).toHaveLength(1); // empty
    expect(check([finding(3, 5)])).toHaveLength(1); // past the end
    expect(check([finding(0, 1, 'x')])).toHaveLength(1); // match is not the text
    expect(check([finding(3, 4), finding(0, 1)])).toHaveLength(1); // unsorted
    expect(check([], [{ start: 0, end: 2 }])).toHaveLength(1); // topic span cuts the pair
  });
});

// ---------------------------------------------------------------------------------------------
// The example policy
// ---------------------------------------------------------------------------------------------

describe('the engine with the example policy, on arbitrary drafts', () => {
  it('never throws, and reports only valid, sorted spans that match the text', () => {
    fc.assert(
      fc.property(drafts(exampleWords), contexts(example), (draft, context) => {
        const result = engine.check(draft, context);
        expect(problemsOf(example, draft.text, context, result)).toEqual([]);
      }),
    );
  }, TIMEOUT);

  it('is deterministic: the same draft gives the same result, whatever was checked before, on any compilation', () => {
    fc.assert(
      fc.property(drafts(exampleWords), drafts(exampleWords), contexts(example), (draft, other, context) => {
        const first = engine.check(draft, context);
        engine.check(other, context);
        expect(engine.check(draft, context)).toEqual(first);
        expect(twin.check(draft, context)).toEqual(first);
        expect(engine.check(structuredClone(draft), structuredClone(context))).toEqual(first);
      }),
    );
  }, TIMEOUT);

  it('does not change the draft or the context it is given', () => {
    fc.assert(
      fc.property(drafts(exampleWords), contexts(example), (draft, context) => {
        const [draftBefore, contextBefore] = [structuredClone(draft), structuredClone(context)];
        engine.check(draft, context);
        expect([draft, context]).toEqual([draftBefore, contextBefore]);
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    );
  });

  it('fills {match} with the matched text, whatever it contains', () => {
    // The policy's own messages: confidential is «{match}» è riservato.
    fc.assert(
      fc.property(fc.constantFrom('$&', '$1', "$'", '$`', '{match}', '{{x}}', '\\'), fc.constantFrom('Project', 'Atlas'), (junk, head) => {
        const text = head === 'Project' ? `Project${junk}Phoenix` : `Atlas 2 ${junk}`;
        for (const f of engine.check({ text, platform: 'x', surface: 'post' }).findings) {
          if (f.ruleId === 'confidential') expect(f.message).toBe(`«${f.match}» è riservato.`);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('random valid policies', () => {
  it('the generator knows every rule kind', () => {
    for (const kind of KINDS) expect(() => ruleOf(kind, { topics: ['t0'] })).not.toThrow();
  });

  it('compile and check never throw, and every result is sound', () => {
    fc.assert(
      fc.property(randomPolicyOf(), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (policy, seeds) => {
        const words = [...new Set([...policy.topics.flatMap((t) => [...t.keywords, ...t.hashtags]), ...exampleWords])];
        const compiled: CompiledPolicy = compile(policy);
        // A few drafts per policy: compiling costs more than checking.
        fc.assert(
          fc.property(drafts(words), contexts(policy), (draft, context) => {
            const result = compiled.check(draft, context);
            expect(problemsOf(policy, draft.text, context, result)).toEqual([]);
            expect(compiled.check(draft, context)).toEqual(result);
          }),
          { numRuns: seeds.length * 2, seed: seeds[0]![0], endOnFailure: true },
        );
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    );
  }, TIMEOUT);
});
