import type { z } from 'zod';

/** The zod namespace, passed in: rule files build their schemas from it without importing zod, so the
 * content script (which runs rules but never validates a policy) does not carry zod. */
export type ZodApi = typeof z;
import { LEVELS, LOCALES, type CheckContext, type Draft, type Level, type Locale, type TopicReport } from '../types';
import type { PhraseHit, PhraseIndexBuilder } from '../text/phrases';
import type { LetterCounts } from '../text/letters';
import type { XUnits } from '../text/fold';
import type { Entity } from '../detect/entities';
import type { Policy, PolicyMember } from '../../policy/schema';

/** A message in one string, or one per locale. */
export const localizedText = (z: ZodApi) =>
  z.union([z.string().min(1), z.strictObject({ en: z.string().min(1).optional(), it: z.string().min(1).optional() })]);
export type LocalizedText = string | { en?: string; it?: string };

/** Keys every rule has; each kind extends this with its own, and unknown keys are rejected. */
export const ruleBase = (z: ZodApi) => ({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an id is letters, digits, ".", "_" or "-"'),
  level: z.enum(LEVELS),
  message: localizedText(z).optional(),
});

/** What a rule's compile step may use: the policy and the shared phrase automaton. */
export interface CompileEnv {
  policy: Policy;
  phrases: PhraseIndexBuilder;
}

/** What a rule sees of one check. Expensive analyses are computed once, on first use. */
export interface RuleInput {
  draft: Draft;
  context: CheckContext;
  policy: Policy;
  member: PolicyMember | undefined;
  phrases(group: number): readonly PhraseHit[];
  /** Letters and capitals in the words of two letters or more, counted as the draft was folded; null when not counted. */
  letters: LetterCounts | null;
  /** X's weights of the draft's characters, added up as the draft was folded (for X's count, ../detect/length.ts); null off X. */
  xUnits: XUnits | null;
  entities(): readonly Entity[];
  topics(): readonly TopicReport[];
}

/** A rule's raw result; the engine turns it into a Finding (text, message, level). */
export interface RuleHit {
  start: number;
  end: number;
  suggestions?: string[];
  /** Placeholders for the message: {topic}, {count}, {max}, {end}, … ({match} and {suggestion} are filled in anyway). */
  vars?: Record<string, string | number>;
  /** A level other than the rule's own (a shortener, a restricted topic). */
  level?: Level;
  /** A default message for this situation, when the kind has several. */
  defaultMessage?: Record<Locale, string>;
}

export interface RuleKind<S extends z.ZodType = z.ZodType, C = unknown> {
  kind: string;
  /** One line for the README's policy reference and for error messages. */
  summary: string;
  /** Built from the zod namespace handed in by utils/policy/schema.ts. */
  schema: (z: ZodApi) => S;
  defaultMessage: Record<Locale, string>;
  /** Checks that need more than the schema (references, empty lists); paths are relative to the rule. */
  validate?(rule: z.infer<S>, policy: Policy): { path: (string | number)[]; message: string }[];
  compile(rule: z.infer<S>, env: CompileEnv): C;
  run(compiled: C, input: RuleInput): RuleHit[];
}

export function defineRuleKind<S extends z.ZodType, C>(kind: RuleKind<S, C>): RuleKind<S, C> {
  return kind;
}

export { LOCALES };
