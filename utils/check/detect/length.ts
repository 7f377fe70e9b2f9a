// Draft length as each platform counts it. X: twitter-text 3.1.0's parseTweet weighted length (v3 config:
// a URL weighs 23, an emoji sequence 2, CJK and other characters outside the light ranges 2, the rest 1).
// LinkedIn: Unicode code points. Offsets returned are UTF-16 indices into the text as given.
//
// parseTweet is repeated here rather than imported: its module pulls core-js 2 polyfills and twemoji's
// URL builder into the content script, and its validRangeEnd is an inclusive index into the NFC form of the
// text, shifted by the total length change, so it is off whenever normalization changes anything.
// tests/unit/check/detect-length.test.ts compares the result with parseTweet on random text.
import twemojiModule from 'twemoji-parser/dist/lib/regex';
import type { XUnits } from '../text/fold';
import { findUrls, type UrlMatch } from './entities';
import { X, X_WEIGHTS as WEIGHTS, mayBeEmoji } from './x-weights';

/** X's limit for a post, in weighted characters. */
export const X_MAX_WEIGHTED_LENGTH = X.maxWeightedTweetLength;

// twemoji-parser is CommonJS compiled from ESM: bundlers that import it with Node's interop (as Vite does for
// a "type": "module" package) hand us its exports object, others its default export.
const twemojiRegex = twemojiModule instanceof RegExp ? twemojiModule : twemojiModule.default;
const emojiRe = new RegExp(twemojiRegex.source, twemojiRegex.flags);
const ASCII_ONLY = /^[\x00-\x7F]*$/;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
// What composes with what comes before it under NFC: combining marks, and Hangul medial and final jamo.
const JOINS_PREVIOUS = /[\p{M}\u1160-\u11FF]/uy;

export interface XLength {
  /** Exactly parseTweet(text).weightedLength. */
  weightedLength: number;
  /**
   * UTF-16 offset where the text past X's 280 weighted characters begins; text.length when none is.
   * Unlike parseTweet's, it is not cut short by the characters X refuses (U+FEFF, U+FFFE, U+FFFF).
   */
  validRangeEnd: number;
}

export function xWeightedLength(text: string, units?: XUnits): XLength {
  const { weightedLength, overflow } = xLengthAndOverflow(text, X_MAX_WEIGHTED_LENGTH, units);
  return { weightedLength, validRangeEnd: overflow ?? text.length };
}

/**
 * X's weighted length, and the UTF-16 offset where it passes `max` (null when the text fits), in one count.
 * `units`: what the fold read of the same text (../text/fold.ts), which spares a pass over it when the text is
 * NFC; then only a text over `max` is walked, and only up to where it passes.
 */
export function xLengthAndOverflow(text: string, max: number, units?: XUnits): { weightedLength: number; overflow: number | null } {
  const entities = xEntities(text, units?.emojiFrom);
  const weight = units && entities.normalized === text ? weightFromUnits(text, units.weight, entities) : null;
  if (weight === null) {
    const scan = scanX(text, entities, max, false);
    return { weightedLength: scan.weight / X.scale, overflow: scan.overflow };
  }
  const overflow = weight > max * X.scale ? scanX(text, entities, max, true).overflow ?? text.length : null;
  return { weightedLength: weight / X.scale, overflow };
}

/** What parseTweet weighs whole, found in the NFC form of the text, in order of start. */
interface XEntities {
  normalized: string;
  urls: readonly UrlMatch[];
  /** [start, length], the last one per start. */
  emoji: [number, number][];
}

/** `emojiFrom`: the fold's first possible emoji (-1 for none), an offset into the text as given. */
function xEntities(text: string, emojiFrom?: number): XEntities {
  const normalized = text.normalize();
  const from = normalized !== text || emojiFrom === undefined ? (ASCII_ONLY.test(normalized) ? -1 : 0) : emojiFrom;
  return { normalized, urls: findUrls(normalized), emoji: from < 0 ? [] : findTwemoji(normalized, from) };
}

/**
 * parseTweet's weight from the fold's sum (`unitsSum`, of an NFC text): each URL and emoji sequence weighs its
 * fixed weight instead of its characters'. Null when an entity begins or ends inside a surrogate pair, which
 * the sum weighed as one character.
 */
function weightFromUnits(text: string, unitsSum: number, { urls, emoji }: XEntities): number | null {
  let weight = unitsSum;
  let consumed = 0; // as parseTweet walks: an entity that starts inside what was consumed is skipped
  let u = 0;
  let e = 0;
  while (u < urls.length || e < emoji.length) {
    // At the same start a URL goes first, as in parseTweet.
    const isUrl = u < urls.length && (e >= emoji.length || urls[u]!.start <= emoji[e]![0]);
    const start = isUrl ? urls[u]!.start : emoji[e]![0];
    const end = start + (isUrl ? urls[u++]!.url.length : emoji[e++]![1]);
    if (start < consumed) continue;
    if (splitsPair(text, start) || splitsPair(text, end)) return null;
    weight += (isUrl ? X.transformedURLLength * X.scale : X.defaultWeight) - unitsWeight(text, start, end);
    consumed = end;
  }
  return weight;
}

/** Whether offset `at` falls between the halves of a surrogate pair. */
const splitsPair = (text: string, at: number): boolean => at > 0 && at < text.length && isSurrogatePair(text, at - 1);

/** The fold's sum over text[from, to): X_WEIGHTS of each unit, a surrogate pair once. */
function unitsWeight(text: string, from: number, to: number): number {
  let weight = 0;
  for (let i = from; i < to; i++) {
    weight += WEIGHTS[text.charCodeAt(i)]!;
    if (i + 1 < to && isSurrogatePair(text, i)) i++;
  }
  return weight;
}

