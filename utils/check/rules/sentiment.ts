import type { Locale } from '../types';
import { NEGATORS, SENTIMENT } from '../lexicons/sentiment';
import { isWordUnit } from '../text/chars';
import type { PhraseHit, PhraseIndexBuilder } from '../text/phrases';
import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';
import { leftmostLongest, overlapsAny } from './overlap';

// . ! ? … ; and their fullwidth forms, and a line break: "Never again. Terrible" is not "not terrible".
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x2026, 0x3b, 0xff01, 0xff1f, 0xff0e, 0x0a, 0x0d]);
/** A negator flips the next scored word when at most this many words lie between ("non è male"). */
const NEGATION_GAP = 2;

interface Lexicon {
  words: string[];
  valences: Int8Array;
}

const lexicons = new Map<Locale, Lexicon>();

/**
 * English and Italian at once, negators left out (they flip, they do not score). A word in both lists
 * ("fame": fame in English, hunger in Italian) takes the policy language's valence: that is the language
 * its drafts are most likely written in.
 */
function lexicon(locale: Locale): Lexicon {
  let lex = lexicons.get(locale);
  if (lex) return lex;
  const negators = new Set([...NEGATORS.en, ...NEGATORS.it]);
  const other: Locale = locale === 'en' ? 'it' : 'en';
  const merged = { ...SENTIMENT[other], ...SENTIMENT[locale] };
  const words = Object.keys(merged).filter((w) => !negators.has(w));
  lex = { words, valences: Int8Array.from(words, (w) => merged[w]!) };
  lexicons.set(locale, lex);
  return lex;
}

/** One pair of phrase groups per policy, however many sentiment rules share it. */
const groups = new WeakMap<PhraseIndexBuilder, { scored: number; negators: number; valences: Int8Array }>();

export const sentimentRule = defineRuleKind({
  kind: 'sentiment',
  summary:
    'The draft’s tone: flagged when its total valence (AFINN lexicons, English and Italian, “not great” and “non è male” negated) is below `below`; the finding spans the negative words.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('sentiment'),
    below: z.number().max(0, 'a tone threshold is zero or negative, like -3'),
  }),
  defaultMessage: {
    en: 'The tone reads as negative (score {count}): consider gentler wording.',
    it: 'Il tono risulta negativo (punteggio {count}): valuta parole più pacate.',
  },
  compile(rule, env) {
    let shared = groups.get(env.phrases);
    if (!shared) {
      const { words, valences } = lexicon(env.policy.locale);
      const negators = [...new Set([...NEGATORS.en, ...NEGATORS.it])];
      shared = { scored: env.phrases.addGroup(words), negators: env.phrases.addGroup(negators), valences };
      groups.set(env.phrases, shared);
    }
    return { ...shared, below: rule.below };
  },
  run({ scored, negators, valences, below }, input) {
    const words = leftmostLongest(input.phrases(scored));
    if (words.length === 0) return [];
    // "no fun" is scored as a phrase: a negator inside a scored phrase is part of it.
    const flips = leftmostLongest(input.phrases(negators)).filter((n) => !overlapsAny(n, words));
    const text = input.draft.text;
    const negative: { start: number; end: number }[] = [];
    let total = 0;
    let f = 0;
    let pending: PhraseHit | null = null;
    for (const word of words) {
      while (f < flips.length && flips[f]!.start < word.start) pending = flips[f++]!;
      let valence = valences[word.index]!;
      let start = word.start;
      if (pending && wordsBetween(text, pending.end, word.start) <= NEGATION_GAP) {
        valence = -valence;
        start = pending.start;
      }
      pending = null;
      total += valence;
      if (valence < 0) negative.push({ start, end: word.end });
    }
    if (total >= below) return [];
    const vars = { count: total, max: below };
    return negative.map(({ start, end }): RuleHit => ({ start, end, vars }));
  },
});

/** Words in text[from, to), counted up to NEGATION_GAP + 1; a sentence end in between ends the negation. */
function wordsBetween(text: string, from: number, to: number): number {
  let count = 0;
  let inWord = false;
  for (let i = from; i < to && count <= NEGATION_GAP; i++) {
    const code = text.charCodeAt(i);
    if (SENTENCE_END.has(code)) return NEGATION_GAP + 1;
    const word = isWordUnit(code);
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}
