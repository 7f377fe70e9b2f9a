/**
 * Letter classes as the capitals rule reads words: a word is a run of letters, with combining marks and
 * zero-width characters inside it ("PERCHÉ" written E + U+0301). Bit 0: a letter; bit 1: a capital;
 * bit 2: inside a word; bit 3: anything else, which ends a word. Shared by the fold pass, which counts
 * letters as it folds, and the capitals rule.
 */
export const LETTER = 1;
export const CAPITAL = 3;
export const INSIDE = 4;
export const OTHER = 8;
/** A high surrogate: the class is its code point's, read with the low surrogate after it. */
export const HIGH_SURROGATE = 16;

const CAPITAL_RE = /^[\p{Lu}\p{Lt}]$/u;
const LETTER_RE = /^\p{L}$/u;
const INSIDE_WORD_RE = /^[\p{M}\u00ad\u200b-\u200d\u2060]$/u;

/** Indexed by UTF-16 code unit; 0 = not yet computed. */
export const unitClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

const classify = (ch: string): number =>
  CAPITAL_RE.test(ch) ? CAPITAL : LETTER_RE.test(ch) ? LETTER : INSIDE_WORD_RE.test(ch) ? INSIDE : OTHER;

/** The class of a code unit not yet in `unitClasses` (look there first: `unitClasses[c] || unitClass(c)`). */
export function unitClass(unit: number): number {
  return (unitClasses[unit] = unit >= 0xd800 && unit <= 0xdbff ? HIGH_SURROGATE : classify(String.fromCharCode(unit)));
}

/** The class of a code point; a lone surrogate is OTHER. */
export function codePointClass(cp: number): number {
  if (cp < 0x10000) return cp >= 0xd800 && cp <= 0xdbff ? OTHER : unitClasses[cp] || unitClass(cp);
  let c = astralClasses.get(cp);
  if (c === undefined) astralClasses.set(cp, (c = classify(String.fromCodePoint(cp))));
  return c;
}

/** Letters and capitals in the words of two letters or more. */
export interface LetterCounts {
  letters: number;
  capitals: number;
}
