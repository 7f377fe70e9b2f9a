import { describe, expect, it } from 'vitest';
import { checkWith, policyWith, spans } from '../helpers';
import { disclosureRule } from '../../../../utils/check/rules/disclosure';

const rule = {
  id: 'ad-disclosure',
  kind: 'disclosure',
  level: 'error',
  when: { topics: ['promotions'] },
  require: ['#ad', '#adv', '#sponsored', '#pubblicità'],
};
const found = (text: string, r: object = rule) => spans(checkWith([r], text).findings);

describe('disclosure: flags', () => {
  it.each([
    ['Big discount today', [['discount', 4, 12]]],
    ['Sconto del 20% e sconti', [['Sconto', 0, 6], ['sconti', 17, 23]]],
    ['❤️ promo oggi', [['promo', 3, 8]]],
    ['Riga uno\r\nSCONTO', [['SCONTO', 10, 16]]],
    ['Caffe\u0301 in promo', [['promo', 10, 15]]],
    ['Great discount #adventure', [['discount', 6, 14]]],
    ['Sconto speciale #pubblicitàfalsa', [['Sconto', 0, 6]]],
    ['discount ad', [['discount', 0, 8]]],
    ['sconto per @ad', [['sconto', 0, 6]]],
    ['Promo at https://acme.com/#ad', [['Promo', 0, 5]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('spans the keywords of every `when` topic the draft touches', () => {
    const both = { ...rule, when: { topics: ['promotions', 'events'] } };
    expect(found('Webinar with a discount', both)).toEqual([['Webinar', 0, 7], ['discount', 15, 23]]);
  });
});

describe('disclosure: does not flag', () => {
  it.each([
    'Big discount today #ad',
    'Sconto speciale #pubblicita',
    '#PUBBLICITÀ sconto',
    'discount #Sponsored',
    'Sconto ＃adv',
    'discount #Ad.',
    'Nothing to promote here',
    'Join our webinar',
    '',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('disclosure: the finding', () => {
  it.each([
    ['en', 'Posts about “Promotions” need a disclosure tag such as #ad.'],
    ['it', 'I post su «Promozioni» richiedono un tag di trasparenza come #ad.'],
  ] as const)('in %s: %s', (locale, message) => {
    const [finding] = checkWith([rule], 'sconto', { policy: { locale } }).findings;
    expect(finding).toMatchObject({ level: 'error', message, suggestions: [] });
  });
});

describe('disclosure: validation', () => {
  const problems = (topics: string[]) => {
    const policy = policyWith([{ ...rule, when: { topics } }]);
    return disclosureRule.validate!(policy.rules[0] as Parameters<NonNullable<typeof disclosureRule.validate>>[0], policy);
  };

  it.each([
    [['promotion'], 0, 'unknown topic "promotion"; did you mean "promotions"?'],
    [['promotions', 'evnets'], 1, 'unknown topic "evnets"; did you mean "events"?'],
    [['weather'], 0, 'unknown topic "weather"; topics: promotions, financial-results, events'],
  ])('%j', (topics, index, message) => {
    expect(problems(topics)).toEqual([{ path: ['when', 'topics', index], message }]);
  });

  it('accepts known topics', () => {
    expect(problems(['promotions', 'events'])).toEqual([]);
  });

  it.each([
    [{ require: ['ad'] }, 'starts with #'],
    [{ require: [] }, 'too_small'],
    [{ when: { topics: [] } }, 'too_small'],
    [{ when: { topic: ['promotions'] } }, 'unrecognized_keys'],
  ])('rejects %j', (change, message) => {
    expect(() => policyWith([{ ...rule, ...change }])).toThrow(message);
  });
});
