import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPlain, foldText } from '../../../../utils/check/text/fold';
import { isWordUnit } from '../../../../utils/check/text/chars';
import { deobfuscate } from '../../../../utils/check/text/deobfuscate';
import { PhraseIndexBuilder } from '../../../../utils/check/text/phrases';

function matches(list: string[], text: string, obfuscation = false): string[] {
  const builder = new PhraseIndexBuilder();
  const group = builder.addGroup(list, { obfuscation });
  const f = foldText(text);
  return builder.build().scan(f, obfuscation ? deobfuscate(f) : null)[group]!.map((h) => text.slice(h.start, h.end));
}

describe('phrase index: finds', () => {
  it.each([
    [['utile'], "Cresce l'utile", ['utile']],
    [['utile'], 'Cresce l’UTILE', ['UTILE']],
    [['scont*'], 'sconti, scontato e sconto', ['sconti', 'scontato', 'sconto']],
    [['help desk'], 'the help\n desk', ['help\n desk']],
    [['he', 'she', 'his', 'hers'], 'ushers: she, hers, he', ['she', 'hers', 'he']],
    [['#AcmeSupport'], 'ask #acmesupport.', ['#acmesupport']],
    [['codename orion'], 'c0d3name orion', ['c0d3name orion']],
    [['project'], 'P.R.O.J.E.C.T', ['P.R.O.J.E.C.T']],
    [['caffè'], 'un CAFFE', ['CAFFE']],
    [['a', 'ab', 'abc'], 'abc', ['abc']],
  ])('%j in %j', (list, text, expected) => {
    expect(matches(list, text, true)).toEqual(expected);
  });
});

describe('phrase index: does not find', () => {
  it.each([
    [['utile'], 'inutile utilità'],
    [['scont*'], 'rescontrare'],
    [['orion'], 'c0d3name'],
    [['project'], 'projection'],
    [['2025'], 'year 20250'],
    [['ab'], 'a b'],
  ])('%j in %j', (list, text) => {
    expect(matches(list, text, true)).toEqual([]);
  });

  it('leaves look-alikes alone when the group does not ask for them', () => {
    expect(matches(['codename'], 'c0dename', false)).toEqual([]);
  });
});

describe('the look-alike pre-check', () => {
  it('never skips a draft that deobfuscation would change', () => {
    const unit = fc.constantFrom(...'abcPQ01357@$ .-_*\u200bÉé０ｃ𝐜'.split(/(?:)/u));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((units) => units.join('')), (text) => {
        const f = foldText(text, false);
        if (f.mayBeObfuscated) return;
        expect(deobfuscate({ ...f, mayBeObfuscated: true })).toBeNull();
      }),
      { seed: 20261127, numRuns: 3000 },
    );
  });
});

