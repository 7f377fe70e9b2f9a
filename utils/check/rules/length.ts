import type { Platform } from '../types';
import type { XUnits } from '../text/fold';
import { codePointLength, codePointOverflowStart, xLengthAndOverflow } from '../detect/length';
import { defineRuleKind, ruleBase, type ZodApi } from './define';

/** Each platform's own limit, used when the policy's `platforms` does not set one. */
export const DEFAULT_MAX_LENGTH: Record<Platform, number> = { x: 280, linkedin: 3000 };

interface Overflow {
  /** Where the text past the limit begins, and the length as the platform counts it. */
  start: number;
  count: number;
}

/** How each platform counts: X weighs characters as twitter-text does, LinkedIn counts code points. */
const OVERFLOW: Record<Platform, (text: string, max: number, units: XUnits | null) => Overflow | null> = {
  x(text, max, units) {
    const { weightedLength, overflow } = xLengthAndOverflow(text, max, units ?? undefined);
    return overflow === null ? null : { start: overflow, count: weightedLength };
  },
  linkedin(text, max) {
    const start = text.length <= max ? null : codePointOverflowStart(text, max);
    return start === null ? null : { start, count: codePointLength(text) };
  },
};

export const lengthRule = defineRuleKind({
  kind: 'length',
  summary:
    'Drafts longer than `platforms.<platform>.maxLength` (X 280, LinkedIn 3000 by default), counted as the platform counts: weighted characters on X, code points on LinkedIn.',
  schema: (z) => z.strictObject({ ...ruleBase(z), kind: z.literal('length') }),
  defaultMessage: {
    en: 'Too long: {count} characters, the limit is {max}.',
    it: 'Testo troppo lungo: {count} caratteri su un massimo di {max}.',
  },
  compile: () => null,
  run(_, input) {
    const { text, platform } = input.draft;
    const max = input.policy.platforms[platform]?.maxLength ?? DEFAULT_MAX_LENGTH[platform];
    const overflow = OVERFLOW[platform](text, max, input.xUnits);
    return overflow ? [{ start: overflow.start, end: text.length, vars: { count: overflow.count, max } }] : [];
  },
});
