import type { Span } from '../types';
import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';
import { leftmostLongest, overlapsAny } from './overlap';

export const mentionsRule = defineRuleKind({
  kind: 'mentions',
  summary: 'Accounts and names not to mention: `handles` (“@globex”, not “@globexcorp”) and `names` matched as whole words.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('mentions'),
    handles: z.array(z.string().trim().regex(/^@[A-Za-z0-9_]+$/, 'a handle is "@" then letters, digits or "_"')).default([]),
    names: z.array(z.string().trim().min(1)).default([]),
  }),
  validate: (rule) =>
    rule.handles.length + rule.names.length === 0 ? [{ path: ['handles'], message: 'give `handles`, `names` or both' }] : [],
  defaultMessage: {
    en: '“{match}” is on the list of accounts and names not to mention.',
    it: '«{match}» è tra gli account e i nomi da non citare.',
  },
  compile: (rule, env) => ({
    handles: new Set(rule.handles.map((h) => h.slice(1).toLowerCase())),
    names: env.phrases.addGroup(rule.names),
  }),
  run({ handles, names }, input) {
    const hits: RuleHit[] = [];
    const urls: Span[] = [];
    for (const e of input.entities()) {
      if (e.type === 'url') urls.push(e);
      // e.end already stops at the handle ("@acme/team" ends at "@acme").
      else if (e.type === 'mention' && handles.has(e.value.toLowerCase())) hits.push({ start: e.start, end: e.end });
    }
    const found = input.phrases(names);
    if (found.length === 0) return hits;
    // A name inside a flagged handle is that finding; inside a URL it is the links rule's business.
    const taken = [...hits, ...urls];
    for (const { start, end } of leftmostLongest(found)) {
      if (!overlapsAny({ start, end }, taken)) hits.push({ start, end });
    }
    return hits;
  },
});
