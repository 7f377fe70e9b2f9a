import type { Locale, QuietPeriod } from '../types';
import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';
import { leftmostLongest } from './overlap';

const UNTIL_FURTHER_NOTICE: Record<Locale, string> = { en: 'further notice', it: 'nuovo avviso' };
const OPEN_ENDED_MESSAGE: Record<Locale, string> = {
  en: 'Quiet period “{title}”: no posts about {topic} until further notice.',
  it: 'Periodo di silenzio «{title}»: niente post su «{topic}» fino a nuovo avviso.',
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?Z?)?$/i; // 20261201, 20261201T090000Z

/**
 * An ISO date or date-time as epoch milliseconds, in UTC unless it names a zone: "2026-12-01" is UTC
 * midnight, so that a check gives the same answer on every device. NaN when unreadable.
 */
export function isoTime(iso: string): number {
  const s = iso.trim();
  const basic = BASIC.exec(s);
  if (basic) {
    const [, y, mo, d, h = '00', mi = '00', sec = '00'] = basic;
    return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}Z`);
  }
  if (DATE_ONLY.test(s)) return Date.parse(`${s}T00:00:00Z`);
  return Date.parse(HAS_ZONE.test(s) ? s : `${s}Z`);
}

/** In force at `now` (start ≤ now < end); with no `now`, every period given is. An unreadable bound is no bound. */
function inForce(period: QuietPeriod, now: number | undefined): boolean {
  if (now === undefined) return true;
  const start = isoTime(period.start);
  const end = period.end === undefined ? NaN : isoTime(period.end);
  return !(start > now) && !(end <= now);
}

/** The end as the calendar shows it (YYYY-MM-DD, UTC), or null when open-ended or unreadable. */
function endDate(period: QuietPeriod): string | null {
  const end = period.end === undefined ? NaN : isoTime(period.end);
  return Number.isNaN(end) ? null : new Date(end).toISOString().slice(0, 10);
}

export const quietPeriodRule = defineRuleKind({
  kind: 'quiet-period',
  summary:
    'A quiet period in the calendar (an earnings blackout, an embargo) silences its topics while in force; the finding spans the topic keywords.',
  schema: (z) => z.strictObject({ ...ruleBase(z), kind: z.literal('quiet-period') }),
  defaultMessage: {
    en: 'Quiet period “{title}”: no posts about {topic} until {end}.',
    it: 'Periodo di silenzio «{title}»: niente post su «{topic}» fino al {end}.',
  },
  compile: () => null,
  run(_, input) {
    const periods = input.context.quietPeriods;
    if (!periods?.length) return [];
    const topics = input.topics();
    if (topics.length === 0) return [];
    const locale = input.policy.locale;
    const hits: (RuleHit & { rank: number })[] = [];
    for (const period of periods) {
      if (!inForce(period, input.context.now)) continue;
      const end = endDate(period);
      // Where periods overlap on a topic, the one that ends last speaks: it is the date that matters.
      const rank = end === null ? Infinity : isoTime(period.end!);
      for (const topic of topics) {
        if (!period.topics.includes(topic.id)) continue;
        for (const span of topic.spans) {
          hits.push({
            ...span,
            rank,
            vars: { topic: topic.label, title: period.title, end: end ?? UNTIL_FURTHER_NOTICE[locale] },
            ...(end === null ? { defaultMessage: OPEN_ENDED_MESSAGE } : {}),
          });
        }
      }
    }
    hits.sort((a, b) => b.rank - a.rank);
    return leftmostLongest(hits).map(({ rank: _, ...hit }) => hit);
  },
});
