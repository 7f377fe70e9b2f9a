import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';

/** How many marks a code unit stands for: ! ? ！ ？ one, ‼ ⁉ ⁈ ⁇ two, anything else none. */
function marksIn(code: number): number {
  if (code === 0x21 || code === 0x3f || code === 0xff01 || code === 0xff1f) return 1;
  return code === 0x203c || (code >= 0x2047 && code <= 0x2049) ? 2 : 0;
}
const isVariationSelector = (code: number): boolean => code === 0xfe0e || code === 0xfe0f;
// Zero-width characters inside a run do not break it ("!\u200B!").
const isZeroWidth = (code: number): boolean => (code >= 0x200b && code <= 0x200d) || code === 0x2060;
// A run: marks, with variation selectors and zero-width characters inside it.
const MARK_RUN = /[!?！？‼⁇-⁉](?:[!?！？‼⁇-⁉\ufe0e\ufe0f]|[\u200b-\u200d\u2060]+(?=[!?！？‼⁇-⁉]))*/g;
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
  schema: (z) => z.strictObject({
    ...ruleBase(z),
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
    // The regex finds candidate runs natively; most drafts have a few single marks at most.
    MARK_RUN.lastIndex = 0;
    for (let m = MARK_RUN.exec(text); m !== null; m = MARK_RUN.exec(text)) {
      let count = 0;
      let end = m.index;
      for (let i = m.index; i < m.index + m[0].length; i++) {
        const code = text.charCodeAt(i);
        const marks = marksIn(code);
        count += marks;
        if (marks > 0 || isVariationSelector(code)) end = i + 1; // "‼️": the selector belongs to the mark
      }
      if (count > maxRepeat) hits.push({ start: m.index, end, vars: { count, max: maxRepeat } });
    }
    if (hits.length === 0) return hits;
    // A query string may hold "??": nothing inside a URL is punctuation.
    const urls = input.entities().filter((e) => e.type === 'url');
    return hits
      .filter((hit) => !urls.some((u) => hit.start < u.end && u.start < hit.end))
      .map((hit) => ({ ...hit, suggestions: [shortened(text.slice(hit.start, hit.end))] }));
  },
});
