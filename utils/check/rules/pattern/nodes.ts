/**
 * What the translator (./native.ts) knows about a piece of pattern: its JavaScript source and the bounds
 * that decide whether a backtracking engine may run it, and which literal every match contains.
 */
export interface Node {
  /** JavaScript RegExp source (u flag), capturing groups made non-capturing. */
  src: string;
  /** Upper bound on the paths a backtracking matcher tries from one start position (Infinity: unbounded). */
  paths: number;
  /** Upper bound on the pattern nodes one such path visits. */
  steps: number;
  /** Shortest and longest match, in code points. */
  minLen: number;
  maxLen: number;
  /** The exact text this node matches, or null; assertions match ''. */
  exact: string | null;
  /** The longest literal known to be in every match ('' when none is known)… */
  required: string;
  /** …and the most code points a match can have before it. */
  before: number;
  assertion: boolean;
}

const HEX_ESCAPE = (cp: number) => `\\u{${cp.toString(16)}}`;
const ASCII_ALNUM = /^[0-9A-Za-z]$/;

/** A code point as RegExp source: letters and digits as they are, anything else escaped. */
export function emit(cp: number): string {
  const c = String.fromCodePoint(cp);
  return ASCII_ALNUM.test(c) ? c : HEX_ESCAPE(cp);
}

const leaf = { paths: 1, steps: 1, before: 0, assertion: false };

export function charNode(cp: number): Node {
  const s = String.fromCodePoint(cp);
  return { ...leaf, src: emit(cp), minLen: 1, maxLen: 1, exact: s, required: s };
}

export function classNode(src: string): Node {
  return { ...leaf, src, minLen: 1, maxLen: 1, exact: null, required: '' };
}

export function assertionNode(src: string): Node {
  return { ...leaf, src, minLen: 0, maxLen: 0, exact: '', required: '', assertion: true };
}

export function groupNode(inner: Node): Node {
  return { ...inner, src: `(?:${inner.src})` };
}

/** `node{min,max}` (max Infinity for `*`, `+`, `{n,}`); `quant` is its source (`?`, `{2,5}`, `*?`…). */
export function repeatNode(node: Node, min: number, max: number, quant: string): Node {
  let paths = max === Infinity ? Infinity : 0;
  for (let k = min; k <= max && paths < 1e9; k++) paths += node.paths ** k;
  const exact = min === max && node.exact !== null ? node.exact.repeat(min) : null;
  return {
    src: `(?:${node.src})${quant}`,
    paths,
    steps: max === 0 ? 1 : max * node.steps + 1,
    minLen: min * node.minLen,
    maxLen: max === 0 ? 0 : max * node.maxLen,
    exact,
    required: min === 0 ? '' : (exact ?? node.required),
    before: exact !== null ? 0 : node.before,
    assertion: false,
  };
}

export function concatNode(parts: readonly Node[]): Node {
  let exact: string | null = '';
  let run = '';
  let runBefore = 0;
  let required = '';
  let before = 0;
  let prefix = 0; // the longest a match can be before the current part
  for (const p of parts) {
    if (p.required.length > required.length) [required, before] = [p.required, prefix + p.before];
    if (p.exact === null) {
      exact = null;
      run = '';
    } else {
      if (run === '') runBefore = prefix;
      run += p.exact;
      if (run.length > required.length) [required, before] = [run, runBefore];
      if (exact !== null) exact += p.exact;
    }
    prefix += p.maxLen;
  }
  return {
    src: parts.map((p) => p.src).join(''),
    paths: parts.reduce((n, p) => n * p.paths, 1),
    steps: parts.reduce((n, p) => n + p.steps, 1),
    minLen: parts.reduce((n, p) => n + p.minLen, 0),
    maxLen: parts.reduce((n, p) => n + p.maxLen, 0),
    exact,
    required,
    before,
    assertion: parts.length > 0 && parts.every((p) => p.assertion),
  };
}

export function alternationNode(branches: readonly Node[]): Node {
  if (branches.length === 1) return branches[0]!;
  return {
    src: branches.map((b) => b.src).join('|'),
    paths: branches.reduce((n, b) => n + b.paths, 0),
    steps: Math.max(...branches.map((b) => b.steps)) + 1,
    minLen: Math.min(...branches.map((b) => b.minLen)),
    maxLen: Math.max(...branches.map((b) => b.maxLen)),
    exact: null,
    required: '',
    before: 0,
    assertion: false,
  };
}
