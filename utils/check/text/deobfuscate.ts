import type { FoldedText } from './fold';

/** Look-alike characters people type to dodge a banned-word list: "c0dename", "pr0ject". */
const LEET = new Int32Array(128).fill(-1);
LEET[0x30] = 0x6f; // 0 → o
LEET[0x31] = 0x69; // 1 → i
LEET[0x33] = 0x65; // 3 → e
LEET[0x34] = 0x61; // 4 → a
LEET[0x35] = 0x73; // 5 → s
LEET[0x37] = 0x74; // 7 → t
LEET[0x40] = 0x61; // @ → a
LEET[0x24] = 0x73; // $ → s
/** Separators between spaced-out letters: "P.r.o.j.e.c.t", "p r o j e c t". */
const SPACER = new Uint8Array(128);
for (const c of '.-_* ') SPACER[c.charCodeAt(0)] = 1;
const MIN_SPACED_LETTERS = 3;
const KEEP = -1;
const DROP = -2;

const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isWordLike = (c: number): boolean => isLetter(c) || (c >= 0x30 && c <= 0x39) || c > 0x7f;

/**
 * A second folded stream where look-alike digits inside words become letters and spaced-out
 * letters are joined. Null when the draft has nothing of the kind, which is the common case, and
 * costs one pass with no allocation.
 */
export function deobfuscate(src: FoldedText): FoldedText | null {
  const { codes, length: len } = src;
  let replace: Int32Array | null = null;
  const mark = (i: number, value: number): void => {
    replace ??= new Int32Array(len).fill(KEEP);
    replace[i] = value;
  };
  let runFirst = -1; // a run of single letters joined by one spacer each: "P.r.o.j.e.c.t"
  let runLast = -1;
  let runCount = 0;
  const flush = (): void => {
    if (runCount >= MIN_SPACED_LETTERS) for (let k = runFirst + 1; k < runLast; k += 2) mark(k, DROP);
    runFirst = -1;
    runCount = 0;
  };
  for (let i = 0; i < len; i++) {
    const c = codes[i]!;
    if (c < 128 && LEET[c]! >= 0) {
      const prevLetter = i > 0 && isLetter(codes[i - 1]!);
      const nextLetter = i + 1 < len && isLetter(codes[i + 1]!);
      const symbol = c === 0x40 || c === 0x24;
      if (symbol ? prevLetter && nextLetter : prevLetter || nextLetter) mark(i, LEET[c]!);
    }
    if (!isLetter(c)) continue;
    const single = (i === 0 || !isWordLike(codes[i - 1]!)) && (i + 1 >= len || !isWordLike(codes[i + 1]!));
    if (!single) {
      flush();
      continue;
    }
    if (runFirst >= 0 && runLast === i - 2 && SPACER[codes[i - 1]!] === 1) {
      runCount++;
    } else {
      flush();
      runFirst = i;
      runCount = 1;
    }
    runLast = i;
  }
  flush();
  return replace === null ? null : rewrite(src, replace);
}

function rewrite(src: FoldedText, replace: Int32Array): FoldedText {
  const len = src.length;
  const out: FoldedText = { codes: new Uint16Array(len), starts: new Int32Array(len), ends: new Int32Array(len), length: 0 };
  for (let i = 0; i < len; i++) {
    const r = replace[i]!;
    if (r === DROP) continue;
    out.codes[out.length] = r === KEEP ? src.codes[i]! : r;
    out.starts[out.length] = src.starts[i]!;
    out.ends[out.length] = src.ends[i]!;
    out.length++;
  }
  return out;
}
