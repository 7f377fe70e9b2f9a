import { isCard } from './card';
import { isDigit, isSpace, isWordChar } from './chars';
import { CAPACITY, GE, GS, KEY, SPLIT, digitsOf, key, len, parseRun } from './groups';
import { ibanAround } from './iban';
import { isInternational, isItalian } from './phone';
import type { PiiHit, PiiKind } from './types';

/**
 * A run of six or more digits in groups joined by the separators phone and card numbers are
 * written with: space (also no-break), `.`, `-`, `/` (optionally spaced), parentheses. Line breaks
 * end a run. Shorter runs (years, prices, times) and dotted thousands ("1.234.567") fail inside the
 * regex engine, which is much cheaper than handing each of them to JavaScript.
 */
const SEP = String.raw`(?:\)?(?:[ \u00a0\u202f]?[-./][ \u00a0\u202f]?|[ \u00a0\u202f])\(?|\)\(?|\()`;
/** A whole run that is a number with dotted thousands; a leading 0 makes it a phone ("02.123.456"). */
const THOUSANDS = String.raw`[1-9]\d{0,2}(?:\.\d{3})+(?!\d|${SEP}\d)`;
const RUN = new RegExp(String.raw`(?!${THOUSANDS})\+?\(?\d(?:${SEP}?\d){5,}`, 'g');
/** The most groups a phone or card is written in ("+39 (0)2 12 34 56 78"). */
const MAX_GROUPS = 8;

/**
 * `firstDigit`: where the text's first digit is. A run starts with its first digit, or with the "+" or
 * "(" right before it, so the search starts there: prose before the first number is not read.
 */
export function findNumbers(text: string, kinds: ReadonlySet<PiiKind>, hits: PiiHit[], firstDigit = 0): void {
  const numbers = kinds.has('phone') || kinds.has('card');
  RUN.lastIndex = Math.max(0, firstDigit - 2);
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const start = m.index;
    const iban = ibanAround(text, start);
    if (iban) {
      if (kinds.has('iban')) hits.push({ kind: 'iban', start: iban.start, end: iban.end });
      RUN.lastIndex = iban.end;
      continue;
    }
    // A run glued to a word, a price or a time on its left is not split into numbers either:
    // "ABC12 0044 0532 0130 00", "INV-123456 789 0123".
    if (!numbers || !leftContextOk(text, start)) continue;
    const n = parseRun(text, start, RUN.lastIndex);
    // A longer run resumes where the buffers ended; its last buffered group is no number's end.
    const cut = n === CAPACITY;
    if (cut) RUN.lastIndex = GE[n - 1]!;
    classifyRun(text, { plus: text.charCodeAt(start) === 43, start, n, cut }, kinds, hits);
  }
}

interface Run {
  /** Opens with "+". */
  plus: boolean;
  start: number;
  /** Groups in the buffers. */
  n: number;
  /** Longer than the buffers. */
  cut: boolean;
}

/** Finds phones and cards among the groups of a run, longest first, splitting only at spaces. */
function classifyRun(text: string, { plus, start, n, cut }: Run, kinds: ReadonlySet<PiiKind>, hits: PiiHit[]): void {
  let rightOk: boolean | undefined = cut ? false : undefined;
  let i = 0;
  while (i < n) {
    const date = dateLength(text, i, n);
    if (date > 0) {
      i += date;
      continue;
    }
    if (i > 0 && !SPLIT[i - 1]) {
      i++;
      continue;
    }
    let found = -1;
    let count = 0;
    const last = Math.min(n - 1, i + MAX_GROUPS - 1);
    for (let k = i; k <= last; k++) count += len(k);
    for (let j = last; j >= i && found < 0; count -= len(j--)) {
      if (count < 6) break; // no kind has fewer than 6 digits, and shorter ranges have fewer
      if (count > 19 || (j < n - 1 && !SPLIT[j])) continue;
      if (j === n - 1 && !(rightOk ??= rightContextOk(text, GE[j]!))) continue;
      const kind = classify(text, i === 0 && plus, i, j, count);
      if (!kind) continue;
      found = j;
      const from = i === 0 && plus ? start : spanStart(text, i);
      if (kinds.has(kind) && !isbnBefore(text, from)) hits.push({ kind, start: from, end: GE[j]! });
    }
    i = found >= 0 ? found + 1 : i + 1;
  }
}

/** "(02) 1234 5678": a parenthesised area code keeps its opening parenthesis. */
function spanStart(text: string, i: number): number {
  const g = GS[i]!;
  return text.charCodeAt(g - 1) === 40 && text.charCodeAt(GE[i]!) === 41 ? g - 1 : g;
}

