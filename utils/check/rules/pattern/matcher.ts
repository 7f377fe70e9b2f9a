import { RE2JS } from 're2js';
import type { Span } from '../../types';
import { translate, type Translation } from './native';

/** Finds the non-empty, non-overlapping matches of a pattern, left to right, as UTF-16 spans. */
export type SpanFinder = (text: string) => Span[];

/**
 * Bound on the work a backtracking engine may do per start position: paths × steps (see ./nodes.ts).
 * A draft of n characters then costs at most n × 1,000 steps: linear, like RE2 itself.
 */
export const BACKTRACK_BUDGET = 1_000;

/** Matches reported per pattern and draft: past a few hundred underlines more say nothing, and cost time. */
export const MAX_SPANS = 200;

/**
 * When V8's own engine may run a pattern: it is in the plain subset ./native.ts translates, no quantifier
 * is unbounded (`*`, `+`, `{n,}`: even `.*x` is quadratic in an unanchored backtracking search), paths ×
 * steps stay within BACKTRACK_BUDGET (nested or alternated bounded repeats multiply), and, when case is
 * ignored, nothing in it lies outside ASCII or depends on case folding (\b, negated classes), where JS and
 * RE2 could disagree. Both engines then give the same leftmost-first matches (a property test checks it).
 */
export function nativeEligible(t: Translation | null, ignoreCase: boolean): t is Translation {
  if (t === null || t.paths * t.steps > BACKTRACK_BUDGET) return false;
  return !(ignoreCase || t.ignoreCase) || !t.foldSensitive;
}

/** Whether compileFinder runs this pattern on re2js (the browser loads re2js only for a policy that has one). */
export function runsOnRe2(pattern: string, ignoreCase: boolean): boolean {
  return !nativeEligible(translate(pattern), ignoreCase);
}

export interface FinderOptions {
  /** Allow the native RegExp path (tests turn it off to compare both engines). */
  native?: boolean;
}

/**
 * Compiles a pattern into a span finder; throws when re2js rejects it. A pattern for the native path is
 * not compiled by re2js here (it costs a millisecond or more each): `validate` has already judged it.
 */
export function compileFinder(pattern: string, ignoreCase: boolean, options: FinderOptions = {}): SpanFinder {
  const t = translate(pattern);
  const fold = ignoreCase || t?.ignoreCase === true;
  const literal = literalOf(t, fold);
  const literalAt = literal === null ? null : literalFinder(literal, fold);
  if (options.native !== false && nativeEligible(t, ignoreCase)) {
    return nativeFinder(new RegExp(t.source, fold ? 'giu' : 'gu'), literalAt, t.literalBefore);
  }
  // Compiled on first need: re2js takes a millisecond or more per pattern, and a policy's patterns are
  // validated at load, so this cannot fail here. A draft without the required literal never pays for it.
  let compiled: RE2JS | null = null;
  const re2 = () => (compiled ??= RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
  return re2Finder(re2, literalAt, t?.literalBefore ?? Infinity);
}

/**
 * A literal every match contains and the finder looks for first, or null. JS and RE2 fold ASCII alike,
 * Kelvin sign and long s included; beyond ASCII their case folding could differ, so no literal is used.
 */
export function requiredLiteral(pattern: string, ignoreCase: boolean): string | null {
  const t = translate(pattern);
  return literalOf(t, ignoreCase || t?.ignoreCase === true);
}

function literalOf(t: Translation | null, fold: boolean): string | null {
  if (t === null || t.literal.length < 2) return null;
  return fold && !/^[\x20-\x7e]+$/.test(t.literal) ? null : t.literal;
}

function nativeFinder(re: RegExp, literalAt: ((text: string, from: number) => number) | null, before: number): SpanFinder {
  const reach = Number.isFinite(before) ? 2 * before : Infinity; // code points to UTF-16 units, at most
  return (text) => {
    const spans: Span[] = [];
    // A draft without the literal every match needs is not scanned at all (indexOf is far cheaper), and one
    // with it only from where the first match can start.
    let from = 0;
    if (literalAt) {
      const at = literalAt(text, 0);
      if (at < 0) return spans;
      if (reach !== Infinity) from = Math.max(0, at - reach);
    }
    re.lastIndex = from;
    for (let m = re.exec(text); m !== null && spans.length < MAX_SPANS; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end > start) spans.push({ start, end });
      else re.lastIndex = next(text, start);
    }
    return spans;
  };
}

/**
 * re2js, which tracks positions at a few hundred nanoseconds a character, runs only where a match can
 * start: never when the draft lacks the required literal, nor when its DFA (`test`, tens of nanoseconds a
 * character) finds no match, and each search starts no earlier than the next occurrence of the literal
 * minus the longest text a match can hold before it.
 */
function re2Finder(lazyRe: () => RE2JS, literalAt: ((text: string, from: number) => number) | null, before: number): SpanFinder {
  const reach = Number.isFinite(before) ? 2 * before : Infinity; // code points to UTF-16 units, at most
  return (text) => {
    if (literalAt && literalAt(text, 0) < 0) return [];
    const re = lazyRe();
    if (!re.test(text)) return [];
    const spans: Span[] = [];
    const m = re.matcher(text);
    for (let from = 0; from <= text.length && spans.length < MAX_SPANS; ) {
      let start = from;
      if (literalAt && reach !== Infinity) {
        const at = literalAt(text, from);
        if (at < 0) break;
        start = Math.max(from, at - reach);
      }
      if (!m.find(start)) break;
      if (m.end() > m.start()) spans.push({ start: m.start(), end: m.end() });
      from = m.end() > m.start() ? m.end() : next(text, m.end());
    }
    return spans;
  };
}

/** Where a literal next occurs (-1: nowhere). */
function literalFinder(literal: string, fold: boolean): (text: string, from: number) => number {
  if (!fold) return (text, from) => text.indexOf(literal, from);
  const re = new RegExp(Array.from(literal, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join(''), 'giu');
  return (text, from) => {
    re.lastIndex = from;
    return re.exec(text)?.index ?? -1;
  };
}

/** The offset after the code point at i. */
function next(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i + (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
}
