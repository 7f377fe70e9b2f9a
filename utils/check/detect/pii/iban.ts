import { getCountrySpecifications, isValidIBAN } from 'ibantools';
import { isAsciiAlnum, isAsciiLetter, isDigit, isSpace, isWordChar } from './chars';
import type { Span } from './types';

let ibanLengths: Map<string, number> | undefined;

/**
 * A valid IBAN containing the digit run at `run`: "DE89 3704 0044…" starts right before it,
 * "IT60 X054 2811…" a few groups earlier. Candidates are two letters and two digits at a word start
 * within the 34 characters before the run, on letters, digits and single spaces only.
 */
export function ibanAround(text: string, run: number): Span | null {
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
