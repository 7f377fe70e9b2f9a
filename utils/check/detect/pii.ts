import { getCountrySpecifications, isValidIBAN } from 'ibantools';

export type PiiKind = 'email' | 'phone' | 'iban' | 'card';
export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
}
interface Span {
  start: number;
  end: number;
}

/**
 * Personal data in a draft: e-mail addresses, phone numbers (international, Italian national),
 * IBANs (checksum verified) and payment cards (Luhn, issuer prefix and length). Offsets are UTF-16
 * indices into `text`; a hit overlapping an `excluded` span (a URL) is dropped. Runs on every
 * keystroke: each detector bails out early when the draft cannot contain what it looks for.
 */
export function findPii(text: string, kinds: ReadonlySet<PiiKind>, excluded: ReadonlyArray<Span>): PiiHit[] {
  const hits: PiiHit[] = [];
  if (kinds.has('email') && text.indexOf('@') !== -1) findEmails(text, hits);
  if ((kinds.has('phone') || kinds.has('card') || kinds.has('iban')) && hasSixDigits(text)) {
    findNumbers(text, kinds, hits);
  }
  if (hits.length === 0) return hits;
  // An e-mail address wins over any number inside it.
  const emails = hits.filter((h) => h.kind === 'email');
  const kept = hits.filter(
    (h) => !excluded.some((x) => overlaps(h, x)) && (h.kind === 'email' || !emails.some((x) => overlaps(h, x))),
  );
  return kept.sort((a, b) => a.start - b.start);
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Phones, cards and IBANs all have at least six digits. Six native searches for the next digit beat a JS loop. */
const DIGIT = /\d/g;
function hasSixDigits(text: string): boolean {
  DIGIT.lastIndex = 0;
  for (let k = 0; k < 6; k++) if (!DIGIT.test(text)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------- chars

const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isAsciiAlnum = (c: number) => isDigit(c) || isAsciiLetter(c);
/** Letters, digits, marks and `_`, in any script: what glues a number into a longer token. */
function isWordChar(c: number): boolean {
  if (c < 128) return isAsciiAlnum(c) || c === 95;
  return c >= 128 && UNICODE_WORD.test(String.fromCharCode(c)); // false for NaN (past the end)
}
const isSpace = (c: number) => c === 32 || c === 0xa0 || c === 0x202f;

// --------------------------------------------------------------------------------------- e-mail

const LOCAL_PUNCT = "._%+-'";
const ELISIONS = new Set(
  'l d c m t s v n un all dell dall nell sull coll pell quell quest bell sant tutt nessun'.split(' '),
);
const isLocalChar = (c: number) =>
  c < 128 ? isAsciiAlnum(c) || c === 95 || LOCAL_PUNCT.includes(String.fromCharCode(c)) : isWordChar(c);
const isDomainChar = (c: number) => (c < 128 ? isAsciiAlnum(c) || c === 45 || c === 46 : isWordChar(c));
const TLD = /^(?:\p{L}{2,63}|[Xx][Nn]--[a-zA-Z0-9-]{1,59})$/u;
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

function findEmails(text: string, hits: PiiHit[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const start = localStart(text, at);
    if (start < 0) continue;
    const end = domainEnd(text, at + 1);
    if (end < 0) continue;
    hits.push({ kind: 'email', start, end });
    at = end - 1;
  }
}

/** Start of the local part ending at `at`, or -1. "@handle" has none. */
function localStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && isLocalChar(text.charCodeAt(s - 1))) s--;
  if (s === at) return -1;
  const local = text.slice(s, at);
  const dots = local.lastIndexOf('..');
  if (dots !== -1) s += dots + 2;
  // The address starts at a letter, digit or `_`: "(...mario@" and "'mario@" start at "m".
  while (s < at && LOCAL_PUNCT.includes(text.charAt(s))) s++;
  // An Italian elision glued to the address: "all'info@acme.it" is "info@acme.it".
  const apostrophe = text.slice(s, at).indexOf("'");
  if (apostrophe !== -1 && ELISIONS.has(text.slice(s, s + apostrophe).toLowerCase())) s += apostrophe + 1;
  if (s >= at || text.charCodeAt(at - 1) === 46) return -1;
  return s;
}

/** End of a domain of two or more labels with an alphabetic TLD starting at `from`, or -1. */
function domainEnd(text: string, from: number): number {
  let e = from;
  while (e < text.length && isDomainChar(text.charCodeAt(e))) e++;
  while (e > from && (text.charCodeAt(e - 1) === 45 || text.charCodeAt(e - 1) === 46)) e--;
  const labels = text.slice(from, e).split('.');
  let count = 0;
  while (count < labels.length && LABEL.test(labels[count]!)) count++;
  // Drop trailing labels until the last one is a TLD: "acme.it." and "acme.it.123" end at "it".
  while (count >= 2 && !TLD.test(labels[count - 1]!)) count--;
  if (count < 2) return -1;
  // "logo@2x.png" is a file name, not an address.
  if (/^\d+(?:\.\d+)?x$/i.test(labels[0]!)) return -1;
  let end = from;
  for (let i = 0; i < count; i++) end += labels[i]!.length + (i > 0 ? 1 : 0);
  return end;
}

// -------------------------------------------------------------------------------------- numbers

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
 * The groups of the run being classified, in reused buffers (the detector is synchronous): digit
 * group k is text[GS[k], GE[k]); KEY[k] names the separator after it as its punctuation (`.`, `-`,
 * `/`, or space) times 4 plus 2 for a space before the mark and 1 for a space after it, so that
 * "-" and " - " differ; SPLIT[k] says whether that separator has a space or a parenthesis, the
 * only places a run may be cut into separate numbers.
 */
const CAPACITY = 64;
const GS = new Int32Array(CAPACITY);
const GE = new Int32Array(CAPACITY);
const KEY = new Int32Array(CAPACITY);
const SPLIT = new Uint8Array(CAPACITY);
const SPACE_KEY = 32 * 4;
const PAREN_KEY = 1;
const key = (mark: string) => mark.charCodeAt(0) * 4;

let ibanLengths: Map<string, number> | undefined;

function findNumbers(text: string, kinds: ReadonlySet<PiiKind>, hits: PiiHit[]): void {
  const numbers = kinds.has('phone') || kinds.has('card');
  RUN.lastIndex = 0;
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

/** Fills the group buffers for text[start, end); returns the number of groups. */
function parseRun(text: string, start: number, end: number): number {
  let n = 0;
  let p = start;
  while (p < end && n < CAPACITY) {
    let mark = 0;
    let spaces = 0;
    let paren = false;
    for (let c = text.charCodeAt(p); !isDigit(c); c = text.charCodeAt(++p)) {
      if (isSpace(c)) spaces |= mark ? 1 : 2;
      else if (c === 40 || c === 41) paren = true;
      else if (c !== 43) mark = c; // '+' only opens a run
    }
    if (n > 0) {
      KEY[n - 1] = mark ? mark * 4 + spaces : spaces ? SPACE_KEY : PAREN_KEY;
      SPLIT[n - 1] = spaces || paren ? 1 : 0;
    }
    GS[n] = p;
    while (p < end && isDigit(text.charCodeAt(p))) p++;
    GE[n++] = p;
  }
  return n;
}

const len = (k: number) => GE[k]! - GS[k]!;

/** Finds phones and cards among the groups of a run, longest first, splitting only at spaces. */
interface Run {
  /** Opens with "+". */
  plus: boolean;
  start: number;
  /** Groups in the buffers. */
  n: number;
  /** Longer than the buffers. */
  cut: boolean;
}

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

function digitsOf(text: string, i: number, j: number): string {
  let digits = '';
  for (let k = i; k <= j; k++) digits += text.slice(GS[k], GE[k]);
  return digits;
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

/**
 * E.164: 8–15 digits starting with an assigned country code. When the number is grouped, the
 * first group (after "00", if any) is the country code or holds it whole: "+4 1 22 333" is not a
 * phone, "+39 02…", "+1 (555)…", "0039 333…" are.
 */
function isInternational(digits: string, firstGroup: number): boolean {
  if (digits.length < 8 || digits.length > 15) return false;
  const cc = countryCodeLength(digits);
  return cc > 0 && (firstGroup <= 0 || firstGroup === cc);
}

/** Two-digit country codes, and the first two digits of the three-digit ones (ITU-T E.164). */
const CC2 = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'
    .split(' '),
);
const CC3 = new Set('21 22 23 24 25 26 29 35 37 38 42 50 59 67 68 69 80 85 87 88 96 97 99'.split(' '));

/** Length of the ITU country code `digits` starts with (1 for +1 and +7), or 0 if unassigned. */
function countryCodeLength(digits: string): number {
  if (digits[0] === '1' || digits[0] === '7') return 1;
  const two = digits.slice(0, 2);
  return CC2.has(two) ? 2 : CC3.has(two) ? 3 : 0;
}

/** "1.250.000", "+12.500.000": an ordinary number with thousands separators. */
function isThousands(first: number, i: number, j: number): boolean {
  if (j === i || first === 48 || len(i) > 3) return false;
  for (let k = i + 1; k <= j; k++) if (len(k) !== 3 || KEY[k - 1] !== key('.')) return false;
  return true;
}

/**
 * Italian national numbers: landlines "0…" (6–11 digits, area code of 2–4 digits as the first
 * group) and mobiles "3…" (9–10 digits, a 3-digit prefix as the first group). When grouped, the
 * separators after the first agree, only the first may be a slash, and some later group has 3+
 * digits (which leaves out "09.30.00" and "01 02 03 04").
 */
function isItalian(digits: string, i: number, j: number): boolean {
  const landline = digits[0] === '0' && digits[1] !== '0' && digits.length >= 6 && digits.length <= 11;
  const mobile = digits[0] === '3' && digits[1] !== '0' && digits.length >= 9 && digits.length <= 10;
  if (!landline && !mobile) return false;
  if (j === i) return true;
  if (landline ? len(i) < 2 || len(i) > 4 : len(i) !== 3) return false;
  let long = false;
  for (let k = i + 1; k <= j; k++) {
    if (len(k) < 2) return false;
    if (len(k) >= 3) long = true;
    if (k > i + 1 && (KEY[k - 1] !== KEY[i + 1] || KEY[k - 1]! >> 2 === 47)) return false;
  }
  return long;
}

/**
 * Payment cards: 13–19 digits, compact or in groups (first of 4) with one kind of separator
 * (space or dash), an issuer prefix with a length it issues, and a valid Luhn check digit.
 */
function isCard(digits: string, i: number, j: number): boolean {
  if (digits.length < 13 || digits.length > 19 || !issuerAccepts(digits)) return false;
  if (j > i) {
    const sep = KEY[i]!;
    if (len(i) !== 4 || (sep !== SPACE_KEY && sep !== key('-'))) return false;
    for (let k = i + 1; k <= j; k++) {
      if (KEY[k - 1] !== sep || (k < j && (len(k) < 4 || len(k) > 6))) return false;
    }
  }
  if (/^(\d)\1*$/.test(digits)) return false;
  return luhn(digits);
}

function issuerAccepts(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  switch (d[0]) {
    case '2':
      return p4 >= 2221 && p4 <= 2720 && n === 16;
    case '3':
      if (p2 === 34 || p2 === 37) return n === 15;
      if (p4 >= 3528 && p4 <= 3589) return n >= 16;
      return (p2 === 36 || p2 === 38 || p2 === 39 || (p4 >= 3000 && p4 <= 3059)) && n >= 14;
    case '4':
      return n === 13 || n === 16 || n === 19;
    case '5':
      return p2 >= 51 && p2 <= 55 ? n === 16 : p2 <= 58;
    case '6':
      return true;
    default:
      return false;
  }
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let k = digits.length - 1, double = false; k >= 0; k--, double = !double) {
    let v = digits.charCodeAt(k) - 48;
    if (double && (v *= 2) > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === 0;
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

/**
 * A valid IBAN containing the digit run at `run`: "DE89 3704 0044…" starts right before it,
 * "IT60 X054 2811…" a few groups earlier. Candidates are two letters and two digits at a word start
 * within the 34 characters before the run, on letters, digits and single spaces only.
 */
function ibanAround(text: string, run: number): Span | null {
  let p = run;
  while (p > 0 && run - p < 34) {
    const c = text.charCodeAt(p - 1);
    if (!isAsciiAlnum(c) && !(isSpace(c) && p >= 2 && isAsciiAlnum(text.charCodeAt(p - 2)))) break;
    p--;
  }
  for (; p + 2 <= run; p++) {
    if (!isAsciiLetter(text.charCodeAt(p)) || !isAsciiLetter(text.charCodeAt(p + 1))) continue;
    if (!isDigit(text.charCodeAt(p + 2)) || !isDigit(text.charCodeAt(p + 3))) continue;
    const end = ibanEnd(text, p);
    if (end > run) return { start: p, end };
  }
  return null;
}

/** End of a valid IBAN starting at `start` (compact, or with spaces every 4 characters), or -1. */
function ibanEnd(text: string, start: number): number {
  if (start > 0 && isWordChar(text.charCodeAt(start - 1))) return -1;
  ibanLengths ??= new Map(
    Object.entries(getCountrySpecifications()).flatMap(([cc, s]) => (s.chars ? [[cc, s.chars] as const] : [])),
  );
  const cc = text.slice(start, start + 2).toUpperCase();
  const want = ibanLengths.get(cc);
  if (!want) return -1;
  let iban = cc;
  let p = start + 2;
  while (iban.length < want && p < text.length) {
    const c = text.charCodeAt(p);
    if (isAsciiAlnum(c)) iban += text.charAt(p).toUpperCase();
    else if (!(isSpace(c) && iban.length % 4 === 0 && isAsciiAlnum(text.charCodeAt(p + 1)))) return -1;
    p++;
  }
  if (iban.length < want || (p < text.length && isWordChar(text.charCodeAt(p)))) return -1;
  return validIban(iban) ? p : -1;
}

/** ibantools compiles regexes on every call; a draft is re-checked on every keystroke. */
const ibanVerdicts = new Map<string, boolean>();
function validIban(iban: string): boolean {
  let valid = ibanVerdicts.get(iban);
  if (valid === undefined) {
    if (ibanVerdicts.size >= 256) ibanVerdicts.clear();
    ibanVerdicts.set(iban, (valid = isValidIBAN(iban)));
  }
  return valid;
}
