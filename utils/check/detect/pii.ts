import { findEmails } from './pii/email';
import { findNumbers } from './pii/numbers';
import type { PiiHit, PiiKind, Span } from './pii/types';

export type { PiiHit, PiiKind } from './pii/types';

/**
 * Personal data in a draft: e-mail addresses, phone numbers (international, Italian national),
 * IBANs (checksum verified) and payment cards (Luhn, issuer prefix and length). Offsets are UTF-16
 * indices into `text`; a hit overlapping an `excluded` span (a URL) is dropped. Runs on every
 * keystroke: each detector bails out early when the draft cannot contain what it looks for.
 */
export function findPii(text: string, kinds: ReadonlySet<PiiKind>, excluded: ReadonlyArray<Span>): PiiHit[] {
  const hits: PiiHit[] = [];
  if (kinds.has('email') && text.indexOf('@') !== -1) findEmails(text, hits);
  if (kinds.has('phone') || kinds.has('card') || kinds.has('iban')) {
    const firstDigit = sixDigitsFrom(text);
    if (firstDigit >= 0) findNumbers(text, kinds, hits, firstDigit);
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

/**
 * Phones, cards and IBANs all have at least six digits: where the first digit is, or -1 when the text has
 * fewer than six. Six native searches for the next digit beat a JS loop.
 */
const DIGIT = /\d/g;
function sixDigitsFrom(text: string): number {
  DIGIT.lastIndex = 0;
  if (!DIGIT.test(text)) return -1;
  const first = DIGIT.lastIndex - 1;
  for (let k = 1; k < 6; k++) if (!DIGIT.test(text)) return -1;
  return first;
}
