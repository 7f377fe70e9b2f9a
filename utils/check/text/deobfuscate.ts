import type { FoldedText } from './fold';
import { isAsciiLetter } from './chars';

/** Look-alike characters people type to dodge a banned-word list: "c0dename", "pr0ject". */
const LEET: Record<number, number> = {
  0x30: 0x6f, // 0 → o
  0x31: 0x69, // 1 → i
  0x33: 0x65, // 3 → e
  0x34: 0x61, // 4 → a
  0x35: 0x73, // 5 → s
  0x37: 0x74, // 7 → t
  0x40: 0x61, // @ → a
  0x24: 0x73, // $ → s
};
/** Separators between spaced-out letters: "P.r.o.j.e.c.t", "p r o j e c t". */
const SPACERS = new Set([0x2e, 0x2d, 0x5f, 0x2a, 0x20]);
const MIN_SPACED_LETTERS = 3;

function isLetterish(codes: Uint16Array, i: number, len: number): boolean {
  return i >= 0 && i < len && isAsciiLetter(codes[i]!);
}

/**
 * A second folded stream where look-alike digits inside words become letters and spaced-out
 * letters are joined. Null when the draft has nothing of the kind, which is the common case.
 */
export function deobfuscate(src: FoldedText): FoldedText | null {
  const { codes, length: len } = src;
  const replace = new Int32Array(len).fill(-1); // -1 keep, -2 drop, else new code
  let changed = false;
  for (let i = 0; i < len; i++) {
    const leet = LEET[codes[i]!];
    if (leet === undefined) continue;
    const prevLetter = isLetterish(codes, i - 1, len);
    const nextLetter = isLetterish(codes, i + 1, len);
    const symbol = codes[i] === 0x40 || codes[i] === 0x24;
    if (symbol ? prevLetter && nextLetter : prevLetter || nextLetter) {
      replace[i] = leet;
      changed = true;
    }
  }
  const isSingle = (i: number): boolean =>
    isLetterish(codes, i, len) && !isLetterish(codes, i - 1, len) && !isLetterish(codes, i + 1, len)
    && (i - 1 < 0 || !isWordLike(codes[i - 1]!)) && (i + 1 >= len || !isWordLike(codes[i + 1]!));
  for (let i = 0; i < len; i++) {
    if (!isSingle(i)) continue;
    let j = i;
    let count = 1;
    while (j + 2 < len && SPACERS.has(codes[j + 1]!) && isSingle(j + 2)) {
      j += 2;
      count++;
    }
    if (count >= MIN_SPACED_LETTERS) {
      for (let k = i + 1; k < j; k += 2) replace[k] = -2;
      changed = true;
    }
    i = j;
  }
  if (!changed) return null;
  const out: FoldedText = {
    codes: new Uint16Array(len),
    starts: new Int32Array(len),
    ends: new Int32Array(len),
    length: 0,
  };
  for (let i = 0; i < len; i++) {
    const r = replace[i]!;
    if (r === -2) continue;
    out.codes[out.length] = r === -1 ? codes[i]! : r;
    out.starts[out.length] = src.starts[i]!;
    out.ends[out.length] = src.ends[i]!;
    out.length++;
  }
  return out;
}

function isWordLike(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code > 0x7f;
}
