import { z } from 'zod';
import { LOCALES } from '../check/types';
import { localizedText } from '../check/rules/define';
import { RULE_KINDS } from '../check/rules';

export const POLICY_FORMAT_VERSION = 1;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an id is letters, digits, ".", "_" or "-"');
const platformLimits = z.strictObject({ maxLength: z.number().int().positive() });

export const memberSchema = z.strictObject({
  id,
  name: z.string().min(1),
  role: z.string().optional(),
  topics: z.array(id).default([]),
});

export const topicSchema = z.strictObject({
  id,
  label: localizedText(z),
  keywords: z.array(z.string().min(1)).default([]),
  hashtags: z.array(z.string().regex(/^#\S+$/, 'a hashtag starts with # and has no spaces')).default([]),
  restricted: z.boolean().default(false),
});

const ruleSchemas = RULE_KINDS.map((kind) => kind.schema(z)) as unknown as [z.ZodObject, ...z.ZodObject[]];
export const ruleSchema = z.discriminatedUnion('kind', ruleSchemas);

export const policySchema = z.strictObject({
  version: z.literal(POLICY_FORMAT_VERSION),
  name: z.string().min(1),
  locale: z.enum(LOCALES).default('en'),
  gate: z.enum(['error', 'warning', 'off']).default('error'),
  calendarFeed: z.url({ protocol: /^https?$/ }).optional(),
  platforms: z
    .strictObject({ x: platformLimits.optional(), linkedin: platformLimits.optional() })
    .default({}),
  members: z.array(memberSchema).default([]),
  topics: z.array(topicSchema).default([]),
  rules: z.array(ruleSchema).default([]),
});

export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
export type PolicyMember = z.infer<typeof memberSchema>;
export type PolicyTopic = z.infer<typeof topicSchema>;
export type PolicyRule = Policy['rules'][number];