describe('folding and scanning in one pass', () => {
  it('finds what folding, then scanning, finds', () => {
    const unit = fc.constantFrom(...'abcAB é1 .-\u200b\u0301ß'.split(/(?:)/u), '😀', '𝐚', 'ﷺ');
    const text = fc.array(unit, { maxLength: 40 }).map((units) => units.join(''));
    const phrase = fc.array(fc.constantFrom(...'abcé1 -ß'.split('')), { minLength: 1, maxLength: 4 })
      .map((cs) => cs.join('')).chain((p) => fc.constantFrom(p, `${p}*`));
    fc.assert(
      fc.property(fc.array(fc.array(phrase, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), text, (lists, draft) => {
        const builder = new PhraseIndexBuilder();
        lists.forEach((list, i) => builder.addGroup(list, { obfuscation: i === 0 }));
        const index = builder.build();
        const separate = foldText(draft, false);
        const expected = index.scan(separate, deobfuscate(separate));
        expect(index.scanDraft(draft).hits).toEqual(expected);
      }),
      { seed: 20261127, numRuns: 3000 },
    );
  });
});

describe('the automaton', () => {
  /**
   * Every whole-word occurrence of every phrase, found by searching the folded draft for each phrase in turn;
   * for a presence group (one phrase), its first occurrence anywhere.
   */
  function searchEach(lists: string[][], draft: string, presence: string[] = []): string[] {
    const f = foldText(draft, false);
    const folded = String.fromCharCode(...f.codes.subarray(0, f.length));
    const word = (k: number): boolean => isWordUnit(f.codes[k]!);
    const found: string[] = [];
    lists.forEach((list, group) => list.forEach((raw, index) => {
      const prefix = raw.trimEnd().endsWith('*');
      const phrase = foldPlain(prefix ? raw.trimEnd().slice(0, -1) : raw);
      if (phrase.length === 0) return;
      for (let first = folded.indexOf(phrase); first >= 0; first = folded.indexOf(phrase, first + 1)) {
        let last = first + phrase.length - 1;
        if (first > 0 && word(first - 1) && word(first)) continue;
        if (prefix) {
          while (last + 1 < f.length && word(last + 1)) last++;
        } else if (last + 1 < f.length && word(last + 1) && word(last)) {
          continue;
        }
        found.push(`${group}:${index}:${f.starts[first]}-${f.ends[last]}`);
      }
    }));
    presence.forEach((raw, k) => {
      const first = folded.indexOf(foldPlain(raw));
      if (foldPlain(raw) !== '' && first >= 0) found.push(`${lists.length + k}:0:${f.starts[first]}-${f.ends[first + foldPlain(raw).length - 1]}`);
    });
    return found.sort();
  }

  it('finds what searching for each phrase finds, in lists deep enough to need failure transitions', () => {
    const phrase = fc.array(fc.constantFrom(...'aabbcé ’-'.split('')), { minLength: 1, maxLength: 8 })
      .map((cs) => cs.join('')).chain((p) => fc.constantFrom(p, p, `${p}*`));
    const draft = fc.array(fc.constantFrom(...'aabbcÉ ,-\u200b'.split(''), 'ab', 'abc'), { maxLength: 60 }).map((units) => units.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(phrase, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 3 }), draft, (lists, text) => {
        const builder = new PhraseIndexBuilder();
        lists.forEach((list) => builder.addGroup(list));
        const hits = builder.build().scanDraft(text).hits
          .flatMap((list, group) => list.map((h) => `${group}:${h.index}:${h.start}-${h.end}`));
        expect(hits.sort()).toEqual(searchEach(lists, text));
      }),
      { seed: 20261127, numRuns: 2000 },
    );
  });

  it('finds presence phrases anywhere, inside words too, beside whole-word lists', () => {
    const unit = fc.constantFrom(...'aabbcé -’'.split(''));
    const phrase = fc.array(unit, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
    const draft = fc.array(fc.constantFrom(...'aabbcÉ ,-\u200b'.split(''), 'ab', 'abc'), { maxLength: 60 }).map((units) => units.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(phrase, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 2 }), fc.array(phrase, { maxLength: 3 }), draft, (lists, presence, text) => {
        const builder = new PhraseIndexBuilder();
        lists.forEach((list) => builder.addGroup(list));
        presence.forEach((p) => builder.addGroup([p], { presence: true }));
        const hits = builder.build().scanDraft(text).hits
          .flatMap((list, group) => list.map((h) => `${group}:${h.index}:${h.start}-${h.end}`));
        expect(hits.sort()).toEqual(searchEach(lists, text, presence));
      }),
      { seed: 20261127, numRuns: 2000 },
    );
  });

  /** Whether stepping the automaton over `text` (folded) ends in a state that ends a phrase. */
  function endsPhrase(list: string[], text: string, options = {}): boolean {
    const builder = new PhraseIndexBuilder();
    builder.addGroup(list, options);
    const { symbolOf, delta, width } = builder.build().automaton;
    let step = 0;
    for (const ch of text) step = delta[(step >> 1) * width + symbolOf[ch.charCodeAt(0)]!]!;
    return (step & 1) === 1;
  }

  it.each([
    [['ab'], 'bab', {}, false], // inside a word: not followed
    [['ab'], 'xab', {}, true], // after a unit no phrase has, taken for a non-word unit
    [['ab'], ' ab', {}, true],
    [['ab'], 'ab', {}, true],
    [['-ab'], 'x-ab', {}, true], // a phrase that begins with a non-word unit begins anywhere
    [['ab'], 'bab', { presence: true }, true],
    [['ab', 'b'], 'bab', { presence: true }, true],
    [['ab', 'b'], 'bab', {}, false],
  ])('%j after %j (%j): ends a phrase %s', (list, text, options, expected) => {
    expect(endsPhrase(list, text, options)).toBe(expected);
  });
});
