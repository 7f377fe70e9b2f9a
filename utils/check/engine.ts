import type { CheckContext, CheckResult, Draft, Finding, Level, TopicReport } from './types';
import { LEVELS } from './types';
import { foldText } from './text/fold';
import { deobfuscate } from './text/deobfuscate';
import { PhraseIndexBuilder, type PhraseHit } from './text/phrases';
import { findEntities, type Entity } from './detect/entities';
import { fillMessage, pickLocale } from './messages';
import { ruleKindOf } from './rules';
import { leftmostLongest } from './rules/overlap';
import type { RuleHit, RuleInput, RuleKind } from './rules/define';
import type { Policy, PolicyRule } from '../policy/schema';

export interface CompiledPolicy {
  readonly policy: Policy;
  check(draft: Draft, context?: CheckContext): CheckResult;
}

interface CompiledRule {
  rule: PolicyRule;
  kind: RuleKind;
  compiled: unknown;
}

const LEVEL_RANK: Record<Level, number> = { suggestion: 0, warning: 1, error: 2 };

/** Compiles a validated policy once; the result checks any number of drafts. */
export function compile(policy: Policy): CompiledPolicy {
  const phrases = new PhraseIndexBuilder();
  const topicGroups = policy.topics.map((topic) => phrases.addGroup([...topic.keywords, ...topic.hashtags]));
  const env = { policy, phrases };
  const rules: CompiledRule[] = policy.rules.map((rule) => {
    const kind = ruleKindOf(rule.kind as string);
    return { rule, kind, compiled: kind.compile(rule, env) };
  });
  const index = phrases.build();
  const members = new Map(policy.members.map((member) => [member.id, member]));

  function check(draft: Draft, context: CheckContext = {}): CheckResult {
    const folded = foldText(draft.text);
    const hits = index.scan(folded, index.hasObfuscationGroups ? deobfuscate(folded) : null);
    const member = context.memberId === undefined ? undefined : members.get(context.memberId);
    let entities: Entity[] | undefined;
    let topics: TopicReport[] | undefined;
    const input: RuleInput = {
      draft,
      context,
      policy,
      member,
      phrases: (group) => hits[group] ?? [],
      entities: () => (entities ??= findEntities(draft.text)),
      topics: () => (topics ??= detectTopics(policy, topicGroups, hits, member)),
    };
    const findings: Finding[] = [];
    for (const { rule, kind, compiled } of rules) {
      for (const hit of kind.run(compiled, input)) findings.push(toFinding(rule, kind, hit, draft.text, policy));
    }
    findings.sort(
      (a, b) => a.start - b.start || LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || a.end - b.end || a.ruleId.localeCompare(b.ruleId),
    );
    return { findings, topics: input.topics() as TopicReport[] };
  }

  return { policy, check };
}

function detectTopics(
  policy: Policy,
  groups: readonly number[],
  hits: readonly PhraseHit[][],
  member: Policy['members'][number] | undefined,
): TopicReport[] {
  const reports: TopicReport[] = [];
  policy.topics.forEach((topic, i) => {
    const spans = hits[groups[i]!]!;
    if (spans.length === 0) return;
    reports.push({
      id: topic.id,
      label: pickLocale(topic.label, policy.locale),
      restricted: topic.restricted,
      covered: member ? member.topics.includes(topic.id) : null,
      spans: leftmostLongest(spans).map(({ start, end }) => ({ start, end })),
    });
  });
  return reports;
}

function toFinding(rule: PolicyRule, kind: RuleKind, hit: RuleHit, text: string, policy: Policy): Finding {
  const match = text.slice(hit.start, hit.end);
  const suggestions = hit.suggestions ?? [];
  const template = rule.message
    ? pickLocale(rule.message as Parameters<typeof pickLocale>[0], policy.locale)
    : (hit.defaultMessage ?? kind.defaultMessage)[policy.locale];
  return {
    ruleId: rule.id as string,
    kind: kind.kind,
    level: hit.level ?? (rule.level as Level),
    start: hit.start,
    end: hit.end,
    match,
    message: fillMessage(template, { match, suggestion: suggestions[0] ?? '', ...hit.vars }),
    suggestions,
  };
}

export { LEVELS };
