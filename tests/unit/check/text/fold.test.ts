import { describe, expect, it } from 'vitest';
import { foldPlain, foldText } from '../../../../utils/check/text/fold';

const folded = (text: string) => {
  const f = foldText(text);
  return String.fromCharCode(...f.codes.subarray(0, f.length));
};

describe('foldText', () => {
  it.each([
    ['Caffè', 'caffe'],
    ['CAFE\u0301', 'cafe'],
    ['ＡＣＭＥ', 'acme'],
    ['Stra\u00dfe', 'strasse'],
    ['Phœnix', 'phoenix'],
    ['l’utile', "l'utile"],
    ['a\u200Bb\u00ADc', 'abc'],
    ['a \t\r\n b', 'a b'],
    ['İstanbul', 'istanbul'],
    ['𝐁𝐨𝐥𝐝', 'bold'],
    ['❤️', '❤'],
  ])('%j → %j', (input, output) => {
    expect(folded(input)).toBe(output);
  });

  it('maps every folded unit back to its original range', () => {
    const text = 'É\u0301😀 Ａb\u200Bc\r\nd';
    const f = foldText(text);
    const pieces = Array.from({ length: f.length }, (_, i) => text.slice(f.starts[i], f.ends[i]));
    expect(pieces).toEqual(['É\u0301', '😀', '😀', ' ', 'Ａ', 'b\u200B', 'c', '\r\n', 'd']);
  });

  it('gives a unit all the units it folds to, however many the draft has', () => {
    const one = folded('\ufdfa'); // ﷺ: eighteen units
    expect(one).toHaveLength(18);
    expect(folded('\ufdfa'.repeat(200))).toBe(one.repeat(200));
  });

  it('folds patterns like drafts', () => {
    expect(foldPlain('  Help   Désk ')).toBe('help desk');
  });
});
