import { isAsciiAlnum, isWordChar } from './chars';
import type { PiiHit } from './types';

const LOCAL_PUNCT = "._%+-'";
const ELISIONS = new Set(
  'l d c m t s v n un all dell dall nell sull coll pell quell quest bell sant tutt nessun'.split(' '),
);
const isLocalChar = (c: number) =>
  c < 128 ? isAsciiAlnum(c) || c === 95 || LOCAL_PUNCT.includes(String.fromCharCode(c)) : isWordChar(c);
const isDomainChar = (c: number) => (c < 128 ? isAsciiAlnum(c) || c === 45 || c === 46 : isWordChar(c));
const TLD = /^(?:\p{L}{2,63}|[Xx][Nn]--[a-zA-Z0-9-]{1,59})$/u;
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

export function findEmails(text: string, hits: PiiHit[]): void {
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
