import { defineRuleKind, ruleBase, type ZodApi } from './define';
import { leftmostLongest } from './overlap';
import { PROFANITY } from '../lexicons/profanity';

/** Word lists shipped with the product, each in English and Italian. */
/** The word lists a policy can name in `lists`, read when a rule names them. */
export const SHIPPED_LISTS: { readonly profanity: readonly string[] } = {
  get profanity() {
    return [...PROFANITY.en, ...PROFANITY.it];
  },
};
const listNames = Object.keys(SHIPPED_LISTS) as [keyof typeof SHIPPED_LISTS];

export const termsRule = defineRuleKind({
  kind: 'terms',
  summary: 'Banned words and phrases, your own (`terms`) and shipped lists (`lists: [profanity]`), also when spelled c0dename or P.r.o.j.e.c.t.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('terms'),
    terms: z.array(z.string().trim().min(1)).default([]),
    lists: z.array(z.enum(listNames)).default([]),
    obfuscation: z.boolean().default(true),
  }),
  validate: (rule) =>
    rule.terms.length + rule.lists.length === 0 ? [{ path: ['terms'], message: 'give `terms`, `lists` or both' }] : [],
  defaultMessage: {
    en: '“{match}” is on the list of banned terms.',
    it: '«{match}» è nella lista dei termini vietati.',
  },
  compile(rule, env) {
    const words = [...rule.terms, ...rule.lists.flatMap((name) => SHIPPED_LISTS[name])];
    return env.phrases.addGroup(words, { obfuscation: rule.obfuscation });
  },
  run(group, input) {
    return leftmostLongest(input.phrases(group)).map(({ start, end }) => ({ start, end }));
  },
});
