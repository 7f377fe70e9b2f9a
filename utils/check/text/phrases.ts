import { foldPlain, foldText, type Automaton, type FoldedText } from './fold';
import { deobfuscate } from './deobfuscate';
import { isWordUnit } from './chars';

/**
 * Every word list of a policy in one Aho–Corasick automaton, scanned once per draft over the
 * folded text. Matches are whole words; a phrase ending in `*` matches as a word prefix and
 * its hit spans the whole word. This is the hot path: a dense DFA over a compact alphabet, stepped
 * by the fold itself (./fold.ts), which reads each draft once.
 */
export interface PhraseHit {
  /** Index of the phrase in its group's list. */
  index: number;
  /** UTF-16 offsets into the original draft. */
  start: number;
  end: number;
}

interface Output {
  group: number;
  index: number;
  length: number;
  prefix: boolean;
  presence: boolean;
}

export interface PhraseGroupOptions {
  /** Also match look-alike and spaced-out spellings ("c0dename", "P.r.o.j.e.c.t"). */
  obfuscation?: boolean;
  /** Only whether a phrase occurs, inside words too: one hit at most (a gate, not a finding). */
  presence?: boolean;
}

export class PhraseIndexBuilder {
  private readonly phrases: { folded: string; out: Output }[] = [];
  private readonly groups: PhraseGroupOptions[] = [];

  addGroup(list: readonly string[], options: PhraseGroupOptions = {}): number {
    const group = this.groups.length;
    this.groups.push(options);
    list.forEach((raw, index) => {
      const prefix = options.presence !== true && raw.trimEnd().endsWith('*');
      const folded = foldPlain(prefix ? raw.trimEnd().slice(0, -1) : raw);
      if (folded.length === 0) return;
      this.phrases.push({ folded, out: { group, index, length: folded.length, prefix, presence: options.presence === true } });
    });
    return group;
  }

  build(): PhraseIndex {
    return finish(this.buildSteps());
  }

  /** build() in steps: yields every few thousand phrases or states, so a caller can pause between them. */
  *buildSteps(): Generator<void, PhraseIndex> {
    const { automaton, outputs } = yield* buildAutomaton(this.phrases);
    return new PhraseIndex(automaton, outputs, this.groups);
  }
}

/** Runs a step generator to its end at once. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Work between two yields of buildAutomaton: a few milliseconds. */
const STEP = 4096;

/**
 * The Aho–Corasick DFA of `phrases`: a dense table over a compact alphabet, the failure function folded
 * into the transitions.
 *
 * Anchored: a match that begins with a word unit right after another is never a hit (collect() drops
 * it), so the automaton does not follow such candidates, but for presence phrases, which may begin
 * anywhere. It has two roots: state 0, where any phrase may begin, and WORD_ROOT, after a word unit,
 * where only those that begin with a non-word unit or a presence phrase's first unit may; failure
 * transitions go only to suffixes that begin where a candidate may. Inside a word that no phrase begins
 * like, the walk then stays on WORD_ROOT instead of visiting the states of unrelated phrases that share
 * a suffix with it: on prose, a third fewer lines of the table, which after an idle pause are as many
 * cache misses. Which candidates are followed depends only on where they begin, so every hit is found.
 */
function* buildAutomaton(phrases: readonly { folded: string; out: Output }[]): Generator<void, { automaton: Automaton; outputs: (Output[] | undefined)[] }> {
  const symbolOf = new Uint16Array(0x10000);
  let width = 1; // symbol 0 = a unit no phrase contains, taken for a non-word unit (the safe side)
  let units = 0;
  const wordSymbol: boolean[] = [false];
  // Whether a candidate may begin with the symbol right after a word unit.
  const beginsInWords: boolean[] = [true];
  for (const { folded, out } of phrases) {
    units += folded.length;
    for (let k = 0; k < folded.length; k++) {
      const c = folded.charCodeAt(k);
      if (symbolOf[c] === 0) {
        symbolOf[c] = width++;
        wordSymbol.push(isWordUnit(c));
        beginsInWords.push(!isWordUnit(c));
      }
    }
    if (out.presence) beginsInWords[symbolOf[folded.charCodeAt(0)]!] = true;
  }
  // The trie as a goto table (0 = no edge; the root never is a target), grown as states are added, and
  // each state's children as a list: child[s] its first, sibling[c] the next, symbol[c] the edge's.
  // Word lists share prefixes: half a state per unit is room enough for most.
  const Table = units < 0xffff ? Uint16Array : Int32Array; // a state per unit at most, and the two roots
  let trie: Uint16Array | Int32Array = new Table((Math.ceil(units / 2) + 2) * width);
  const child = [0, 0];
  const sibling = [0, 0];
  const symbol = [0, 0];
  const own: (Output[] | undefined)[] = [undefined, undefined];
  let states = 2; // the two roots
  for (let p = 0; p < phrases.length; p++) {
    if (p % STEP === STEP - 1) yield;
    const { folded, out } = phrases[p]!;
    let s = 0;
    for (let k = 0; k < folded.length; k++) {
      const sym = symbolOf[folded.charCodeAt(k)]!;
      let next = trie[s * width + sym]!;
      if (next === 0) {
        next = states++;
        if (states * width > trie.length) {
          const larger = new Table(trie.length * 2);
          larger.set(trie);
          trie = larger;
        }
        trie[s * width + sym] = next;
        child.push(0);
        sibling.push(child[s]!);
        child[s] = next;
        symbol.push(sym);
        own.push(undefined);
      }
      s = next;
    }
    (own[s] ??= []).push(out);
  }
  yield;
  // The failure function folded into the transitions in BFS order, so that every state has a transition
  // for every symbol: a DFA. A state's row is its failure state's (shallower, so complete already) with
  // its own edges written over it. Each entry is (target << 1) | (1 when the target ends a phrase); 16 bits
  // an entry while the states allow, as this table is the largest thing a check reads.
  const delta = states <= 0x7fff ? new Uint16Array(states * width) : new Uint32Array(states * width);
  const outputs: (Output[] | undefined)[] = new Array(states);
  // Off a root, a unit no candidate begins with leads to the root for after that unit.
  const rootAfter = (sym: number): number => (wordSymbol[sym] ? WORD_ROOT : 0);
  for (let sym = 0; sym < width; sym++) delta[sym] = delta[WORD_ROOT * width + sym] = rootAfter(sym) << 1;
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let head = -1; head < tail; head++) {
    if (head % STEP === STEP - 1) yield;
    const s = head < 0 ? 0 : queue[head]!;
    const row = s * width;
    const failRow = fail[s]! * width;
    if (s !== 0) delta.copyWithin(row, failRow, failRow + width);
    for (let c = child[s]!; c !== 0; c = sibling[c]!) {
      const sym = symbol[c]!;
      const failure = s === 0 ? rootAfter(sym) : delta[failRow + sym]! >> 1;
      fail[c] = failure;
      const mine = own[c];
      const inherited = outputs[failure];
      outputs[c] = mine && inherited ? [...mine, ...inherited] : (mine ?? inherited);
      delta[row + sym] = (c << 1) | (outputs[c] ? 1 : 0);
      if (s === 0 && beginsInWords[sym]) delta[WORD_ROOT * width + sym] = delta[row + sym]!;
      queue[tail++] = c;
    }
  }
  return { automaton: { symbolOf, width, delta }, outputs };
}

