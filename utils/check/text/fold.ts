/**
 * Folding for matching: lower case, no accents, no width variants, no zero-width characters,
 * one space for any run of white space, one apostrophe for every apostrophe-like mark.
 * Every folded code unit keeps the UTF-16 range of the original text it came from, so a match
 * in the folded text maps back to exact offsets in the draft.
 */
export interface FoldedText {
  /** Folded UTF-16 code units. */
  codes: Uint16Array;
  /** starts[i] / ends[i]: the original range that folded unit i stands for. */
  starts: Int32Array;
  ends: Int32Array;
  length: number;
  /**
   * False when the folded text certainly holds no look-alike spelling (a leet digit next to a letter, or
   * three single letters joined by spacers): then deobfuscate() has nothing to do and is skipped.
   */
  mayBeObfuscated: boolean;
}

const UNKNOWN = 0;
const DROP = -1;
const MULTI = -2;
const HIGH_SURROGATE = -3;
// Indexed by code unit: 0 = not yet computed, a negative marker, or the folded unit + 1.
// (Int32, not Uint32: values past 2^31 would make every lookup a floating-point comparison.)
const singleFolds = new Int32Array(0x10000);
const multiFolds = new Map<number, string>();
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

for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  singleFolds[c] = (SPACE.test(ch) ? 0x20 : ch.toLowerCase().charCodeAt(0)) + 1;
}

/** Folds a whole string the same way the scanner folds a draft (used for patterns). */
export function foldPlain(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(ASCII_SPACES, ' ').trim();
  const f = foldText(text, false);
  let out = '';
  for (let i = 0; i < f.length; i++) out += String.fromCharCode(f.codes[i]!);
  return out.trim();
}
const PLAIN_ASCII = /^[\x20-\x7e\t\n\r]*$/;
const ASCII_SPACES = /\s+/g;

// Shapes of folded ASCII units for the look-alike pre-check: bits 0-1 class (0 other, 1 letter, 2 spacer,
// 3 other word unit), bit 2 a leet digit (0 1 3 4 5 7), bit 3 a leet symbol (@ $: only between letters).
const SHAPE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  SHAPE[c] = /[a-z]/i.test(ch) ? 1 : '.-_* '.includes(ch) ? 2 : /[0-9]/.test(ch) ? 3 : 0;
  if ('013457'.includes(ch)) SHAPE[c]! |= 4;
  if ('@$'.includes(ch)) SHAPE[c]! |= 8;
}
// A single letter after a non-letter, then spacer, letter, spacer, letter: "P.r.o", " i s" (six classes).
const SPACED_LETTERS = 0b01_10_01_10_01;
const isSpacedLetters = (shapes: number): boolean => (shapes & 0x3ff) === SPACED_LETTERS && ((shapes >> 10) & 1) === 0;

// Folding buffers, reused from one draft to the next: a FoldedText is valid until the next foldText call.
let pool = { codes: new Uint16Array(0), starts: new Int32Array(0), ends: new Int32Array(0) };

function buffers(capacity: number) {
  if (pool.codes.length < capacity) {
    const size = Math.max(capacity, pool.codes.length * 2, 1024);
    pool = { codes: new Uint16Array(size), starts: new Int32Array(size), ends: new Int32Array(size) };
  }
  return pool;
}

/** Folds a draft. With `reuse`, the result lives in shared buffers and is valid until the next such call. */
export function foldText(text: string, reuse = true): FoldedText {
  const n = text.length;
  const capacity = n * 2 + 8;
  const { codes, starts, ends } = reuse
    ? buffers(capacity)
    : { codes: new Uint16Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity) };
  let len = 0;
  let i = 0;
  let lastWasSpace = false;
  let shapes = 0; // the last six units' classes, two bits each
  let prevShape = 0;
  let suspicious = false;
  const see = (out: number): void => {
    const shape = out < 128 ? SHAPE[out]! : 3;
    shapes = ((shapes << 2) | (shape & 3)) & 0xfff;
    if ((shape & 12 && (prevShape & 3) === 1) || ((shape & 3) === 1 && prevShape & 4) || isSpacedLetters(shapes)) {
      suspicious = true;
    }
    prevShape = shape;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    let f = singleFolds[c]!;
    if (f === UNKNOWN) f = singleFolds[c] = computeFold(c);
    if (f > 0) {
      if (f === 0x21) {
        // White space: a run of it is one space.
        if (lastWasSpace) {
          ends[len - 1] = i + 1;
          i++;
          continue;
        }
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      const out = f - 1;
      // The look-alike pre-check, inlined: this is the hottest loop of a check.
      const shape = out < 128 ? SHAPE[out]! : 3;
      shapes = ((shapes << 2) | (shape & 3)) & 0xfff;
      if ((shape & 12 && (prevShape & 3) === 1) || ((shape & 3) === 1 && prevShape & 4) || isSpacedLetters(shapes)) {
        suspicious = true;
      }
      prevShape = shape;
      codes[len] = out;
      starts[len] = i;
      ends[len] = i + 1;
      len++;
      i++;
      continue;
    }
    if (f === DROP) {
      if (len > 0) ends[len - 1] = i + 1;
      i++;
      continue;
    }
    let unitLen = 1;
    let folded: string;
    if (f === MULTI) {
      folded = multiFolds.get(c)!;
    } else {
      // A high surrogate: fold the whole astral code point (mathematical letters, for instance).
      const cp = text.codePointAt(i)!;
      unitLen = cp > 0xffff ? 2 : 1;
      let cached = astralFolds.get(cp);
      if (cached === undefined) {
        const raw = String.fromCodePoint(cp);
        // Marks and skin-tone modifiers belong to what they follow: "🖕🏽" matches "🖕" and spans both.
        cached = /\p{M}/u.test(raw) || (cp >= 0x1f3fb && cp <= 0x1f3ff) ? '' : foldString(raw);
        astralFolds.set(cp, cached);
      }
      folded = cached;
    }
    if (folded.length === 0 && len > 0) ends[len - 1] = i + unitLen;
    for (let k = 0; k < folded.length; k++) {
      see(folded.charCodeAt(k));
      codes[len] = folded.charCodeAt(k);
      starts[len] = i;
      ends[len] = i + unitLen;
      len++;
    }
    if (folded.length > 0) lastWasSpace = folded.charCodeAt(folded.length - 1) === 0x20;
    i += unitLen;
  }
  return { codes, starts, ends, length: len, mayBeObfuscated: suspicious };
}
