import { KEY, SPACE_KEY, key, len } from './groups';

/**
 * Payment cards: 13–19 digits, compact or in groups (first of 4) with one kind of separator
 * (space or dash), an issuer prefix with a length it issues, and a valid Luhn check digit.
 */
export function isCard(digits: string, i: number, j: number): boolean {
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
