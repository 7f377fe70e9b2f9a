import { describe, expect, it } from 'vitest';
import { checkWith } from '../helpers';
import type { Platform } from '../../../../utils/check/types';

const rule = { id: 'length', kind: 'length', level: 'error' };
const small = { platforms: { x: { maxLength: 10 }, linkedin: { maxLength: 10 } } };
const found = (platform: Platform, text: string, policy: object = small) =>
  checkWith([rule], text, { platform, policy }).findings.map((f) => [f.match, f.start, f.end, f.message]);
const tooLong = (count: number, max = 10) => `Too long: ${count} characters, the limit is ${max}.`;

describe('length: flags', () => {
  it.each([
    ['x', 'abcdefghijk', [['k', 10, 11, tooLong(11)]]],
    ['x', '❤️abcdefghi', [['i', 10, 11, tooLong(11)]]],
    ['x', 'Ciao 😀😀😀 ok', [['😀 ok', 9, 14, tooLong(14)]]],
    ['x', 'Caffe\u0301 12345', [['5', 11, 12, tooLong(11)]]],
    ['x', 'ab\r\ncdefghij', [['ij', 10, 12, tooLong(12)]]],
    ['x', 'Vedi https://acme.com/x', [['https://acme.com/x', 5, 23, tooLong(28)]]],
    ['x', '日本語日本語', [['語', 5, 6, tooLong(12)]]],
    ['linkedin', 'abcdefghijk', [['k', 10, 11, tooLong(11)]]],
    ['linkedin', '😀'.repeat(11), [['😀', 20, 22, tooLong(11)]]],
    ['linkedin', '❤️abcdefghi', [['i', 10, 11, tooLong(11)]]],
    ['linkedin', 'Caffe\u0301 1234', [['4', 10, 11, tooLong(11)]]],
    ['linkedin', 'ab\r\ncdefghij', [['ij', 10, 12, tooLong(12)]]],
  ] as const)('on %s: %j', (platform, text, expected) => {
    expect(found(platform, text)).toEqual(expected);
  });

  it.each([
    ['x', 280],
    ['linkedin', 3000],
  ] as const)('on %s, at the platform limit (%i) when the policy sets none', (platform, max) => {
    expect(found(platform, 'a'.repeat(max + 1), {})).toEqual([['a', max, max + 1, tooLong(max + 1, max)]]);
  });

  it('says it in Italian', () => {
    const [finding] = checkWith([rule], 'abcdefghijk', { platform: 'x', policy: { ...small, locale: 'it' } }).findings;
    expect(finding!.message).toBe('Testo troppo lungo: 11 caratteri su un massimo di 10.');
  });
});

describe('length: does not flag', () => {
  it.each([
    ['x', 'abcdefghij', small],
    ['x', '😀😀😀😀😀', small],
    ['x', 'Caffe\u0301 1234', small],
    ['x', '', small],
    ['x', 'a'.repeat(280), {}],
    ['x', `Leggi https://acme.com/${'lungo-percorso/'.repeat(20)} ${'a'.repeat(200)}`, {}],
    ['linkedin', '😀'.repeat(10), small],
    ['linkedin', 'Caffe\u0301 123', small],
    ['linkedin', 'a\r\nbcdefgh', small],
    ['linkedin', 'è'.repeat(3000), {}],
  ] as const)('on %s: %j', (platform, text, policy) => {
    expect(found(platform, text, policy)).toEqual([]);
  });
});
