import { z } from 'zod';
import { defineRuleKind, ruleBase, type RuleHit } from './define';

/** How many marks a code unit stands for: ! ? ！ ？ one, ‼ ⁉ ⁈ ⁇ two, anything else none. */
function marksIn(code: number): number {
  if (code === 0x21 || code === 0x3f || code === 0xff01 || code === 0xff1f) return 1;
  return code === 0x203c || (code >= 0x2047 && code <= 0x2049) ? 2 : 0;
}
const isVariationSelector = (code: number): boolean => code === 0xfe0e || code === 0xfe0f;
// Zero-width characters inside a run do not break it ("!\u200B!").
const isZeroWidth = (code: number): boolean => (code >= 0x200b && code <= 0x200d) || code === 0x2060;
const QUESTIONS = '?？⁉⁈⁇';
const FULLWIDTH = '！？';

function shortened(run: string): string {
  let question = false;
  for (const ch of run) if (QUESTIONS.includes(ch)) question = true;
  const fullwidth = FULLWIDTH.includes(run[0]!);
  return question ? (fullwidth ? '？' : '?') : fullwidth ? '！' : '!';
}

export const punctuationRule = defineRuleKind({
  kind: 'punctuation',
  summary: 'Runs of “!” and “?” (mixed and fullwidth too) longer than `maxRepeat`; “...” is fine. The fix keeps one mark.',
  schema: z.strictObject({
    ...ruleBase,
    kind: z.literal('punctuation'),
    maxRepeat: z.number().int().min(1).default(1),
  }),
  defaultMessage: {
    en: 'Repeated punctuation reads as shouting: one “{suggestion}” is enough.',
    it: 'La punteggiatura ripetuta sembra un grido: basta un «{suggestion}».',
  },
  compile: (rule) => rule.maxRepeat,
  run(maxRepeat, input) {
    const text = input.draft.text;
    const hits: RuleHit[] = [];
    let start = -1;
    let end = -1;
    let count = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : -1;
      const marks = marksIn(code);
      if (marks > 0) {
        if (start < 0) start = i;
        count += marks;
        end = i + 1;
      } else if (start >= 0 && isVariationSelector(code)) {
        end = i + 1; // "‼️": the selector belongs to the mark
      } else if (start < 0 || !isZeroWidth(code)) {
        if (start >= 0 && count > maxRepeat) hits.push({ start, end, vars: { count, max: maxRepeat } });
        start = -1;
        count = 0;
      }
    }
    if (hits.length === 0) return hits;
    // A query string may hold "??": nothing inside a URL is punctuation.
    const urls = input.entities().filter((e) => e.type === 'url');
    return hits
      .filter((hit) => !urls.some((u) => hit.start < u.end && u.start < hit.end))
      .map((hit) => ({ ...hit, suggestions: [shortened(text.slice(hit.start, hit.end))] }));
  },
});
