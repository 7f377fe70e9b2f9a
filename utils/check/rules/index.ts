import type { RuleKind } from './define';
import { capitalsRule } from './capitals';
import { disclosureRule } from './disclosure';
import { emojiRule } from './emoji';
import { hashtagsRule } from './hashtags';
import { lengthRule } from './length';
import { linksRule } from './links';
import { mentionsRule } from './mentions';
import { patternRule } from './pattern';
import { piiRule } from './pii';
import { punctuationRule } from './punctuation';
import { quietPeriodRule } from './quiet-period';
import { sentimentRule } from './sentiment';
import { substitutionRule } from './substitution';
import { termsRule } from './terms';
import { topicsRule } from './topics';

/** The one registry of rule kinds, in alphabetical order. */
export const RULE_KINDS = [
  capitalsRule,
  disclosureRule,
  emojiRule,
  hashtagsRule,
  lengthRule,
  linksRule,
  mentionsRule,
  patternRule,
  piiRule,
  punctuationRule,
  quietPeriodRule,
  sentimentRule,
  substitutionRule,
  termsRule,
  topicsRule,
] as const;

export type RuleKindName = (typeof RULE_KINDS)[number]['kind'];

const byKind = new Map<string, RuleKind>(RULE_KINDS.map((kind) => [kind.kind, kind as unknown as RuleKind]));

export function ruleKindOf(kind: string): RuleKind {
  const found = byKind.get(kind);
  if (!found) throw new Error(`Unknown rule kind "${kind}"`);
  return found;
}
