import { describe, expect, it } from 'vitest';
import { checkWith, policyWith, spans } from '../helpers';

const rule = { id: 'emoji', kind: 'emoji', level: 'suggestion', max: 3 };

describe('emoji: flags', () => {
  it.each([
    ['🎉🎉🎉🎉', [['🎉', 6, 8]]],
    ['Grazie ❤️❤️❤️❤️ a tutti', [['❤️', 13, 15]]], // VS16 makes ❤ an emoji, and stays with it
    ['👍🏽 👨‍👩‍👧 🇮🇹 1️⃣ 🎉', [['1️⃣', 19, 22], ['🎉', 23, 25]]], // each cluster counts once
    ['Perche\u0301 😀😀😀😀', [['😀', 14, 16]]],
    ['a\r\n🚀🚀🚀🚀🚀', [['🚀', 9, 11], ['🚀', 11, 13]]],
    ['Launch 🚀 today 🎉 with us 👏 and more 🙌', [['🙌', 39, 41]]],
    ['Buon Natale 🎄🎁⭐️🎅 a tutti', [['🎅', 18, 20]]],
    ['© 2025 Acme ✅✅✅✅', [['✅', 15, 16]]],
    ['Team 🇮🇹🇮🇹🇮🇹🇮🇹', [['🇮🇹', 17, 21]]],
  ])('%j', (text, expected) => {
    expect(spans(checkWith([rule], text).findings)).toEqual(expected);
  });
});

describe('emoji: does not flag', () => {
  it.each([
    '🎉🎉🎉',
    'No emoji at all',
    'Grazie ❤️ a tutti 🙏',
    '© ® ™ ❤ ok', // text-style symbols
    '☺︎☺︎☺︎☺︎ with VS15', // VS15 asks for text presentation
    'Acme™ and Acme® ©',
    'Perche\u0301 no? 1 2 3 4 # *',
    '👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧', // ZWJ families count once each
    'line\r\n🚀 go 🚀 go 🚀',
  ])('%j', (text) => {
    expect(checkWith([rule], text).findings).toEqual([]);
  });
});

describe('emoji: settings', () => {
  it('with max 0 flags every emoji', () => {
    expect(spans(checkWith([{ ...rule, max: 0 }], 'Ciao 👋').findings)).toEqual([['👋', 5, 7]]);
  });

  it('fills {count} and {max} in both languages', () => {
    const text = '🎉🎉🎉🎉🎉';
    expect(checkWith([rule], text).findings[0]!.message).toBe('Too many emoji: 5 in this draft, the policy allows 3.');
    expect(checkWith([rule], text, { policy: { locale: 'it' } }).findings[0]!.message).toBe(
      'Troppe emoji: 5 in questo testo, la policy ne consente 3.',
    );
  });

  it.each([{ max: -1 }, { max: 2.5 }, { max: undefined }, { limit: 3 }])('rejects %j', (bad) => {
    expect(() => policyWith([{ ...rule, ...bad }])).toThrow();
  });
});
