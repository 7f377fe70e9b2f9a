import { describe, expect, it } from 'vitest';
import { findEmoji } from '../../../utils/check/detect/emoji';

/** Spans as `[emoji, start, end]`: the text proves the offsets point at the right place. */
const shown = (text: string) => findEmoji(text).map((s) => [text.slice(s.start, s.end), s.start, s.end]);

const flags: Array<[string, string, Array<[string, number, number]>]> = [
  ['a plain emoji', 'Ciao \u{1F44B}', [['\u{1F44B}', 5, 7]]],
  ['a heart with VS16, once', '\u2764\uFE0F grazie', [['\u2764\uFE0F', 0, 2]]],
  ['a skin tone, once', 'ok \u{1F44D}\u{1F3FD}!', [['\u{1F44D}\u{1F3FD}', 3, 7]]],
  ['a ZWJ family, once', 'famiglia \u{1F468}\u200D\u{1F469}\u200D\u{1F467} al completo', [
    ['\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', 9, 17],
  ]],
  ['a flag, once', 'Forza \u{1F1EE}\u{1F1F9}', [['\u{1F1EE}\u{1F1F9}', 6, 10]]],
  ['two adjacent flags', '\u{1F1EE}\u{1F1F9}\u{1F1EB}\u{1F1F7}', [
    ['\u{1F1EE}\u{1F1F9}', 0, 4],
    ['\u{1F1EB}\u{1F1F7}', 4, 8],
  ]],
  ['a keycap, once', '1\uFE0F\u20E3 primo punto', [['1\uFE0F\u20E3', 0, 3]]],
  ['a # keycap', '#\uFE0F\u20E3 tag', [['#\uFE0F\u20E3', 0, 3]]],
  ['© with VS16', '\u00A9\uFE0F Acme', [['\u00A9\uFE0F', 0, 2]]],
  ['™ with VS16', 'Nova\u2122\uFE0F', [['\u2122\uFE0F', 4, 6]]],
  ['an arrow with VS16', 'A \u2194\uFE0F B', [['\u2194\uFE0F', 2, 4]]],
  ['a rainbow flag (VS16 + ZWJ)', 'Pride \u{1F3F3}\uFE0F\u200D\u{1F308}', [['\u{1F3F3}\uFE0F\u200D\u{1F308}', 6, 12]]],
  ['a runner with skin tone and gender', 'corsa \u{1F3C3}\u{1F3FD}\u200D\u2640\uFE0F', [
    ['\u{1F3C3}\u{1F3FD}\u200D\u2640\uFE0F', 6, 13],
  ]],
  ['a tag-sequence flag', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} England', [
    ['\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', 0, 14],
  ]],
  ['a text-default symbol made emoji by a skin tone', 'uno \u261D\u{1F3FD}', [['\u261D\u{1F3FD}', 4, 7]]],
  ['a couple with two skin tones', 'team \u{1F9D1}\u{1F3FD}\u200D\u{1F91D}\u200D\u{1F9D1}\u{1F3FB}', [
    ['\u{1F9D1}\u{1F3FD}\u200D\u{1F91D}\u200D\u{1F9D1}\u{1F3FB}', 5, 17],
  ]],
  ['each of three in a row', '\u{1F389}\u{1F389}\u{1F389}', [
    ['\u{1F389}', 0, 2],
    ['\u{1F389}', 2, 4],
    ['\u{1F389}', 4, 6],
  ]],
  ['after a combining accent', 'Perche\u0301 \u{1F389}', [['\u{1F389}', 8, 10]]],
  ['between CRLF line breaks', 'riga\r\n\u{1F680}\r\nfine', [['\u{1F680}', 6, 8]]],
  ['an emoji-presentation BMP symbol', 'puntuali \u231A', [['\u231A', 9, 10]]],
  ['a heart on fire after accents', 'Cre\u0300me \u00E0 la \u2764\uFE0F\u200D\u{1F525}', [['\u2764\uFE0F\u200D\u{1F525}', 12, 17]]],
  ['an emoji with a stray keycap mark, once', '\u2764\uFE0F\u20E3 e \u{1F600}\u20E3', [
    ['\u2764\uFE0F\u20E3', 0, 3],
    ['\u{1F600}\u20E3', 6, 9],
  ]],
  ['a ZWJ sequence led by a text-default symbol, once', 'ok \u261D\u200D\u{1F469} ok', [['\u261D\u200D\u{1F469}', 3, 7]]],
  ['a regional indicator and ZWJ, apart from the next emoji', '\u{1F1F9}\u200D\u{1F308}', [
    ['\u{1F1F9}\u200D', 0, 3],
    ['\u{1F308}', 3, 5],
  ]],
  ['an emoji after a bare ™', 'text \u2122 then \u{1F600}', [['\u{1F600}', 12, 14]]],
];

describe('findEmoji flags', () => {
  it.each(flags)('%s', (_name, text, expected) => {
    expect(shown(text)).toEqual(expected);
  });

  it('spans exactly one grapheme cluster each', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    for (const [, text] of flags) {
      const clusters = new Set([...segmenter.segment(text)].map((s) => `${s.index}:${s.index + s.segment.length}`));
      for (const { start, end } of findEmoji(text)) expect(clusters).toContain(`${start}:${end}`);
    }
  });
});

describe('findEmoji does not flag', () => {
  it.each([
    ['© without VS16', '\u00A9 2025 Acme'],
    ['® and ™ without VS16', 'Acme\u00AE e Nova\u2122'],
    ['a text-default heart without VS16', 'cuore \u2764 senza VS16'],
    ['a heart with VS15', 'cuore \u2764\uFE0E testo'],
    ['an emoji-presentation symbol with VS15', 'orologio \u231A\uFE0E testo'],
    ['‼ without VS16', '\u203C senza VS16'],
    ['♀ without VS16', '\u2640 simbolo'],
    ['# and digits', '#1 in Italia'],
    ['numbered list', '1. primo 2. secondo'],
    ['asterisks and hashtags', '*importante* e #ad'],
    ['a digit with VS16 but no keycap', '1\uFE0F senza keycap'],
    ['a lone ZWJ', 'zwj \u200D da solo'],
    ['a skin tone joined to a letter', 'tono a\u{1F3FD} unito'],
    ['Italian accents', 'Perch\u00e9 cos\u00ec \u00e8 pi\u00f9 bello'],
    ['combining accents and CRLF', 'Cafe\u0301\r\nna\u00EFve'],
    ['typographic punctuation', '\u201Cvirgolette\u201D \u2026 \u2013 \u2014 \u2019'],
    ['an arrow', '\u2192 freccia'],
    ['the euro sign', 'prezzo 12 \u20AC'],
    ['CJK text', '\u65E5\u672C\u8A9E\u30C6\u30AD\u30B9\u30C8'],
    ['Greek and Cyrillic', '\u0395\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC e \u043A\u0438\u0440\u0438\u043B\u043B\u0438\u0446\u0430'],
  ])('%s', (_name, text) => {
    expect(shown(text)).toEqual([]);
  });
});
