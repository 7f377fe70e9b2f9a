import { foldPlain } from '../text/fold';
import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';
import { leftmostLongest } from './overlap';

/** A hashtag as compared: without its '#', folded (case, accents, width). */
const tagKey = (tag: string): string => foldPlain(tag.slice(1));

export const disclosureRule = defineRuleKind({
  kind: 'disclosure',
  summary:
    'Posts on the `when: { topics }` topics must carry one of the `require` hashtags (#ad, #adv…), whole tags compared case- and accent-insensitively; the finding spans the topic keywords.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('disclosure'),
    when: z.strictObject({ topics: z.array(z.string().min(1)).min(1) }),
    require: z.array(z.string().regex(/^[#＃]\S+$/, 'a disclosure tag starts with # and has no spaces, like "#ad"')).min(1),
  }),
  validate(rule, policy) {
    const ids = policy.topics.map((t) => t.id);
    return rule.when.topics.flatMap((topic, i) => {
      if (ids.includes(topic)) return [];
      const guess = nearest(topic, ids);
      const hint = guess ? `; did you mean "${guess}"?` : ids.length ? `; topics: ${ids.join(', ')}` : ': the policy defines no topics';
      return [{ path: ['when', 'topics', i], message: `unknown topic "${topic}"${hint}` }];
    });
  },
  defaultMessage: {
    en: 'Posts about “{topic}” need a disclosure tag such as {tag}.',
    it: 'I post su «{topic}» richiedono un tag di trasparenza come {tag}.',
  },
  compile: (rule) => ({
    topics: new Set(rule.when.topics),
    required: new Set(rule.require.map(tagKey)),
    tag: rule.require[0]!,
  }),
  run({ topics, required, tag }, input) {
    const touched = input.topics().filter((t) => topics.has(t.id));
    if (touched.length === 0) return [];
    for (const entity of input.entities()) {
      if (entity.type === 'hashtag' && required.has(foldPlain(entity.value))) return [];
    }
    // Two topics can share a keyword: one finding per span, for the first topic listed in the policy.
    const spans = touched.flatMap((t) => t.spans.map((span) => ({ ...span, topic: t.label })));
    return leftmostLongest(spans).map(({ start, end, topic }): RuleHit => ({ start, end, vars: { topic, tag } }));
  },
});

/** The topic id a typo most likely meant: at most two edits away, or one is a prefix of the other. */
function nearest(typed: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = 3;
  for (const id of ids) {
    const score = id.startsWith(typed) || typed.startsWith(id) ? 2 : distance(typed, id);
    if (score < bestScore) [best, bestScore] = [id, score];
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
