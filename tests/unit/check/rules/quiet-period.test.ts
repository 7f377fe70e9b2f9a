import { describe, expect, it } from 'vitest';
import { checkWith, spans } from '../helpers';
import { isoTime } from '../../../../utils/check/rules/quiet-period';
import type { QuietPeriod } from '../../../../utils/check/types';

const rule = { id: 'quiet-periods', kind: 'quiet-period', level: 'error' };
const results: QuietPeriod = { id: 'q3', title: 'Q3 results', start: '2026-09-20', end: '2026-10-15', topics: ['financial-results'] };
const OCT_1 = Date.UTC(2026, 9, 1);
const check = (text: string, periods: QuietPeriod[] = [results], now: number | undefined = OCT_1, locale: 'en' | 'it' = 'en') =>
  checkWith([rule], text, { quietPeriods: periods, ...(now === undefined ? {} : { now }), policy: { locale } }).findings;
const found = (text: string, periods?: QuietPeriod[], now?: number) => spans(check(text, periods, now));

describe('quiet-period: flags', () => {
  it.each([
    ['Revenue is up', [results], OCT_1, [['Revenue', 0, 7]]],
    ["Cresce l'utile", [results], OCT_1, [['utile', 9, 14]]],
    ['❤️ fatturato record', [results], OCT_1, [['fatturato', 3, 12]]],
    ['Riga uno\r\nrevenue', [results], OCT_1, [['revenue', 10, 17]]],
    ['Caffe\u0301 e fatturato', [results], OCT_1, [['fatturato', 9, 18]]],
    ['Revenue and fatturato', [results], Date.UTC(2026, 8, 20), [['Revenue', 0, 7], ['fatturato', 12, 21]]],
    ['Revenue', [results], Date.UTC(2026, 9, 14, 23, 59), [['Revenue', 0, 7]]],
    ['Revenue', [{ ...results, end: undefined }], Date.UTC(2030, 0, 1), [['Revenue', 0, 7]]],
    ['Revenue', [{ ...results, start: '2026-10-01T09:00:00+02:00' }], Date.UTC(2026, 9, 1, 7), [['Revenue', 0, 7]]],
    ['Revenue', [{ ...results, start: '20261001T070000Z' }], Date.UTC(2026, 9, 1, 7), [['Revenue', 0, 7]]],
    ['Webinar sul fatturato', [{ ...results, topics: ['events', 'financial-results'] }], OCT_1, [['Webinar', 0, 7], ['fatturato', 12, 21]]],
  ])('%j', (text, periods, now, expected) => {
    expect(found(text, periods, now)).toEqual(expected);
  });

  it('treats every given period as in force when the context has no time', () => {
    expect(spans(check('Revenue', [results], undefined))).toEqual([['Revenue', 0, 7]]);
  });
});

describe('quiet-period: does not flag', () => {
  it.each([
    ['Revenue is up', [results], Date.UTC(2026, 8, 19, 23, 59)],
    ['Revenue is up', [results], Date.UTC(2026, 9, 15)],
    ['Revenue is up', [results], Date.UTC(2027, 0, 1)],
    ['Revenue is up', [], OCT_1],
    ['Join our webinar', [results], OCT_1],
    ['Revenue is up', [{ ...results, topics: ['events'] }], OCT_1],
    ['Revenue is up', [{ ...results, topics: ['no-such-topic'] }], OCT_1],
    ['Un lavoro inutile', [results], OCT_1],
    ['Revenue', [{ ...results, start: '2026-10-01T09:00' }], Date.UTC(2026, 9, 1, 8, 59)],
  ])('%j', (text, periods, now) => {
    expect(found(text, periods, now)).toEqual([]);
  });
});

describe('quiet-period: the finding', () => {
  it.each([
    ['en', results, 'Quiet period “Q3 results”: no posts about Financial results until 2026-10-15.'],
    ['it', results, 'Periodo di silenzio «Q3 results»: niente post su «Financial results» fino al 2026-10-15.'],
    ['en', { ...results, end: undefined }, 'Quiet period “Q3 results”: no posts about Financial results until further notice.'],
    ['it', { ...results, end: undefined }, 'Periodo di silenzio «Q3 results»: niente post su «Financial results» fino a nuovo avviso.'],
  ] as const)('in %s: %s', (locale, period, message) => {
    expect(check('Revenue', [period], OCT_1, locale).map((f) => f.message)).toEqual([message]);
  });

  it('fills {end} with the localized "further notice" in a policy message', () => {
    const custom = { ...rule, message: { it: 'Silenzio fino a {end}' } };
    const [finding] = checkWith([custom], 'Revenue', { quietPeriods: [{ ...results, end: undefined }], now: OCT_1, policy: { locale: 'it' } }).findings;
    expect(finding!.message).toBe('Silenzio fino a nuovo avviso');
  });

  it('names the period that ends last where two overlap', () => {
    const later = { ...results, id: 'embargo', title: 'Embargo', end: '2026-11-30' };
    expect(check('Revenue', [results, later]).map((f) => f.message)).toEqual([
      'Quiet period “Embargo”: no posts about Financial results until 2026-11-30.',
    ]);
  });

  it('reads dates as UTC', () => {
    expect(isoTime('2026-12-01')).toBe(Date.UTC(2026, 11, 1));
    expect(isoTime('2026-12-01T09:30')).toBe(Date.UTC(2026, 11, 1, 9, 30));
    expect(isoTime('2026-12-01T09:30:00+01:00')).toBe(Date.UTC(2026, 11, 1, 8, 30));
    expect(isoTime('not a date')).toBeNaN();
  });
});
