import { defineRuleKind, ruleBase, type ZodApi } from './define';
import { findEmoji } from '../detect/emoji';

export const emojiRule = defineRuleKind({
  kind: 'emoji',
  summary: 'At most `max` emoji per draft (every occurrence counts; “❤️” does, “©” does not); each emoji past the limit is flagged.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('emoji'),
    max: z.number().int().min(0),
  }),
  defaultMessage: {
    en: 'Too many emoji: {count} in this draft, the policy allows {max}.',
    it: 'Troppe emoji: {count} in questo testo, la policy ne consente {max}.',
  },
  compile: (rule) => rule.max,
  run(max, input) {
    const emoji = findEmoji(input.draft.text);
    if (emoji.length <= max) return [];
    const vars = { count: emoji.length, max };
    return emoji.slice(max).map(({ start, end }) => ({ start, end, vars }));
  },
});