/**
 * UTF-16 offset of the first character that takes X's weighted length past `max`, or null when the text
 * fits. A URL or an emoji sequence is weighed whole, so the offset can be where one of those begins.
 */
export function xOverflowStart(text: string, max: number): number | null {
  return scanX(text, xEntities(text), max, true).overflow;
}

/** Length in Unicode code points (a lone surrogate counts as one), as LinkedIn counts. */
export function codePointLength(text: string): number {
  if (!HIGH_SURROGATE.test(text)) return text.length;
  return text.length - (text.match(SURROGATE_PAIRS)?.length ?? 0);
}

/** UTF-16 offset of the code point number max + 1, or null when the text has at most `max` code points. */
export function codePointOverflowStart(text: string, max: number): number | null {
  if (!HIGH_SURROGATE.test(text)) return text.length > max ? max : null;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (count >= max) return i;
    count++;
    if (isSurrogatePair(text, i)) i++;
  }
  return null;
}

/** parseTweet's loop: weight in X.scale units, and where the weight first passes `max` (original offset). */
function scanX(text: string, { normalized, urls, emoji }: XEntities, max: number, stopAtOverflow: boolean): { weight: number; overflow: number | null } {
  const limit = max * X.scale;
  let nextUrl = 0;
  let nextEmoji = 0;
  let urlAt = urls.length > 0 ? urls[0]!.start : -1;
  let emojiAt = emoji.length > 0 ? emoji[0]![0] : -1;
  let weight = 0;
  let overflow: number | null = null;
  const n = normalized.length;
  for (let i = 0; i < n; i++) {
    const start = i;
    if (i === urlAt) {
      weight += X.transformedURLLength * X.scale;
      i += urls[nextUrl]!.url.length - 1;
    } else if (i === emojiAt) {
      weight += X.defaultWeight;
      i += emoji[nextEmoji]![1] - 1;
    } else {
      // Plain characters up to the next entity in a loop of their own: most of a draft.
      const stop = Math.min(urlAt === -1 ? n : urlAt, emojiAt === -1 ? n : emojiAt);
      for (;;) {
        const unitStart = i;
        let c = normalized.charCodeAt(i);
        // parseTweet weighs a surrogate pair by its low half, which is outside every light range.
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          const low = normalized.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            c = low;
            i++;
          }
        }
        weight += WEIGHTS[c]!;
        if (overflow === null && weight > limit) {
          overflow = normalized === text ? unitStart : originalOffset(text, normalized, unitStart);
          if (stopAtOverflow) return { weight, overflow };
        }
        if (i + 1 >= stop) break;
        i++;
      }
    }
    // Entities that start inside what was just consumed are skipped, as parseTweet skips them.
    if (urlAt !== -1 && urlAt <= i) {
      while (nextUrl < urls.length && urls[nextUrl]!.start <= i) nextUrl++;
      urlAt = nextUrl < urls.length ? urls[nextUrl]!.start : -1;
    }
    if (emojiAt !== -1 && emojiAt <= i) {
      while (nextEmoji < emoji.length && emoji[nextEmoji]![0] <= i) nextEmoji++;
      emojiAt = nextEmoji < emoji.length ? emoji[nextEmoji]![0] : -1;
    }
    if (overflow === null && weight > limit) {
      overflow = normalized === text ? start : originalOffset(text, normalized, start);
      if (stopAtOverflow) break;
    }
  }
  return { weight, overflow };
}

/**
 * twemoji's matches as [start, length], the last one per start. Its regex runs only on runs of characters
 * that can be part of an emoji (with the character before, for keycaps such as 1️⃣): accented letters and
 * plain text are skipped, which on prose is most of the draft.
 */
function findTwemoji(text: string, from = 0): [number, number][] {
  const found: [number, number][] = [];
  let i = from;
  while (i < text.length) {
    if (!mayBeEmoji(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && mayBeEmoji(text.charCodeAt(end))) end++;
    const from = Math.max(0, i - 1);
    const window = text.slice(from, end);
    emojiRe.lastIndex = 0;
    for (let m = emojiRe.exec(window); m !== null && m[0] !== ''; m = emojiRe.exec(window)) {
      const at = from + m.index;
      if (found.length > 0 && found[found.length - 1]![0] === at) found.pop();
      found.push([at, m[0].length]);
    }
    i = end;
  }
  return found;
}

function isSurrogatePair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

/**
 * Maps an offset into text.normalize() back to the text. NFC works within clusters (a character and the
 * marks or jamo that follow it), so clusters are normalized one by one; an offset inside a cluster that
 * normalization changed maps to the cluster's start, the earliest place the counted character can be.
 */
function originalOffset(text: string, normalized: string, offset: number): number {
  let norm = 0;
  for (let i = 0; i < text.length; ) {
    let j = i + (isSurrogatePair(text, i) ? 2 : 1);
    for (JOINS_PREVIOUS.lastIndex = j; j < text.length && JOINS_PREVIOUS.test(text); JOINS_PREVIOUS.lastIndex = j) {
      j = JOINS_PREVIOUS.lastIndex;
    }
    const cluster = text.slice(i, j);
    const normalizedCluster = cluster.normalize();
    // Should NFC ever reach across a cluster boundary, stop here: the overflow is no later than this.
    if (!normalized.startsWith(normalizedCluster, norm)) return i;
    if (offset < norm + normalizedCluster.length) return normalizedCluster === cluster ? i + offset - norm : i;
    norm += normalizedCluster.length;
    i = j;
  }
  return text.length;
}
