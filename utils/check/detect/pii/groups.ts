import { isDigit, isSpace } from './chars';

/**
 * The groups of the run being classified, in reused buffers (the detector is synchronous): digit
 * group k is text[GS[k], GE[k]); KEY[k] names the separator after it as its punctuation (`.`, `-`,
 * `/`, or space) times 4 plus 2 for a space before the mark and 1 for a space after it, so that
 * "-" and " - " differ; SPLIT[k] says whether that separator has a space or a parenthesis, the
 * only places a run may be cut into separate numbers.
 */
export const CAPACITY = 64;
export const GS = new Int32Array(CAPACITY);
export const GE = new Int32Array(CAPACITY);
export const KEY = new Int32Array(CAPACITY);
export const SPLIT = new Uint8Array(CAPACITY);
export const SPACE_KEY = 32 * 4;
export const PAREN_KEY = 1;
export const key = (mark: string) => mark.charCodeAt(0) * 4;

/** Fills the group buffers for text[start, end); returns the number of groups. */
export function parseRun(text: string, start: number, end: number): number {
  let n = 0;
  let p = start;
  while (p < end && n < CAPACITY) {
    let mark = 0;
    let spaces = 0;
    let paren = false;
    for (let c = text.charCodeAt(p); !isDigit(c); c = text.charCodeAt(++p)) {
      if (isSpace(c)) spaces |= mark ? 1 : 2;
      else if (c === 40 || c === 41) paren = true;
      else if (c !== 43) mark = c; // '+' only opens a run
    }
    if (n > 0) {
      KEY[n - 1] = mark ? mark * 4 + spaces : spaces ? SPACE_KEY : PAREN_KEY;
      SPLIT[n - 1] = spaces || paren ? 1 : 0;
    }
    GS[n] = p;
    while (p < end && isDigit(text.charCodeAt(p))) p++;
    GE[n++] = p;
  }
  return n;
}

export const len = (k: number) => GE[k]! - GS[k]!;

export function digitsOf(text: string, i: number, j: number): string {
  let digits = '';
  for (let k = i; k <= j; k++) digits += text.slice(GS[k], GE[k]);
  return digits;
}
