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
  private readonly delta: Uint32Array;
  /** outputs[state]: the outputs ending at that state, its own and its suffixes'. */
  private readonly outputs: (Output[] | undefined)[];
  private readonly obfuscationGroups: boolean[];

  constructor(phrases: readonly { folded: string; out: Output }[], groups: readonly PhraseGroupOptions[]) {
    this.groupCount = groups.length;
    this.obfuscationGroups = groups.map((g) => g.obfuscation === true);
    let symbols = 1; // 0 = a unit no phrase contains
    for (const { folded } of phrases) {
      for (let k = 0; k < folded.length; k++) {
        const c = folded.charCodeAt(k);
        if (this.symbolOf[c] === 0) this.symbolOf[c] = symbols++;
      }
    }
    this.width = symbols;
    // The trie, then the failure function turned into a full transition table (BFS order).
    const children: Map<number, number>[] = [new Map()];
    const own: (Output[] | undefined)[] = [undefined];
    for (const { folded, out } of phrases) {
      let s = 0;
      for (let k = 0; k < folded.length; k++) {
        const sym = this.symbolOf[folded.charCodeAt(k)]!;
        let next = children[s]!.get(sym);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push(undefined);
          children[s]!.set(sym, next);
        }
        s = next;
      }
      (own[s] ??= []).push(out);
    }
    const states = children.length;
    const delta = new Uint32Array(states * symbols);
    const fail = new Uint32Array(states);
    const outputs: (Output[] | undefined)[] = new Array(states);
    outputs[0] = own[0];
    const queue: number[] = [];
    for (const [sym, next] of children[0]!) {
      delta[sym] = next;
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      const f = fail[s]!;
      const inherited = outputs[f];
      const mine = own[s];
      outputs[s] = mine && inherited ? [...mine, ...inherited] : (mine ?? inherited);
      const row = s * symbols;
      const failRow = f * symbols;
      for (let sym = 1; sym < symbols; sym++) delta[row + sym] = delta[failRow + sym]!;
      for (const [sym, next] of children[s]!) {
        fail[next] = delta[failRow + sym]!;
        delta[row + sym] = next;
        queue.push(next);
      }
    }
    this.delta = delta;
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
    let s = 0;
    for (let i = 0; i < length; i++) {
      s = delta[s * width + symbolOf[codes[i]!]!]!;
      const outs = outputs[s];
      if (outs === undefined) continue;
      for (const out of outs) {
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
