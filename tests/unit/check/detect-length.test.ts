import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import twttr from 'twitter-text';
import {
  codePointLength,
  codePointOverflowStart,
  xOverflowStart,
  xWeightedLength,
  X_MAX_WEIGHTED_LENGTH,
} from '../../../utils/check/detect/length';
import { findUrls } from '../../../utils/check/detect/entities';
import { foldText } from '../../../utils/check/text/fold';

const weighted = (text: string) => xWeightedLength(text).weightedLength;
/** The count a check makes: from the sums the fold took of the same text. */
const fromFold = (text: string) => xWeightedLength(text, foldText(text, false, undefined, true).x!);

describe('xWeightedLength counts as parseTweet', () => {
  it.each<[string, string, number]>([
    ['an empty draft', '', 0],
    ['Latin letters, 1 each', 'ciao', 4],
    ['accented Latin letters, 1 each', 'pubblicità', 10],
    ['a URL with scheme, 23', 'https://www.acme.it/blog/very/long/path?x=1', 23],
    ['a bare domain, 23', 'vai su bit.ly/x', 7 + 23],
    ['two URLs', 'acme.it e https://x.com/a', 23 + 3 + 23],
    ['CJK, 2 each', '日本語', 6],
    ['Hangul syllables, 2 each', '한국어', 6],
    ['an astral emoji, 2', '😀', 2],
    ['an emoji with VS16, 2', '❤️', 2],
    ['a ZWJ family, 2', '👨‍👩‍👧', 2],
    ['an emoji with a skin tone, 2', '👍🏽', 2],
    ['a flag, 2', '🇮🇹', 2],
    ['a keycap, 2', '1️⃣', 2],
    ['© without VS16, a Latin-1 character: 1', '©', 1],
    ['™ outside the light ranges: 2', '™', 2],
    ['an em dash in the light punctuation range: 1', '—', 1],
    ['the euro sign: 2', '€', 2],
    ['a decomposed é, normalized first: 1', 'e\u0301', 1],
    ['conjoining jamo, composed into one syllable: 2', '\u1100\u1161\u11a8', 2],
    ['CRLF, 1 each', 'a\r\nb', 4],
    ['a lone surrogate, 2', '\ud800', 2],
    ['an astral letter, 2', '𝐁', 2],
  ])('%s', (_label, text, expected) => {
    expect(weighted(text)).toBe(expected);
    expect(weighted(text)).toBe(twttr.parseTweet(text).weightedLength);
    expect(fromFold(text).weightedLength).toBe(expected);
  });
});

describe('xOverflowStart finds', () => {
  it.each<[string, string, number, number]>([
    ['the 281st Latin letter', 'a'.repeat(281), 280, 280],
    ['a CJK character that takes 279 to 281', `${'a'.repeat(279)}日`, 280, 279],
    ['the 141st emoji, at its UTF-16 offset', '😀'.repeat(141), 280, 280],
    ['the emoji with VS16 that does not fit', `${'a'.repeat(279)}❤️`, 280, 279],
    ['the start of a URL that does not fit', `${'a'.repeat(270)} https://example.com/x`, 280, 271],
    ['the start of a bare domain that does not fit', `${'a'.repeat(270)} bit.ly/x`, 280, 271],
    ['the start of a ZWJ sequence', `ab👨‍👩‍👧c`, 3, 2],
    ['the decomposed é past the limit, in the original text', 'e\u0301'.repeat(281), 280, 560],
    ['the character after CRLFs', 'a\r\nb\r\nc', 5, 5],
    ['the first character when the limit is 0', 'a', 0, 0],
  ])('%s', (_label, text, max, expected) => {
    expect(xOverflowStart(text, max)).toBe(expected);
  });
});

describe('xOverflowStart does not find', () => {
  it.each<[string, string, number]>([
    ['an empty draft', '', 0],
    ['exactly 280 Latin letters', 'a'.repeat(280), 280],
    ['140 emoji', '😀'.repeat(140), 280],
    ['a URL that fits exactly', `${'a'.repeat(256)} https://example.com/${'x'.repeat(100)}`, 280],
    ['280 decomposed é, normalized to 280 characters', 'e\u0301'.repeat(280), 280],
  ])('%s', (_label, text, max) => {
    expect(xOverflowStart(text, max)).toBeNull();
  });
});

describe('validRangeEnd', () => {
  it.each<[string, string]>([
    ['Latin letters', 'a'.repeat(300)],
    ['CJK', '日'.repeat(150)],
    ['emoji', `${'a'.repeat(250)}${'👍🏽'.repeat(20)}`],
    ['a URL across the limit', `${'a'.repeat(270)} https://example.com/x tail`],
  ])('is one past parseTweet’s inclusive validRangeEnd for NFC text over the limit (%s)', (_label, text) => {
    expect(xWeightedLength(text).validRangeEnd).toBe(twttr.parseTweet(text).validRangeEnd + 1);
  });

  it('is the text length when the text fits', () => {
    expect(xWeightedLength('ciao 😀').validRangeEnd).toBe(7);
  });

  // parseTweet indexes its NFC copy and shifts by the whole length change, wherever that change happens.
  it('is right where parseTweet is not: text that NFC shortens after the limit', () => {
    const text = `${'a'.repeat(300)}e\u0301`;
    expect(xWeightedLength(text).validRangeEnd).toBe(280);
    expect(twttr.parseTweet(text).validRangeEnd).toBe(280); // inclusive: it claims the 281st 'a' is valid
  });
});

