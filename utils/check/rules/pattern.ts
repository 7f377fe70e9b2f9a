import { defineRuleKind, ruleBase, type ZodApi } from './define';
import { foldPlain } from '../text/fold';
import { compileFinder, requiredLiteral, type SpanFinder } from './pattern/matcher';
import { patternProblem } from './pattern/problems';

const findsNothing: SpanFinder = () => [];

export const patternRule = defineRuleKind({
  kind: 'pattern',
  summary:
    'A regular expression in linear-time RE2 syntax (`pattern`; no backreferences, no lookaround), case-sensitive unless `ignoreCase: true`, with no implicit word boundaries.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('pattern'),
    pattern: z.string().min(1),
    ignoreCase: z.boolean().default(false),
  }),
  validate(rule) {
    const problem = patternProblem(rule.pattern, rule.ignoreCase);
    return problem ? [{ path: ['pattern'], message: problem }] : [];
  },
  defaultMessage: {
    en: '“{match}” matches a pattern this policy does not allow.',
    it: '«{match}» corrisponde a uno schema non ammesso da questa policy.',
  },
  compile(rule, env) {
    let find: SpanFinder;
    try {
      find = compileFinder(rule.pattern, rule.ignoreCase);
    } catch {
      // `validate` reports a pattern that does not compile; a policy loaded without it checks nothing here.
      return { find: findsNothing, gate: null };
    }
    // A literal every match contains goes into the phrase automaton too: folding keeps every occurrence
    // (in lower case, without accents), so a draft where the fold saw none is not searched at all.
    const literal = requiredLiteral(rule.pattern, rule.ignoreCase);
    const gate = literal !== null && foldPlain(literal) !== '' ? env.phrases.addGroup([literal], { presence: true }) : null;
    return { find, gate };
  },
  run({ find, gate }, input) {
    if (gate !== null && input.phrases(gate).length === 0) return [];
    try {
      return find(input.draft.text);
    } catch {
      return []; // a pattern the loader's `validate` would have refused; re2js compiles it lazily
    }
  },
});
