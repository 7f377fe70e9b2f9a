import type { Locale } from '../types';
import { findPii, type PiiKind } from '../detect/pii';
import { defineRuleKind, ruleBase, type ZodApi } from './define';

const PII_KINDS = ['email', 'phone', 'iban', 'card'] as const satisfies readonly PiiKind[];

/** The kind's name for {pii} in a policy's own message. */
const NAMES: Record<PiiKind, Record<Locale, string>> = {
  email: { en: 'e-mail address', it: 'indirizzo e-mail' },
  phone: { en: 'phone number', it: 'numero di telefono' },
  iban: { en: 'IBAN', it: 'IBAN' },
  card: { en: 'payment card number', it: 'numero di carta di pagamento' },
};

const MESSAGES: Record<PiiKind, Record<Locale, string>> = {
  email: {
    en: 'An e-mail address is personal data: keep it out of public posts.',
    it: 'Un indirizzo e-mail è un dato personale: non va pubblicato.',
  },
  phone: {
    en: 'A phone number is personal data: keep it out of public posts.',
    it: 'Un numero di telefono è un dato personale: non va pubblicato.',
  },
  iban: {
    en: 'An IBAN is personal data: keep it out of public posts.',
    it: 'Un IBAN è un dato personale: non va pubblicato.',
  },
  card: {
    en: 'A payment card number is personal data: keep it out of public posts.',
    it: 'Un numero di carta di pagamento è un dato personale: non va pubblicato.',
  },
};

export const piiRule = defineRuleKind({
  kind: 'pii',
  summary:
    'Personal data (`detect`: email, phone, iban, card): IBANs pass their checksum, cards Luhn; phones are international or Italian; nothing inside a URL counts.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('pii'),
    detect: z
      .array(z.enum(PII_KINDS))
      .min(1, 'list what to detect: email, phone, iban, card')
      .superRefine((kinds, ctx) => {
        kinds.forEach((kind, i) => {
          if (kinds.indexOf(kind) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `“${kind}” is listed twice` });
        });
      }),
  }),
  defaultMessage: {
    en: 'This is personal data ({pii}): keep it out of public posts.',
    it: 'Questo è un dato personale ({pii}): non va pubblicato.',
  },
  compile: (rule) => new Set<PiiKind>(rule.detect),
  run(kinds, input) {
    const text = input.draft.text;
    const urls = input.entities().filter((e) => e.type === 'url');
    const locale = input.policy.locale;
    return findPii(text, kinds, urls).map(({ kind, start, end }) => ({
      start,
      end,
      vars: { pii: NAMES[kind][locale] },
      defaultMessage: MESSAGES[kind],
    }));
  },
});
