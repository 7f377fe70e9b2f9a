import { LEVELS } from '../types';
import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';

const RESTRICTED_MESSAGE = {
  en: '“{topic}” is restricted: only the members who cover it may post about it.',
  it: '«{topic}» è riservato: ne scrive solo chi se ne occupa.',
};

export const topicsRule = defineRuleKind({
  kind: 'topics',
  summary: 'The draft touches a topic the member does not cover (`restricted`: the level for restricted topics).',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('topics'),
    restricted: z.enum(LEVELS).optional(),
  }),
  defaultMessage: {
    en: '“{topic}” is not among your topics: leave it to a colleague who covers it.',
    it: '«{topic}» non è tra i tuoi temi: lascialo a un collega che se ne occupa.',
  },
  compile: (rule) => ({ restrictedLevel: rule.restricted ?? rule.level }),
  run({ restrictedLevel }, input) {
    const hits: RuleHit[] = [];
    for (const topic of input.topics()) {
      if (topic.covered !== false) continue;
      for (const span of topic.spans) {
        hits.push({
          ...span,
          vars: { topic: topic.label },
          ...(topic.restricted ? { level: restrictedLevel, defaultMessage: RESTRICTED_MESSAGE } : {}),
        });
      }
    }
    return hits;
  },
});