/** Groups i..j (holding `count` digits) as a phone, a card or neither. */
function classify(text: string, plus: boolean, i: number, j: number, count: number): 'phone' | 'card' | null {
  const first = text.charCodeAt(GS[i]!);
  const second = count > 1 ? text.charCodeAt(GE[i]! - GS[i]! > 1 ? GS[i]! + 1 : GS[i + 1]!) : 0;
  // Cheap rejections first: what each kind can start with, and how long it can be.
  const zero = first === 48;
  const intl = plus || (zero && second === 48);
  const italian = (zero && !intl && count <= 11) || (first === 51 && count >= 9 && count <= 10);
  const card = !plus && !zero && count >= 13;
  if (!intl && !italian && !card) return null;
  if (isThousands(first, i, j)) return null;
  const digits = digitsOf(text, i, j);
  const grouped = j > i ? len(i) : 0;
  if (plus) return isInternational(digits, grouped) ? 'phone' : null;
  if (intl) return isInternational(digits.slice(2), grouped - 2) ? 'phone' : null;
  if (italian && isItalian(digits, i, j)) return 'phone';
  return card && isCard(digits, i, j) ? 'card' : null;
}

/** "1.250.000", "+12.500.000": an ordinary number with thousands separators. */
function isThousands(first: number, i: number, j: number): boolean {
  if (j === i || first === 48 || len(i) > 3) return false;
  for (let k = i + 1; k <= j; k++) if (len(k) !== 3 || KEY[k - 1] !== key('.')) return false;
  return true;
}

/** Groups making a date from group `i` ("12/03/2026", "01.03.26", "2026-03-12"), or 0. */
function dateLength(text: string, i: number, n: number): number {
  if (i + 2 >= n) return 0;
  const sep = KEY[i]!;
  if (sep !== KEY[i + 1] || (sep !== key('/') && sep !== key('.') && sep !== key('-'))) return 0;
  const [a, b, c] = [len(i), len(i + 1), len(i + 2)];
  const value = (k: number) => Number(text.slice(GS[k], GE[k]));
  const dayOrMonth = (v: number) => v >= 1 && v <= 31;
  if (a <= 2 && b <= 2 && (c === 2 || c === 4)) {
    const [x, y] = [value(i), value(i + 1)];
    return dayOrMonth(x) && dayOrMonth(y) && (x <= 12 || y <= 12) ? 3 : 0;
  }
  if (a === 4 && b <= 2 && c <= 2) {
    const [month, day] = [value(i + 1), value(i + 2)];
    return month >= 1 && month <= 12 && dayOrMonth(day) ? 3 : 0;
  }
  return 0;
}

/** What may precede a number: not a word ("A3B", "INV-123456"), a price, a time. */
function leftContextOk(text: string, s: number): boolean {
  if (s === 0) return true;
  const c = text.charCodeAt(s - 1);
  if (isWordChar(c) || c === 35 || c === 64 || c === 43) return false; // # @ +
  const before = s >= 2 ? text.charCodeAt(s - 2) : -1;
  if ((c === 45 || c === 47) && isWordChar(before)) return false; // - /
  if ((c === 46 || c === 44 || c === 58) && isDigit(before)) return false; // . , :
  return !(isCurrency(c) || (isSpace(c) && isCurrency(before)));
}

/** "ISBN 0306406152": a book number, whatever it looks like. */
const isbnBefore = (text: string, s: number) => text.slice(Math.max(0, s - 10), s).toUpperCase().includes('ISBN');

const RIGHT_UNIT = /[ \u00a0\u202f]?(?:[%‰°€$£¥]|(?:[Ee]uro?|EUR|USD|dollar[is]?)\b)/y;

/** What may follow a number: not a word, a decimal part, a time, a unit, an e-mail domain. */
function rightContextOk(text: string, e: number): boolean {
  if (e >= text.length) return true;
  const c = text.charCodeAt(e);
  if (isWordChar(c) || c === 64) return false;
  const after = text.charCodeAt(e + 1);
  if ((c === 46 || c === 44 || c === 58) && isDigit(after)) return false;
  if ((c === 45 || c === 47) && isWordChar(after)) return false;
  RIGHT_UNIT.lastIndex = e;
  return !RIGHT_UNIT.test(text);
}

const isCurrency = (c: number) => c === 0x20ac || c === 36 || c === 0xa3 || c === 0xa5;
