import type { Platform } from '../types';
import { defineRuleKind, ruleBase, type ZodApi } from './define';

const count = (z: ZodApi) => z.number().int().min(0);

export const hashtagsRule = defineRuleKind({
  kind: 'hashtags',
  summary: 'At most `max` hashtags per draft: one number, or one per platform (`{ x: 2, linkedin: 5 }`; a platform left out has no limit).',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('hashtags'),
    max: z.union([count(z), z.strictObject({ x: count(z).optional(), linkedin: count(z).optional() })]),
  }),
  validate: (rule) =>
    typeof rule.max === 'object' && rule.max.x === undefined && rule.max.linkedin === undefined
      ? [{ path: ['max'], message: 'give a number, or a limit for `x`, `linkedin` or both' }]
      : [],
  defaultMessage: {
    en: 'Too many hashtags: {count} in this draft, the policy allows {max}.',
    it: 'Troppi hashtag: {count} in questo testo, la policy ne consente {max}.',
  },
  compile: ({ max }): Partial<Record<Platform, number>> =>
    typeof max === 'number' ? { x: max, linkedin: max } : { ...max },
  run(limits, input) {
    const max = limits[input.draft.platform];
    if (max === undefined) return [];
    const tags = input.entities().filter((e) => e.type === 'hashtag');
    if (tags.length <= max) return [];
    const vars = { count: tags.length, max };
    return tags.slice(max).map(({ start, end }) => ({ start, end, vars }));
  },
});
