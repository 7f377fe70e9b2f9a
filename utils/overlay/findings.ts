import type { Finding, Level, TopicReport } from '../check/types';

export type LevelCounts = Record<Level, number>;

export function countByLevel(findings: readonly Finding[]): LevelCounts {
  const counts: LevelCounts = { error: 0, warning: 0, suggestion: 0 };
  for (const finding of findings) counts[finding.level] += 1;
  return counts;
}

/**
 * Identifies a finding across re-renders: every check makes new objects, so an open card follows the
 * finding with the same rule and range and closes when that finding is gone.
 */
export function findingKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.start}\u0000${finding.end}`;
}

export const MIN_REASON_CHARS = 3;

/** A reason to publish anyway needs at least three non-space characters. */
export function isValidReason(reason: string): boolean {
  return reason.replace(/\s+/gu, '').length >= MIN_REASON_CHARS;
}

/**
 * The host element's testing-hook attributes (DESIGN.md, "Testing hooks") for the latest check:
 * `data-errors`, `data-warnings`, `data-suggestions`, `data-topics`. Whoever owns the host sets them.
 */
export function hostAttributes(findings: readonly Finding[], topics: readonly TopicReport[]): Record<string, string> {
  const counts = countByLevel(findings);
  return {
    'data-errors': String(counts.error),
    'data-warnings': String(counts.warning),
    'data-suggestions': String(counts.suggestion),
    'data-topics': topics.map((topic) => topic.id).join(' '),
  };
}

/** Shortens long matches for one-line lists, by code points so an emoji is never cut in half. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
