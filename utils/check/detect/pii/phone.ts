import { KEY, len } from './groups';

/**
 * E.164: 8–15 digits starting with an assigned country code. When the number is grouped, the
 * first group (after "00", if any) is the country code or holds it whole: "+4 1 22 333" is not a
 * phone, "+39 02…", "+1 (555)…", "0039 333…" are.
 */
export function isInternational(digits: string, firstGroup: number): boolean {
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

/**
 * Italian national numbers: landlines "0…" (6–11 digits, area code of 2–4 digits as the first
 * group) and mobiles "3…" (9–10 digits, a 3-digit prefix as the first group). When grouped, the
 * separators after the first agree, only the first may be a slash, and some later group has 3+
 * digits (which leaves out "09.30.00" and "01 02 03 04").
 */
export function isItalian(digits: string, i: number, j: number): boolean {
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
