import { assertionNode, charNode, classNode, emit, type Node } from './nodes';

/** Thrown where the pattern leaves the subset ./native.ts translates. */
export class Unsupported extends Error {}
export const fail = (): never => {
  throw new Unsupported();
};

const CONTROL: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
const PERL: Record<string, string> = { d: '0-9', s: '\\t\\n\\f\\r ', w: '0-9A-Za-z_' };
/** ASCII that is neither letter nor digit: RE2 takes it literally after a backslash. */
const PUNCT = /^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/;
const HEX = /^[0-9A-Fa-f]{1,6}$/;

/** A pattern's code points and a position in them; notes what could make JS and RE2 fold case apart. */
export class Cursor {
  readonly cs: string[];
  i = 0;
  /** A character outside ASCII, \b \B, a negated class: where JS and RE2 could fold case differently. */
  foldSensitive = false;

  constructor(pattern: string) {
    this.cs = Array.from(pattern);
  }

  peek(ahead = 0): string | undefined {
    return this.cs[this.i + ahead];
  }

  take(): string {
    return this.cs[this.i++] ?? fail();
  }

  /** Notes a code point outside ASCII and returns it. */
  wide(cp: number): number {
    if (cp > 127) this.foldSensitive = true;
    return cp;
  }
}

/** The code point of \xHH or \x{H…}, the cursor past the `x`. */
function hex(c: Cursor): number {
  let digits = '';
  if (c.peek() === '{') {
    c.take();
    while (c.peek() !== '}') digits += c.take();
    c.take();
  } else digits = c.take() + c.take();
  return HEX.test(digits) ? c.wide(parseInt(digits, 16)) : fail();
}

/** One code point inside a class, or a Perl class as a fragment of one. */
function classItem(c: Cursor): number | string {
  const ch = c.take();
  if (ch === '[') fail();
  if (ch !== '\\') return c.wide(ch.codePointAt(0)!);
  const e = c.take();
  if (e in PERL) return PERL[e]!;
  if (e in CONTROL) return CONTROL[e]!;
  if (e === 'x') return hex(c);
  return PUNCT.test(e) ? e.charCodeAt(0) : fail();
}

/** A character class, the cursor past its `[`. */
export function parseClass(c: Cursor): Node {
  const negated = c.peek() === '^';
  if (negated) c.take();
  if (c.peek() === ']') fail();
  let src = '';
  for (let first = true; c.peek() !== ']'; first = false) {
    // An unescaped '-' is taken as a literal only first or last; anything subtler is left to re2js.
    if (c.peek() === '-' && !first && c.peek(1) !== ']') fail();
    const lo = classItem(c);
    if (c.peek() === '-' && c.peek(1) !== ']') {
      c.take();
      const hi = c.peek() === '-' ? fail() : classItem(c);
      if (typeof lo !== 'number' || typeof hi !== 'number') return fail();
      src += `${emit(lo)}-${emit(hi)}`;
    } else src += typeof lo === 'number' ? emit(lo) : lo;
  }
  c.take();
  if (negated) c.foldSensitive = true;
  return classNode(`[${negated ? '^' : ''}${src}]`);
}

/** An escape outside classes, the cursor past its backslash. */
export function parseEscape(c: Cursor): Node {
  const e = c.take();
  if (e in PERL) return classNode(`[${PERL[e]}]`);
  const lower = e.toLowerCase();
  if (e !== lower && lower in PERL) {
    c.foldSensitive = true;
    return classNode(`[^${PERL[lower]}]`);
  }
  if (e === 'b' || e === 'B') {
    c.foldSensitive = true;
    return assertionNode(`\\${e}`);
  }
  if (e === 'A' || e === 'z') return assertionNode(e === 'A' ? '^' : '$');
  if (e in CONTROL) return charNode(CONTROL[e]!);
  if (e === 'x') return charNode(hex(c));
  return PUNCT.test(e) ? charNode(e.charCodeAt(0)) : fail();
}
