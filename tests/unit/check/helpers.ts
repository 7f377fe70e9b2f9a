import { compile } from '../../../utils/check/engine';
import { policySchema, type PolicyInput } from '../../../utils/policy/schema';
import type { CheckContext, CheckResult, Draft, Finding, Platform, Surface } from '../../../utils/check/types';

export const baseTopics: PolicyInput['topics'] = [
  { id: 'promotions', label: { en: 'Promotions', it: 'Promozioni' }, keywords: ['discount', 'sconto', 'promo', 'scont*'] },
  { id: 'financial-results', label: 'Financial results', keywords: ['revenue', 'fatturato', 'utile'], restricted: true },
  { id: 'events', label: 'Events', keywords: ['webinar', 'evento'], hashtags: ['#AcmeLive'] },
];

export const baseMembers: PolicyInput['members'] = [
  { id: 'giulia', name: 'Giulia Rossi', topics: ['events'] },
  { id: 'marco', name: 'Marco Bianchi', topics: ['financial-results', 'events'] },
];

/** A policy with the given rules (and a few topics and members), validated by the real schema. */
export function policyWith(rules: unknown[], extra: Partial<PolicyInput> = {}) {
  return policySchema.parse({ version: 1, name: 'Test policy', topics: baseTopics, members: baseMembers, rules, ...extra });
}

export interface CheckOptions extends CheckContext {
  platform?: Platform;
  surface?: Surface;
  policy?: Partial<PolicyInput>;
}

export function checkWith(rules: unknown[], text: string, options: CheckOptions = {}): CheckResult {
  const { platform = 'linkedin', surface = 'post', policy, ...context } = options;
  const draft: Draft = { text, platform, surface };
  return compile(policyWith(rules, policy)).check(draft, context);
}

/** Findings as `[match, start, end]` triples: what a table row can state at a glance. */
export function spans(findings: readonly Finding[]): [string, number, number][] {
  return findings.map((f) => [f.match, f.start, f.end]);
}
