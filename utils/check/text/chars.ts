/** Word characters for boundaries: letters, digits, marks and underscore, judged on folded code units. */
const wordTable = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not a word
const WORD = /^[\p{L}\p{N}\p{M}_]$/u;

export function isWordUnit(code: number): boolean {
  let w = wordTable[code]!;
  if (w === 0) {
    // Surrogates stand mostly for emoji: a word right after an emoji still starts a word.
    w = code >= 0xd800 && code <= 0xdfff ? 2 : WORD.test(String.fromCharCode(code)) ? 1 : 2;
    wordTable[code] = w;
  }
  return w === 1;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
