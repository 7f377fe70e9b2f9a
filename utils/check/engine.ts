import type { CheckContext, CheckResult, Draft, Finding, Level, Locale, TopicReport } from './types';
import { LEVELS } from './types';
import { finish, PhraseIndexBuilder, type PhraseHit } from './text/phrases';
import { findEntities, type Entity } from './detect/entities';
import { fillMessage, pickLocale } from './messages';
import { ruleKindOf } from './rules';
import { leftmostLongest } from './rules/overlap';
import type { LocalizedText, RuleHit, RuleInput, RuleKind } from './rules/define';
import type { Policy, PolicyRule } from '../policy/schema';
import { warmUpSteps } from './warm-up';

export interface CompiledPolicy {
  readonly policy: Policy;
  check(draft: Draft, context?: CheckContext): CheckResult;
}

interface CompiledRule {
  rule: PolicyRule;
  kind: RuleKind;
  compiled: unknown;
  /** The policy's own message for the rule, in the policy's language. */
  message: string | undefined;
}

const LEVEL_RANK: Record<Level, number> = { suggestion: 0, warning: 1, error: 2 };

/** Compiles a validated policy once; the result checks any number of drafts. */
export function compile(policy: Policy): CompiledPolicy {
  return finish(compileSteps(policy));
}

/**
 * compile() in slices of about `sliceMs`, awaiting `pause()` between them: how a page's main thread
 * compiles a policy without a long task (the automaton of a large policy takes tens of milliseconds).
 * Then the warm-up (./warm-up.ts), one piece per slice: the engine's first runs, which the member's first
 * keystroke would otherwise pay in one task.
 */
export async function compileInSlices(policy: Policy, pause: () => Promise<void>, sliceMs = 10): Promise<CompiledPolicy> {
  // Not in the task that called (which may have just evaluated the engine's module).
  await pause();
  const compiled = await inSlices(compileSteps(policy), pause, sliceMs);
  await pause();
  try {
    await inSlices(warmUpSteps(compiled), pause, 0);
  } catch {
    // The warm-up only saves time: whatever went wrong in it, the checks themselves will say.
  }
  return compiled;
}

async function inSlices<T>(steps: Generator<void, T>, pause: () => Promise<void>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** The work of compile(), yielding after each rule and every few thousand phrases of the automaton. */
function* compileSteps(policy: Policy): Generator<void, CompiledPolicy> {
  const phrases = new PhraseIndexBuilder();
  const topicGroups = policy.topics.map((topic) => phrases.addGroup([...topic.keywords, ...topic.hashtags]));
  const env = { policy, phrases };
  const rules: CompiledRule[] = [];
  for (const rule of policy.rules) {
    const kind = ruleKindOf(rule.kind as string);
    const message = rule.message ? pickLocale(rule.message as LocalizedText, policy.locale) : undefined;
    rules.push({ rule, kind, compiled: kind.compile(rule, env), message });
    yield;
  }
  const index = yield* phrases.buildSteps();
  const members = new Map(policy.members.map((member) => [member.id, member]));

  function check(draft: Draft, context: CheckContext = {}): CheckResult {
    const { folded, hits } = index.scanDraft(draft.text, draft.platform === 'x');
    const member = context.memberId === undefined ? undefined : members.get(context.memberId);
    let entities: Entity[] | undefined;
    let topics: TopicReport[] | undefined;
    const input: RuleInput = {
      draft,
      context,
      policy,
      member,
      phrases: (group) => hits[group] ?? [],
      letters: folded.letters < 0 ? null : { letters: folded.letters, capitals: folded.capitals },
      xUnits: folded.x,
      entities: () => (entities ??= findEntities(draft.text)),
      topics: () => (topics ??= detectTopics(policy, topicGroups, hits, member)),
    };
    const findings: Finding[] = [];
    for (const rule of rules) {
      const ruleHits = rule.kind.run(rule.compiled, input);
      for (let h = 0; h < ruleHits.length; h++) findings.push(toFinding(rule, ruleHits[h]!, draft.text, policy.locale));
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

function toFinding({ rule, kind, message }: CompiledRule, hit: RuleHit, text: string, locale: Locale): Finding {
  const match = text.slice(hit.start, hit.end);
  const suggestions = hit.suggestions ?? [];
  const template = message ?? (hit.defaultMessage ?? kind.defaultMessage)[locale];
  return {
    ruleId: rule.id as string,
    kind: kind.kind,
    level: hit.level ?? (rule.level as Level),
    start: hit.start,
    end: hit.end,
    match,
    message: fillMessage(template, match, suggestions[0] ?? '', hit.vars),
    suggestions,
  };
}
