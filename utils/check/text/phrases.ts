import { foldPlain, type FoldedText } from './fold';
import { isWordUnit } from './chars';

/**
 * Every word list of a policy in one Aho–Corasick automaton, scanned once per draft over the
 * folded text. Matches are whole words; a phrase ending in `*` matches as a word prefix and
 * its hit spans the whole word. This is the hot path: a dense DFA over a compact alphabet.
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
}

export interface PhraseGroupOptions {
  /** Also match look-alike and spaced-out spellings ("c0dename", "P.r.o.j.e.c.t"). */
  obfuscation?: boolean;
}

export class PhraseIndexBuilder {
  private readonly phrases: { folded: string; out: Output }[] = [];
  private readonly groups: PhraseGroupOptions[] = [];

  addGroup(list: readonly string[], options: PhraseGroupOptions = {}): number {
    const group = this.groups.length;
    this.groups.push(options);
    list.forEach((raw, index) => {
      const prefix = raw.trimEnd().endsWith('*');
      const folded = foldPlain(prefix ? raw.trimEnd().slice(0, -1) : raw);
      if (folded.length === 0) return;
      this.phrases.push({ folded, out: { group, index, length: folded.length, prefix } });
    });
    return group;
  }

  build(): PhraseIndex {
    return new PhraseIndex(this.phrases, this.groups);
  }
}

export class PhraseIndex {
  readonly groupCount: number;
  private readonly symbolOf = new Uint16Array(0x10000);
  private readonly width: number;
  private readonly delta: Int32Array;
  /** outputs[state]: the outputs ending at that state, its own and its suffixes'. */
  private readonly outputs: (Output[] | undefined)[];
  private readonly obfuscationGroups: boolean[];

  constructor(phrases: readonly { folded: string; out: Output }[], groups: readonly PhraseGroupOptions[]) {
    this.groupCount = groups.length;
    this.obfuscationGroups = groups.map((g) => g.obfuscation === true);
    let symbols = 1; // 0 = a unit no phrase contains
    let totalUnits = 0;
    for (const { folded } of phrases) {
      totalUnits += folded.length;
      for (let k = 0; k < folded.length; k++) {
        const c = folded.charCodeAt(k);
        if (this.symbolOf[c] === 0) this.symbolOf[c] = symbols++;
      }
    }
    const width = symbols;
    this.width = width;
    // The trie as a goto table (0 = no edge; the root never is a target), then the failure function
    // folded into it in BFS order so that every state has a transition for every symbol: a DFA.
    // States are stored pre-multiplied by the width, so a step is one addition and one load.
    const maxStates = totalUnits + 1;
    let delta = new Uint32Array(maxStates * width);
    const own: (Output[] | undefined)[] = [undefined];
    let states = 1;
    for (const { folded, out } of phrases) {
      let row = 0;
      for (let k = 0; k < folded.length; k++) {
        const slot = row + this.symbolOf[folded.charCodeAt(k)]!;
        let next = delta[slot]!;
        if (next === 0) {
          next = states++ * width;
          delta[slot] = next;
          own.push(undefined);
        }
        row = next;
      }
      (own[row / width] ??= []).push(out);
    }
    delta = delta.slice(0, states * width);
    const outputs: (Output[] | undefined)[] = new Array(states);
    const fail = new Uint32Array(states);
    outputs[0] = own[0];
    const queue = new Uint32Array(states);
    let tail = 0;
    for (let sym = 1; sym < width; sym++) if (delta[sym] !== 0) queue[tail++] = delta[sym]!;
    for (let head = 0; head < tail; head++) {
      const row = queue[head]!;
      const s = row / width;
      const failRow = fail[s]!;
      const inherited = outputs[failRow / width];
      const mine = own[s];
      outputs[s] = mine && inherited ? [...mine, ...inherited] : (mine ?? inherited);
      for (let sym = 1; sym < width; sym++) {
        const next = delta[row + sym]!;
        if (next === 0) {
          delta[row + sym] = delta[failRow + sym]!;
        } else {
          fail[next / width] = delta[failRow + sym]!;
          queue[tail++] = next;
        }
      }
    }
    // Each entry becomes (target row << 1) | (1 when the target state has outputs).
    const packed = new Int32Array(delta.length);
    for (let k = 0; k < delta.length; k++) {
      const target = delta[k]!;
      packed[k] = (target << 1) | (outputs[target / width] ? 1 : 0);
    }
    this.delta = packed;
    this.outputs = outputs;
  }

  get hasObfuscationGroups(): boolean {
    return this.obfuscationGroups.includes(true);
  }

  /** Hits per group, in order of their end. `alt` is a deobfuscated stream for obfuscation groups. */
  scan(text: FoldedText, alt: FoldedText | null = null): PhraseHit[][] {
    const hits: PhraseHit[][] = Array.from({ length: this.groupCount }, () => []);
    this.scanStream(text, hits, false);
    if (alt) this.scanStream(alt, hits, true);
    return hits;
  }

  private scanStream(text: FoldedText, hits: PhraseHit[][], altStream: boolean): void {
    const { codes, starts, ends, length } = text;
    const { symbolOf, delta, width, outputs } = this;
    let step = 0;
    for (let i = 0; i < length; i++) {
      step = delta[(step >> 1) + symbolOf[codes[i]!]!]!;
      if ((step & 1) === 0) continue;
      for (const out of outputs[(step >> 1) / width]!) {
        if (altStream && !this.obfuscationGroups[out.group]) continue;
        const first = i - out.length + 1;
        if (first > 0 && isWordUnit(codes[first - 1]!) && isWordUnit(codes[first]!)) continue;
        let last = i;
        if (out.prefix) {
          while (last + 1 < length && isWordUnit(codes[last + 1]!)) last++;
        } else if (last + 1 < length && isWordUnit(codes[last + 1]!) && isWordUnit(codes[last]!)) {
          continue;
        }
        const hit = { index: out.index, start: starts[first]!, end: ends[last]! };
        const list = hits[out.group]!;
        if (altStream && list.some((h) => h.start === hit.start && h.end === hit.end && h.index === hit.index)) continue;
        list.push(hit);
      }
    }
  }
}
