import { unitClass, unitClasses } from './letters';

/**
 * What the fold (./fold.ts) needs to know of each code unit, in one table lookup in the common case:
 * computed once per unit from Unicode normalization and a few lists.
 */
export const UNKNOWN = 0;
export const DROP = -1;
export const MULTI = -2;
export const HIGH_SURROGATE = -3;
/**
 * Indexed by code unit: 0 = not yet computed, a negative marker, or, packed, the folded unit + 1 (FOLDED
 * bits), its look-alike shape (at SHAPE_SHIFT, see shapeOf) and the unit's letter class (at CLASS_SHIFT,
 * see ./letters.ts). Int32, not Uint32: values past 2^31 would make every lookup a floating-point comparison.
 */
export const unitFolds = new Int32Array(0x10000);
export const FOLDED = 0x1ffff;
export const SHAPE_SHIFT = 17;
export const CLASS_SHIFT = 21;
export const multiFolds = new Map<number, string>();
const astralFolds = new Map<number, string>();

const ZERO_WIDTH = /^[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]$/;
const APOSTROPHES = /^[\u2018\u2019\u201b\u02bc\u02bb\u2032\u00b4\u0060\uff07]$/;
const HYPHENS = /^[\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]$/;
const COMBINING = /\p{M}/gu;
const SPACE = /^\s$/u;
/** Letters Unicode does not decompose but readers take for their base letters. */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ı: 'i', ħ: 'h',
};

function foldString(s: string): string {
  return s.normalize('NFKD').replace(COMBINING, '').toLowerCase().normalize('NFC');
}

/** Computes and keeps a unit's entry in unitFolds. */
export function unitFold(code: number): number {
  return (unitFolds[code] = pack(code, computeFold(code)));
}

function pack(code: number, fold: number): number {
  if (fold <= 0) return fold;
  return fold | (shapeOf(fold - 1) << SHAPE_SHIFT) | ((unitClasses[code]! || unitClass(code)) << CLASS_SHIFT);
}

function computeFold(code: number): number {
  const ch = String.fromCharCode(code);
  if (ZERO_WIDTH.test(ch)) return DROP;
  if (SPACE.test(ch)) return 0x20 + 1;
  if (APOSTROPHES.test(ch)) return 0x27 + 1;
  if (HYPHENS.test(ch)) return 0x2d + 1;
  if (code >= 0xd800 && code <= 0xdbff) return HIGH_SURROGATE;
  if (code >= 0xdc00 && code <= 0xdfff) return code + 1;
  if (/\p{M}/u.test(ch)) return DROP;
  const folded = LETTERS_WITHOUT_DECOMPOSITION[ch] ?? foldString(ch);
  if (folded.length === 0) return DROP;
  if (folded.length === 1) return folded.charCodeAt(0) + 1;
  multiFolds.set(code, folded);
  return MULTI;
}

// Shapes of folded ASCII units for the look-alike pre-check: bits 0-1 class (0 other, 1 letter, 2 spacer,
// 3 other word unit), bit 2 a leet digit (0 1 3 4 5 7), bit 3 a leet symbol (@ $: only between letters).
const SHAPES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  SHAPES[c] = /[a-z]/i.test(ch) ? 1 : '.-_* '.includes(ch) ? 2 : /[0-9]/.test(ch) ? 3 : 0;
  if ('013457'.includes(ch)) SHAPES[c]! |= 4;
  if ('@$'.includes(ch)) SHAPES[c]! |= 8;
}

/** The look-alike shape of a folded unit; anything outside ASCII is an "other word unit". */
export const shapeOf = (folded: number): number => (folded < 128 ? SHAPES[folded]! : 3);

for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  unitFolds[c] = pack(c, (SPACE.test(ch) ? 0x20 : ch.toLowerCase().charCodeAt(0)) + 1);
}

/** What an astral code point folds to; marks and skin-tone modifiers fold to nothing. */
export function codePointFold(cp: number): string {
  let folded = astralFolds.get(cp);
  if (folded === undefined) {
    const raw = String.fromCodePoint(cp);
    // Marks and skin-tone modifiers belong to what they follow: "🖕🏽" matches "🖕" and spans both.
    folded = /\p{M}/u.test(raw) || (cp >= 0x1f3fb && cp <= 0x1f3ff) ? '' : foldString(raw);
    astralFolds.set(cp, folded);
  }
  return folded;
}
