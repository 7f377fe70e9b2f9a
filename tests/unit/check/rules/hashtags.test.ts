import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../../utils/check/types';
import { hashtagsRule } from '../../../../utils/check/rules/hashtags';
import { checkWith, policyWith, spans } from '../helpers';

const rule = { id: 'hashtags', kind: 'hashtags', level: 'suggestion', max: { x: 2, linkedin: 5 } };
const found = (text: string, platform: Platform, r: object = rule) => spans(checkWith([r], text, { platform }).findings);

describe('hashtags: flags', () => {
  it.each([
    ['#uno #due #tre', 'x', [['#tre', 10, 14]]],
    ['Join us #AcmeLive #webinar #AI #ML', 'x', [['#AI', 27, 30], ['#ML', 31, 34]]],
    ['#ad #ad #ad', 'x', [['#ad', 8, 11]]], // every hashtag counts, repeats and disclosure tags too
    ['❤️ #grazie #tutti #voi', 'x', [['#voi', 18, 22]]],
    ['Perche\u0301 #uno #due #tre', 'x', [['#tre', 18, 22]]],
    ['Line\r\n#a1 #b2 #c3', 'x', [['#c3', 14, 17]]],
    ['#perché #così #più', 'x', [['#più', 14, 18]]],
    ['＃uno ＃due ＃tre', 'x', [['＃tre', 10, 14]]],
    ['#1 #2 #3 #4 #5 #6 #7', 'linkedin', []], // all digits: not hashtags
    ['#a #b #c #d #e #f #g', 'linkedin', [['#f', 15, 17], ['#g', 18, 20]]],
    ['Новости #один #два #три', 'x', [['#три', 19, 23]]],
  ])('%j on %s', (text, platform, expected) => {
    expect(found(text, platform as Platform)).toEqual(expected);
  });
});

describe('hashtags: does not flag', () => {
  it.each([
    ['#uno #due', 'x'],
    ['#uno #due #tre #quattro #cinque', 'linkedin'],
    ['No hashtags here', 'x'],
    ['Issue #1 #2 #3 of the magazine', 'x'], // numbers are not hashtags
    ['C# and F# are languages, ♯ is a sharp', 'x'],
    ['https://acme.it/page#one#two#three', 'x'], // fragments belong to the URL
    ['mail#uno word#due a#tre', 'x'], // a hashtag starts after a word boundary
    ['❤️ #grazie\r\n#tutti', 'x'],
    ['Perche\u0301 #uno', 'x'],
  ])('%j on %s', (text, platform) => {
    expect(found(text, platform as Platform)).toEqual([]);
  });
});

describe('hashtags: settings', () => {
  it('takes one number for every platform', () => {
    const one = { ...rule, max: 1 };
    expect(found('#uno #due', 'x', one)).toEqual([['#due', 5, 9]]);
    expect(found('#uno #due', 'linkedin', one)).toEqual([['#due', 5, 9]]);
  });

  it('sets no limit on a platform left out', () => {
    const onlyX = { ...rule, max: { x: 0 } };
    expect(found('#uno', 'x', onlyX)).toEqual([['#uno', 0, 4]]);
    expect(found('#uno #due #tre #quattro #cinque #sei', 'linkedin', onlyX)).toEqual([]);
  });

  it('fills {count} and {max} in both languages', () => {
    const text = '#uno #due #tre';
    expect(checkWith([rule], text, { platform: 'x' }).findings[0]!.message).toBe(
      'Too many hashtags: 3 in this draft, the policy allows 2.',
    );
    expect(checkWith([rule], text, { platform: 'x', policy: { locale: 'it' } }).findings[0]!.message).toBe(
      'Troppi hashtag: 3 in questo testo, la policy ne consente 2.',
    );
  });

  it('asks for a limit when `max` names no platform', () => {
    const parsed = hashtagsRule.schema(z).parse({ ...rule, max: {} });
    expect(hashtagsRule.validate!(parsed, policyWith([]))).toEqual([{ path: ['max'], message: expect.any(String) }]);
    expect(hashtagsRule.validate!(hashtagsRule.schema(z).parse(rule), policyWith([]))).toEqual([]);
  });

  it.each([{ max: -1 }, { max: 1.5 }, { max: { x: -1 } }, { max: { facebook: 3 } }, { max: '3' }, { limit: 3 }])(
    'rejects %j',
    (bad) => {
      expect(() => policyWith([{ ...rule, ...bad }])).toThrow();
    },
  );
});
