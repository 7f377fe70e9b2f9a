import { defineRuleKind, ruleBase, type ZodApi } from './define';
import { leftmostLongest } from './overlap';

const stripInvisible = (s: string): string => s.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').normalize('NFC');

export const substitutionRule = defineRuleKind({
  kind: 'substitution',
  summary: 'Words to write another way (brand names, house style): `swap` maps what is written to what to write, with a one-click fix.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('substitution'),
    swap: z.record(z.string().trim().min(1), z.string()),
    caseSensitive: z.boolean().default(false),
  }),
  validate: (rule) =>
    Object.keys(rule.swap).length === 0 ? [{ path: ['swap'], message: 'list at least one "written": "wanted" pair' }] : [],
  defaultMessage: {
    en: 'Write “{suggestion}”, not “{match}”.',
    it: 'Scrivi «{suggestion}», non «{match}».',
  },
  compile(rule, env) {
    const pairs = Object.entries(rule.swap);
    return { pairs, caseSensitive: rule.caseSensitive, group: env.phrases.addGroup(pairs.map(([from]) => from)) };
  },
  run({ pairs, caseSensitive, group }, input) {
    const text = input.draft.text;
    const wanted = input.phrases(group).filter(({ index, start, end }) => {
      const written = stripInvisible(text.slice(start, end));
      const [from, to] = pairs[index]!;
      if (written === to) return false;
      return !caseSensitive || written === from.normalize('NFC');
    });
    return leftmostLongest(wanted).map(({ index, start, end }) => ({ start, end, suggestions: [pairs[index]![1]] }));
  },
});
