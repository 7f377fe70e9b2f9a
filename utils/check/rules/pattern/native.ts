import { alternationNode, assertionNode, charNode, classNode, concatNode, groupNode, repeatNode, type Node } from './nodes';
import { Cursor, Unsupported, fail, parseClass, parseEscape } from './syntax';

/**
 * Reads a plain subset of RE2 syntax into a native JavaScript RegExp source, with the bounds that decide
 * whether V8's backtracking engine may run it (`nativeEligible` in ./matcher.ts) and a literal every
 * match contains (the re2js path skips drafts without it).
 *
 * The subset: literals, escaped punctuation, \a \f \t \n \r \v \xHH \x{H…}, \d \s \w (\D \S \W outside
 * classes), `.`, classes of literals, ranges and \d \s \w, ^ $ \A \z \b \B, groups (capturing, `(?:`,
 * named), `|`, and the quantifiers ? * + {n} {n,} {n,m}, lazy or not; `(?i)` only as the very first
 * token. Anything else (Unicode classes, flag groups, \Q…\E, POSIX classes, a quantified group that can
 * match empty) gives null and the pattern runs on re2js. Input has already compiled on re2js.
 */
export interface Translation {
  /** Source for `new RegExp(source, 'gu' + (ignoreCase ? 'i' : ''))`. */
  source: string;
  /** A leading `(?i)`. */
  ignoreCase: boolean;
  /** Backtracking bounds per start position (see ./nodes.ts); Infinity when a quantifier is unbounded. */
  paths: number;
  steps: number;
  /** Where JS and RE2 could fold case differently: a character outside ASCII, \b \B, a negated class. */
  foldSensitive: boolean;
  /** A literal every match contains ('' when none is known), and the most code points before it. */
  literal: string;
  literalBefore: number;
}

const BRACES = /^\{(\d+)(,(\d*))?\}/;
const MAX_REPEAT = 1000;

export function translate(pattern: string): Translation | null {
  const ignoreCase = pattern.startsWith('(?i)');
  const c = new Cursor(ignoreCase ? pattern.slice(4) : pattern);

  function atom(): Node {
    const ch = c.take();
    if (ch === '(') {
      if (c.peek() === '?') {
        c.take();
        const kind = c.take();
        if (kind === 'P' ? c.take() !== '<' : kind !== '<' && kind !== ':') fail();
        if (kind !== ':') while (c.take() !== '>'); // skips a group name
      }
      const inner = alternation();
      if (c.take() !== ')') fail();
      return groupNode(inner);
    }
    if (ch === '[') return parseClass(c);
    if (ch === '\\') return parseEscape(c);
    if (ch === '.') return classNode('[^\\n]');
    if (ch === '^' || ch === '$') return assertionNode(ch);
    if ('{*+?'.includes(ch)) fail();
    return charNode(c.wide(ch.codePointAt(0)!));
  }

  function repeat(): Node {
    const node = atom();
    const q = c.peek();
    let range: [number, number] | null = q === '*' ? [0, Infinity] : q === '+' ? [1, Infinity] : q === '?' ? [0, 1] : null;
    let quant = q ?? '';
    if (range) c.take();
    else if (q === '{') {
      // RE2 reads a brace that is no repetition as a literal: left to re2js.
      const m = BRACES.exec(c.cs.slice(c.i, c.i + 12).join('')) ?? fail();
      c.i += m[0].length;
      const [min, max] = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])];
      if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT) || min > max) fail(); // RE2 refuses these
      range = [min, max];
      quant = m[0];
    }
    if (!range) return node;
    // Empty iterations are where they part ways: JS refuses an empty iteration past the minimum, RE2 takes it.
    if (node.minLen === 0) fail();
    if (c.peek() === '?') quant += c.take();
    return repeatNode(node, range[0], range[1], quant);
  }

  function concatenation(): Node {
    const parts: Node[] = [];
    while (c.i < c.cs.length && c.peek() !== '|' && c.peek() !== ')') parts.push(repeat());
    return concatNode(parts);
  }

  function alternation(): Node {
    const branches = [concatenation()];
    while (c.peek() === '|') {
      c.take();
      branches.push(concatenation());
    }
    return alternationNode(branches);
  }

  try {
    const root = alternation();
    if (c.i !== c.cs.length) return null;
    const { src: source, paths, steps, required: literal, before: literalBefore } = root;
    return { source, ignoreCase, paths, steps, foldSensitive: c.foldSensitive, literal, literalBefore };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
