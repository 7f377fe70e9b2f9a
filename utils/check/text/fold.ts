import { HIGH_SURROGATE, OTHER, codePointClass, unitClass, unitClasses } from './letters';
import { allocate, grown, pooled } from './fold-buffers';
import { X_WEIGHTS, mayBeEmoji } from '../detect/x-weights';
import {
  CLASS_SHIFT, DROP, FOLDED, MULTI, SHAPE_SHIFT, UNKNOWN, codePointFold, multiFolds, shapeOf, unitFold, unitFolds,
} from './unit-folds';

/**
 * Folding for matching: lower case, no accents, no width variants, no zero-width characters,
 * one space for any run of white space, one apostrophe for every apostrophe-like mark.
 * Every folded code unit keeps the UTF-16 range of the original text it came from, so a match
 * in the folded text maps back to exact offsets in the draft.
 *
 * The same pass steps the phrase automaton over the folded units, counts letters for the capitals
 * rule and, on X, adds up X's weights for its length: a draft is read once.
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
  /** Pairs (folded unit index, automaton step) where the automaton reached a state that ends a phrase. */
  matches: Int32Array;
  matchCount: number;
  /** Letters and capitals in the draft's words of two letters or more (see ./letters.ts); -1 when not counted. */
  letters: number;
  capitals: number;
  /** What X's count needs (../detect/length.ts), read in the same pass when asked for; else null. */
  x: XUnits | null;
}

/** X's weights of the draft's characters, added up, and where an emoji may first be. */
export interface XUnits {
  /** The sum of X_WEIGHTS over the draft's code units, a surrogate pair counted once (by its high half). */
  weight: number;
  /** UTF-16 offset of the first unit that can be part of an emoji (mayBeEmoji); -1 when there is none. */
  emojiFrom: number;
}

/** A DFA over folded units (the phrase index's, ./phrases.ts), stepped while folding. */
export interface Automaton {
  /** Folded code unit → symbol; 0 for a unit no phrase contains. */
  symbolOf: Uint16Array;
  width: number;
  /** delta[state * width + symbol] = next state << 1, | 1 when the next state ends a phrase. */
  delta: Uint16Array | Uint32Array;
}

/** Finds nothing: for folding without matching. */
const INERT: Automaton = { symbolOf: new Uint16Array(0x10000), width: 1, delta: new Uint16Array(1) };

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

// A single letter after a non-letter, then spacer, letter, spacer, letter: "P.r.o", " i s" (six classes).
const SPACED_LETTERS = 0b01_10_01_10_01;

/**
 * Folds a draft, stepping `automaton` over the folded units. With `reuse`, the result lives in shared
 * buffers and is valid until the next such call. With `weighX`, also adds up X's weights (`x`).
 */
export function foldText(text: string, reuse = true, automaton: Automaton = INERT, weighX = false): FoldedText {
  const n = text.length;
  let buf = reuse ? pooled(n * 2 + 8) : allocate(n * 2 + 8, 16);
  let { codes, starts, ends, matches } = buf;
  const { symbolOf, delta, width } = automaton;
  let len = 0;
  let i = 0;
  let lastWasSpace = false;
  let shapes = 0; // the last six units' classes, two bits each
  let prevShape = 0;
  let suspicious = false;
  let step = 0;
  let matchCount = 0;
  let wordLetters = 0;
  let wordCapitals = 0;
  let letters = 0;
  let capitals = 0;
  let uncounted = false;
  let xWeight = 0;
  let emojiFrom = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (weighX) {
      // Each turn of this loop reads one code unit, or a surrogate pair: what X weighs as one character.
      xWeight += X_WEIGHTS[c]!;
      if (c >= 0xa9 && emojiFrom < 0 && mayBeEmoji(c)) emojiFrom = i;
    }
    let e = unitFolds[c]!;
    if (e === UNKNOWN) e = unitFold(c);
    // Letters for the capitals rule.
    let k = e > 0 ? e >>> CLASS_SHIFT : unitClasses[c]! || unitClass(c);
    if (k === HIGH_SURROGATE) k = codePointClass(text.codePointAt(i)!);
    if (k & OTHER) {
      if (wordLetters >= 2) {
        letters += wordLetters;
        capitals += wordCapitals;
      }
      wordLetters = 0;
      wordCapitals = 0;
    } else {
      wordLetters += k & 1;
      wordCapitals += (k >> 1) & 1;
    }
    let out: number;
    let shape: number;
    let unitLen = 1;
    let more: string | null = null; // the rest of a fold to more than one unit
    if (e > 0) {
      const f = e & FOLDED;
      // White space: a run of it is one space.
      if (f === 0x21) {
        if (lastWasSpace) {
          ends[len - 1] = i + 1;
          i++;
          continue;
        }
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      out = f - 1;
      shape = (e >> SHAPE_SHIFT) & 15;
    } else if (e === DROP) {
      if (len > 0) ends[len - 1] = i + 1;
      i++;
      continue;
    } else {
      let folded: string;
      if (e === MULTI) {
        folded = multiFolds.get(c)!;
      } else {
        // A high surrogate: fold the whole astral code point (mathematical letters, for instance).
        const cp = text.codePointAt(i)!;
        unitLen = cp > 0xffff ? 2 : 1;
        folded = codePointFold(cp);
        // The capitals rule steps over the unit after a lone high surrogate: it then counts for itself.
        if (unitLen === 1 && i + 1 < n) uncounted = true;
      }
      if (folded.length === 0) {
        if (len > 0) ends[len - 1] = i + unitLen;
        i += unitLen;
        continue;
      }
      if (len + folded.length + (n - i) + 8 > codes.length) {
        buf = grown(buf, len + folded.length + (n - i) + 8, len, reuse);
        ({ codes, starts, ends, matches } = buf);
      }
      out = folded.charCodeAt(0);
      shape = shapeOf(out);
      if (folded.length > 1) more = folded;
      lastWasSpace = folded.charCodeAt(folded.length - 1) === 0x20;
    }
    for (let m = 1; ; m++) {
      // The look-alike pre-check, inlined: this is the hottest loop of a check.
      shapes = ((shapes << 2) | (shape & 3)) & 0x7ff;
      if ((shape & 12 && (prevShape & 3) === 1) || ((shape & 3) === 1 && prevShape & 4)
        || ((shapes & 0x3ff) === SPACED_LETTERS && ((shapes >> 10) & 1) === 0)) {
        suspicious = true;
      }
      prevShape = shape;
      codes[len] = out;
      starts[len] = i;
      ends[len] = i + unitLen;
      step = delta[(step >> 1) * width + symbolOf[out]!]!;
      if (step & 1) {
        if (matchCount === matches.length) {
          const larger = new Int32Array(matches.length * 2);
          larger.set(matches);
          matches = buf.matches = larger;
        }
        matches[matchCount++] = len;
        matches[matchCount++] = step;
      }
      len++;
      if (more === null || m === more.length) break;
      out = more.charCodeAt(m);
      shape = shapeOf(out);
    }
    i += unitLen;
  }
  if (wordLetters >= 2) {
    letters += wordLetters;
    capitals += wordCapitals;
  }
  if (uncounted) letters = capitals = -1;
  return {
    codes, starts, ends, length: len, mayBeObfuscated: suspicious, matches, matchCount, letters, capitals,
    x: weighX ? { weight: xWeight, emojiFrom } : null,
  };
}
