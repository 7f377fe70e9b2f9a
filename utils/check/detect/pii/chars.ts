const UNICODE_WORD = /[\p{L}\p{M}\p{N}]/u;
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
export const isAsciiAlnum = (c: number) => isDigit(c) || isAsciiLetter(c);
/** Letters, digits, marks and `_`, in any script: what glues a number into a longer token. */
export function isWordChar(c: number): boolean {
  if (c < 128) return isAsciiAlnum(c) || c === 95;
  return c >= 128 && UNICODE_WORD.test(String.fromCharCode(c)); // false for NaN (past the end)
}
export const isSpace = (c: number) => c === 32 || c === 0xa0 || c === 0x202f;
