import { describe, expect, it } from 'vitest';
import { nestedRepetition } from '../../../../utils/check/rules/pattern/repetition';

describe('nestedRepetition', () => {
  it.each([
    ['(a+)+$', '(a+)+'],
    ['(\\S+\\s*)*x', '(\\S+\\s*)*'],
    ['x(?:\\w+\\.)+y', '(?:\\w+\\.)+'],
    ['(.*a){12}', '(.*a){12}'],
    ['(a?){30}a', '(a?){30}'],
    ['((a+)b)+', '((a+)b)+'],
    ['(\\d{1,3}\\.?){4,}', '(\\d{1,3}\\.?){4,}'],
    ['(a+?)+?b', '(a+?)+?'],
  ])('flags %s at %s', (pattern, offending) => expect(nestedRepetition(pattern)).toBe(offending));

  it.each([
    '\\bINV-\\d{6}\\b',
    '(\\d{1,3}\\.){3}\\d{1,3}',
    '(?:\\d{4}[ -]?){3}\\d{4}',
    '(ab)+c',
    '(a|b)*c',
    '[(a+)]+',
    '\\(a+\\)+',
    '\\Q(a+)+\\E',
    '(?i)acme\\s+nova',
    '(a{2}){4}',
  ])('does not flag %s', (pattern) => expect(nestedRepetition(pattern)).toBeNull());
});

describe('matches per draft', () => {
  it.each([true, false])('stop at MAX_SPANS (native path: %s)', async (native) => {
    const { compileFinder, MAX_SPANS } = await import('../../../../utils/check/rules/pattern/matcher');
    expect(compileFinder('x[0-9]', false, { native })('x1 '.repeat(MAX_SPANS + 50))).toHaveLength(MAX_SPANS);
    expect(compileFinder('x[0-9]', false, { native })('x1 '.repeat(10))).toHaveLength(10);
  });
});
