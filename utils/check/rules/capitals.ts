import type { Entity } from '../detect/entities';
import { CAPITAL, LETTER, OTHER, codePointClass, unitClass, unitClasses, type LetterCounts } from '../text/letters';
import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';

interface Word {
  start: number;
  end: number;
  letters: number;
  capitals: number;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/** The class of what starts at i; a high surrogate is read with the unit after it. */
function classAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return isHighSurrogate(unit) ? codePointClass(text.codePointAt(i)!) : unitClasses[unit]! || unitClass(unit);
}

/** The next word from i: letters, with marks and zero-width characters inside it; null when none is left. */
function nextWord(text: string, i: number): Word | null {
  const n = text.length;
  // A high surrogate steps over the unit after it, even a lone one's: the fold does not count such drafts.
  const advance = (at: number): number => at + (isHighSurrogate(text.charCodeAt(at)) && at + 1 < n ? 2 : 1);
  while (i < n && (classAt(text, i) & LETTER) === 0) i = advance(i);
  if (i >= n) return null;
  const word: Word = { start: i, end: i, letters: 0, capitals: 0 };
  while (i < n) {
    const cls = classAt(text, i);
    if (cls & OTHER) break;
    i = advance(i);
    word.letters += cls & 1;
    if (cls === CAPITAL) word.capitals++;
  }
  word.end = i;
  return word;
}

/** Where the word around offset p starts to be read: after the last character before p that ends words. */
function wordBoundaryBefore(text: string, p: number): number {
  while (p > 0) {
    const unit = text.charCodeAt(p - 1);
    const pair = unit >= 0xdc00 && unit <= 0xdfff && p >= 2 && isHighSurrogate(text.charCodeAt(p - 2));
    if (classAt(text, pair ? p - 2 : p - 1) & OTHER) break;
    p -= pair ? 2 : 1;
  }
  return p;
}

/** The fold's counts less the words that touch a hashtag, mention or URL, which are not judged. */
function withoutEntities(text: string, counts: LetterCounts, entities: readonly Entity[]): LetterCounts {
  let { letters, capitals } = counts;
  let done = 0; // the words before this offset are accounted for
  for (const entity of entities) {
    let word = nextWord(text, Math.max(done, wordBoundaryBefore(text, entity.start)));
    for (; word !== null && word.start < entity.end; word = nextWord(text, word.end)) {
      if (word.end > entity.start && word.letters >= 2) {
        letters -= word.letters;
        capitals -= word.capitals;
      }
      done = word.end;
    }
    if (word !== null) done = word.start;
  }
  return { letters, capitals };
}

// Before a run, these may stand between it and the end of the previous sentence (or the start of the draft).
const SKIPPED_BEFORE_SENTENCE = /[\s"'“”‘’«»(\[\u200d\ufe0f\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;
const SENTENCE_END = /[.!?…！？\n]/;
const SENTENCE_BREAK = /([.!?…！？]\s+|\n\s*)(\p{Ll})/gu;
// "𝐁𝐈𝐆 𝐍𝐄𝐖𝐒" has no lower case: the fix spells it in plain letters.
const MATH_LETTER = /[\u{1D400}-\u{1D7FF}]/gu;

function startsSentence(text: string, at: number): boolean {
  for (let i = at; i > 0; ) {
    const low = text.charCodeAt(i - 1);
    const ch = low >= 0xdc00 && low <= 0xdfff && i > 1 ? text.slice(i - 2, i) : text[i - 1]!;
    if (ch === '\n' || !SKIPPED_BEFORE_SENTENCE.test(ch)) return SENTENCE_END.test(ch);
    i -= ch.length;
  }
  return true;
}

/** The run in sentence case: lower case, a capital where a sentence or a line starts. */
function sentenceCase(text: string, run: string, start: number): string {
  const plain = run.replace(MATH_LETTER, (c) => c.normalize('NFKC')).toLowerCase();
  const lower = plain.replace(SENTENCE_BREAK, (_, gap: string, c: string) => gap + c.toUpperCase());
  if (!startsSentence(text, start)) return lower;
  const head = String.fromCodePoint(lower.codePointAt(0)!);
  return head.toUpperCase() + lower.slice(head.length);
}

export const capitalsRule = defineRuleKind({
  kind: 'capitals',
  summary: 'Shouting: more capitals than `maxRatio` of the letters (words of 2+ letters, outside hashtags, mentions and URLs; drafts under `minLetters` letters are not judged), one finding per run of capitalized words.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('capitals'),
    maxRatio: z.number().min(0).max(1).default(0.5),
    minLetters: z.number().int().min(0).default(12),
  }),
  defaultMessage: {
    en: 'Writing in capitals reads as shouting: try sentence case.',
    it: 'Scrivere tutto in maiuscolo equivale a urlare: meglio le minuscole.',
  },
  compile: (rule) => ({ maxRatio: rule.maxRatio, minLetters: rule.minLetters }),
  run({ maxRatio, minLetters }, input) {
    const text = input.draft.text;
    const entities = input.entities();
    const shouts = ({ letters, capitals }: LetterCounts): boolean =>
      letters > 0 && letters >= minLetters && capitals / letters > maxRatio;
    // Most drafts are cleared on the letters the fold counted; only one that shouts is read word by word.
    if (input.letters !== null && !shouts(withoutEntities(text, input.letters, entities))) return [];
    const judged: LetterCounts = { letters: 0, capitals: 0 };
    let entity = 0;
    let first = 0;
    let last = 0;
    const runs: { start: number; end: number }[] = [];
    let run: { start: number; end: number; words: number; letters: number } | null = null;
    const endRun = (): void => {
      if (run !== null && (run.words > 1 || run.letters > 3)) runs.push({ start: run.start, end: run.end });
      run = null;
    };
    for (let word = nextWord(text, 0); word !== null; word = nextWord(text, word.end)) {
      const { start, end } = word;
      while (entity < entities.length && entities[entity]!.end <= start) entity++;
      if (entity < entities.length && entities[entity]!.start < end) {
        endRun(); // inside a hashtag, mention or URL: not counted, and it ends a run
        continue;
      }
      if (word.letters >= 2) {
        if (judged.letters === 0) first = start;
        last = end;
        judged.letters += word.letters;
        judged.capitals += word.capitals;
      }
      if (word.capitals < word.letters) {
        endRun();
      } else if (word.letters >= 2) {
        run ??= { start, end, words: 0, letters: 0 };
        run.end = end;
        run.words++;
        run.letters += word.letters;
      }
      // A one-letter capital word ("A", "È") neither starts nor ends a run, nor breaks one.
    }
    endRun();
    if (!shouts(judged)) return [];
    // Capitals scattered inside words ("LeTtErS"): one finding over the judged text, no fix to offer.
    if (runs.length === 0) return [{ start: first, end: last }];
    return runs.map(({ start, end }): RuleHit => ({
      start,
      end,
      suggestions: [sentenceCase(text, text.slice(start, end), start)],
    }));
  },
});
