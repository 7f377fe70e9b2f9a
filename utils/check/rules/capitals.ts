import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';

const CAPITAL = /^[\p{Lu}\p{Lt}]$/u;
const LETTER = /^\p{L}$/u;
// Combining marks and zero-width characters keep a word together ("PERCHÉ" written E + U+0301).
const INSIDE_WORD = /^[\p{M}\u00ad\u200b-\u200d\u2060]$/u;
const enum Cls { Unknown, Capital, Letter, Inside, Other }
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, Cls>();
const classify = (ch: string): Cls =>
  CAPITAL.test(ch) ? Cls.Capital : LETTER.test(ch) ? Cls.Letter : INSIDE_WORD.test(ch) ? Cls.Inside : Cls.Other;
function classOf(cp: number): Cls {
  if (cp < 0x10000) return (bmp[cp] = classify(String.fromCharCode(cp)));
  let c = astral.get(cp);
  if (c === undefined) astral.set(cp, (c = classify(String.fromCodePoint(cp))));
  return c;
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
    let letters = 0;
    let capitals = 0;
    let entity = 0;
    let first = 0;
    let last = 0;
    // The current run of all-capital words, in plain locals: no closure on the per-word path.
    const runs: { start: number; end: number }[] = [];
    let runStart = -1;
    let runEnd = 0;
    let runWords = 0;
    let runLetters = 0;
    const n = text.length;
    for (let i = 0; i < n; ) {
      // Inline table lookups: this loop sees every character of every draft.
      let unit = text.charCodeAt(i);
      let cls: Cls = unit >= 0xd800 && unit <= 0xdbff ? classOf(text.codePointAt(i)!) : (bmp[unit]! || classOf(unit));
      if (cls !== Cls.Capital && cls !== Cls.Letter) {
        i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < n ? 2 : 1;
        continue;
      }
      const start = i;
      let wordLetters = 0;
      let wordCapitals = 0;
      while (i < n) {
        unit = text.charCodeAt(i);
        const astral = unit >= 0xd800 && unit <= 0xdbff;
        cls = astral ? classOf(text.codePointAt(i)!) : (bmp[unit]! || classOf(unit));
        if (cls === Cls.Other) break;
        i += astral && i + 1 < n ? 2 : 1;
        if (cls === Cls.Inside) continue;
        wordLetters++;
        if (cls === Cls.Capital) wordCapitals++;
      }
      while (entity < entities.length && entities[entity]!.end <= start) entity++;
      if (entity < entities.length && entities[entity]!.start < i) {
        // Inside a hashtag, mention or URL: not counted, and it ends a run.
        if (runStart >= 0 && (runWords > 1 || runLetters > 3)) runs.push({ start: runStart, end: runEnd });
        runStart = -1;
        continue;
      }
      if (wordLetters >= 2) {
        if (letters === 0) first = start;
        last = i;
        letters += wordLetters;
        capitals += wordCapitals;
      }
      if (wordCapitals < wordLetters) {
        if (runStart >= 0 && (runWords > 1 || runLetters > 3)) runs.push({ start: runStart, end: runEnd });
        runStart = -1;
      } else if (wordLetters >= 2) {
        if (runStart < 0) {
          runStart = start;
          runWords = 0;
          runLetters = 0;
        }
        runEnd = i;
        runWords++;
        runLetters += wordLetters;
      }
      // A one-letter capital word ("A", "È") neither starts nor ends a run, nor breaks one.
    }
    if (runStart >= 0 && (runWords > 1 || runLetters > 3)) runs.push({ start: runStart, end: runEnd });
    if (letters === 0 || letters < minLetters || capitals / letters <= maxRatio) return [];
    // Capitals scattered inside words ("LeTtErS"): one finding over the judged text, no fix to offer.
    if (runs.length === 0) return [{ start: first, end: last }];
    return runs.map(({ start, end }): RuleHit => ({
      start,
      end,
      suggestions: [sentenceCase(text, text.slice(start, end), start)],
    }));
  },
});