describe('codePointLength', () => {
  it.each<[string, string, number]>([
    ['an empty draft', '', 0],
    ['Latin letters', 'ciao', 4],
    ['an astral emoji', '😀', 1],
    ['an emoji with VS16', '❤️', 2],
    ['a ZWJ family', '👨‍👩‍👧', 5],
    ['a decomposed é, not normalized', 'e\u0301', 2],
    ['a lone surrogate', 'a\ud800b', 3],
    ['CRLF', '\r\n', 2],
  ])('%s', (_label, text, expected) => {
    expect(codePointLength(text)).toBe(expected);
  });
});

describe('codePointOverflowStart', () => {
  it.each<[string, string, number, number | null]>([
    ['finds the code point past the limit after astral ones', '😀😀😀', 2, 4],
    ['finds the third Latin letter', 'abc', 2, 2],
    ['finds the letter after a lone surrogate', '\ud800a', 1, 1],
    ['does not find it when the text fits exactly', 'abc', 3, null],
    ['does not find it in an empty draft', '', 0, null],
  ])('%s', (_label, text, max, expected) => {
    expect(codePointOverflowStart(text, max)).toBe(expected);
  });
});

// Fragments that exercise every branch of the count: URLs, emoji sequences, CJK, light punctuation,
// combining marks that NFC composes or reorders, conjoining jamo, surrogates.
const FRAGMENTS = [
  'a', 'Z', ' ', '\r\n', '.', '#', '@', 'é', 'e\u0301', 'a\u0323\u0301', '\u0301', '\u1100\u1161', '\u11a8', '日本',
  '한', '😀', '❤️', '❤', '\ufe0f', '👨‍👩‍👧', '👍🏽', '🇮🇹', '🇮', '1️⃣', '#️⃣', '©', '™', '—', '€', '\u200d', '\u2028',
  '𝐁', '\ud800', '\udc00', 'Ω', '\u2126', ' bit.ly/x ', ' https://example.com/a?b=1 ', ' acme.it ', ' t.co/abc ',
  '’', '“', '…', '‼', '‼️', '⁉', '\u2066',
];
const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));
const texts = fc.oneof(
  fragments,
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** End of what is weighed with the character at `start`: the URL starting there, else its grapheme. */
function unitEnd(text: string, start: number): number {
  const url = findUrls(text).find((u) => u.start === start);
  if (url) return url.end;
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const segment = segmenter.segment(text).containing(start)!;
  return segment.index + segment.segment.length;
}

describe('properties', () => {
  it('xWeightedLength equals parseTweet’s weightedLength', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(weighted(text)).toBe(twttr.parseTweet(text).weightedLength);
      }),
      { seed: 20240611, numRuns: 5000 },
    );
  });

  it('counted from the fold’s sums, the length and where it passes 280 are the same', () => {
    const long = fc.array(texts, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(texts, long), (text) => {
        expect(fromFold(text)).toEqual(xWeightedLength(text));
        expect(fromFold(text).weightedLength).toBe(twttr.parseTweet(text).weightedLength);
      }),
      { seed: 20240611, numRuns: 5000 },
    );
  });

  it('the overflow start is consistent: the text before it fits, the unit at it does not', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 70 }), (text, max) => {
        const start = xOverflowStart(text, max);
        if (start === null) {
          expect(weighted(text)).toBeLessThanOrEqual(max);
          return;
        }
        expect(weighted(text)).toBeGreaterThan(max);
        expect(weighted(text.slice(0, start))).toBeLessThanOrEqual(max);
        expect(weighted(text.slice(0, unitEnd(text, start)))).toBeGreaterThan(max);
      }),
      { seed: 20240611, numRuns: 5000 },
    );
  });

  it('validRangeEnd is where the text passes 280', () => {
    const long = fc.array(texts, { minLength: 4, maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(long, (text) => {
        expect(xWeightedLength(text).validRangeEnd).toBe(xOverflowStart(text, X_MAX_WEIGHTED_LENGTH) ?? text.length);
      }),
      { seed: 20240611, numRuns: 1000 },
    );
  });

  it('codePointLength and codePointOverflowStart agree with Array.from', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 70 }), (text, max) => {
        const codePoints = Array.from(text);
        expect(codePointLength(text)).toBe(codePoints.length);
        const start = codePointOverflowStart(text, max);
        if (codePoints.length <= max) expect(start).toBeNull();
        else expect(start).toBe(codePoints.slice(0, max).join('').length);
      }),
      { seed: 20240611, numRuns: 3000 },
    );
  });
});