/** The root after a word unit (state 0 is the root anywhere else). */
const WORD_ROOT = 1;

export class PhraseIndex {
  readonly groupCount: number;
  /** The DFA, stepped by foldText as it folds a draft. */
  readonly automaton: Automaton;
  /** outputs[state]: the outputs ending at that state, its own and its suffixes'. */
  private readonly outputs: (Output[] | undefined)[];
  private readonly obfuscationGroups: boolean[];

  constructor(automaton: Automaton, outputs: (Output[] | undefined)[], groups: readonly PhraseGroupOptions[]) {
    this.groupCount = groups.length;
    this.obfuscationGroups = groups.map((g) => g.obfuscation === true);
    this.automaton = automaton;
    this.outputs = outputs;
  }

  get hasObfuscationGroups(): boolean {
    return this.obfuscationGroups.includes(true);
  }

  /**
   * Folds a draft and finds every phrase in it: one pass over the text (two when it may hold look-alikes).
   * With `weighX`, the pass also adds up X's weights (FoldedText.x).
   */
  scanDraft(text: string, weighX = false): { folded: FoldedText; hits: PhraseHit[][] } {
    const folded = foldText(text, true, this.automaton, weighX);
    const hits = this.emptyHits();
    const { matches, matchCount } = folded;
    for (let k = 0; k < matchCount; k += 2) this.collect(folded, matches[k]!, matches[k + 1]! >> 1, hits, false);
    const alt = this.hasObfuscationGroups ? deobfuscate(folded) : null;
    if (alt) this.scanStream(alt, hits, true);
    return { folded, hits };
  }

  /** Hits per group, in order of their end. `alt` is a deobfuscated stream for obfuscation groups. */
  scan(text: FoldedText, alt: FoldedText | null = null): PhraseHit[][] {
    const hits = this.emptyHits();
    this.scanStream(text, hits, false);
    if (alt) this.scanStream(alt, hits, true);
    return hits;
  }

  private emptyHits(): PhraseHit[][] {
    const hits: PhraseHit[][] = [];
    for (let group = 0; group < this.groupCount; group++) hits.push([]);
    return hits;
  }

  private scanStream(text: FoldedText, hits: PhraseHit[][], altStream: boolean): void {
    const { codes, length } = text;
    const { symbolOf, delta, width } = this.automaton;
    let step = 0;
    for (let i = 0; i < length; i++) {
      step = delta[(step >> 1) * width + symbolOf[codes[i]!]!]!;
      if (step & 1) this.collect(text, i, step >> 1, hits, altStream);
    }
  }

  /** The whole-word hits among the phrases ending at folded unit `i` in `state`. */
  private collect(text: FoldedText, i: number, state: number, hits: PhraseHit[][], altStream: boolean): void {
    const { codes, starts, ends, length } = text;
    for (const out of this.outputs[state]!) {
      if (altStream && !this.obfuscationGroups[out.group]) continue;
      const list = hits[out.group]!;
      if (out.presence && list.length > 0) continue;
      const first = i - out.length + 1;
      let last = i;
      if (!out.presence) {
        if (first > 0 && isWordUnit(codes[first - 1]!) && isWordUnit(codes[first]!)) continue;
        if (out.prefix) {
          while (last + 1 < length && isWordUnit(codes[last + 1]!)) last++;
        } else if (last + 1 < length && isWordUnit(codes[last + 1]!) && isWordUnit(codes[last]!)) {
          continue;
        }
      }
      const hit = { index: out.index, start: starts[first]!, end: ends[last]! };
      if (altStream && list.some((h) => h.start === hit.start && h.end === hit.end && h.index === hit.index)) continue;
      list.push(hit);
    }
  }
}
