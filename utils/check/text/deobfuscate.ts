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
// SPACER and LEET are indexed by ASCII codes only; callers check `< 128` or pass -1 (no unit).

/**
 * A second folded stream where look-alike digits inside words become letters and spaced-out
 * letters are joined. Null when the draft has nothing of the kind, which is the common case, and
 * costs one pass with no allocation.
 */
export function deobfuscate(src: FoldedText): FoldedText | null {
  if (!src.mayBeObfuscated) return null;
  const { codes, length: len } = src;
  let replace: Int32Array | null = null;
  // One pass with one read per unit: `prev` and `cur` slide along, `next` is read once.
  let runFirst = -1; // a run of single letters joined by one spacer each: "P.r.o.j.e.c.t"
  let runLast = -1;
  let runCount = 0;
  let prev = -1;
  let cur = len > 0 ? codes[0]! : -1;
  for (let i = 0; i < len; i++) {
    const next = i + 1 < len ? codes[i + 1]! : -1;
    if (cur < 128) {
      const leet = LEET[cur]!;
      if (leet >= 0) {
        const prevLetter = isLetter(prev);
        const nextLetter = isLetter(next);
        if (cur === 0x40 || cur === 0x24 ? prevLetter && nextLetter : prevLetter || nextLetter) {
          replace ??= new Int32Array(len).fill(KEEP);
          replace[i] = leet;
        }
      } else if (isLetter(cur)) {
        if (!isWordLike(prev) && !isWordLike(next)) {
          if (runFirst >= 0 && runLast === i - 2 && SPACER[prev]! === 1) {
            runCount++;
          } else {
            if (runCount >= MIN_SPACED_LETTERS) replace = joinSpaced(replace, len, runFirst, runLast);
            runFirst = i;
            runCount = 1;
          }
          runLast = i;
        } else if (runCount > 0) {
          if (runCount >= MIN_SPACED_LETTERS) replace = joinSpaced(replace, len, runFirst, runLast);
          runFirst = -1;
          runCount = 0;
        }
      }
    }
    prev = cur;
    cur = next;
  }
  if (runCount >= MIN_SPACED_LETTERS) replace = joinSpaced(replace, len, runFirst, runLast);
  return replace === null ? null : rewrite(src, replace);
}

function joinSpaced(replace: Int32Array | null, len: number, first: number, last: number): Int32Array {
  const out = replace ?? new Int32Array(len).fill(KEEP);
  for (let k = first + 1; k < last; k += 2) out[k] = DROP;
  return out;
}

function rewrite(src: FoldedText, replace: Int32Array): FoldedText {
  const len = src.length;
  const out: FoldedText = {
    codes: new Uint16Array(len), starts: new Int32Array(len), ends: new Int32Array(len), length: 0, mayBeObfuscated: false,
    matches: new Int32Array(0), matchCount: 0, letters: src.letters, capitals: src.capitals, x: src.x,
  };
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
