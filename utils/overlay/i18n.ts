import type { Level, Locale } from '../check/types';

/** A count phrase per CLDR plural category; `{n}` is the number. `many` falls back to `other`. */
export interface Plural {
  one: string;
  other: string;
  many?: string;
}

export interface OverlayStrings {
  level: Record<Level, string>;
  count: Record<Level, Plural>;
  noIssues: string;
  product: string;
  findings: string;
  checkingAs: string;
  chooseProfile: string;
  topics: string;
  covered: string;
  notCovered: string;
  restricted: string;
  plannedToday: string;
  replaceWith: string;
  remove: string;
  ignoreHere: string;
  rule: string;
  gateTitle: string;
  gatePolicy: string;
  reasonLabel: string;
  reasonHint: string;
  edit: string;
  publishAnyway: string;
}

const EN: OverlayStrings = {
  level: { error: 'error', warning: 'warning', suggestion: 'suggestion' },
  count: {
    error: { one: '{n} error', other: '{n} errors' },
    warning: { one: '{n} warning', other: '{n} warnings' },
    suggestion: { one: '{n} suggestion', other: '{n} suggestions' },
  },
  noIssues: 'No issues found',
  product: 'Portavoce',
  findings: 'Findings',
  checkingAs: 'Checking as {name}',
  chooseProfile: 'Choose your profile',
  topics: 'Topics',
  covered: 'one of your topics',
  notCovered: 'not one of your topics',
  restricted: 'restricted',
  plannedToday: 'Planned today: {what}',
  replaceWith: 'Replace with “{text}”',
  remove: 'Remove',
  ignoreHere: 'Ignore here',
  rule: 'Rule',
  gateTitle: 'Hold on before publishing',
  gatePolicy: '“{name}” flags this draft:',
  reasonLabel: 'Why publish anyway?',
  reasonHint: 'At least 3 characters.',
  edit: 'Edit',
  publishAnyway: 'Publish anyway',
};

const IT: OverlayStrings = {
  level: { error: 'errore', warning: 'avviso', suggestion: 'suggerimento' },
  count: {
    error: { one: '{n} errore', other: '{n} errori' },
    warning: { one: '{n} avviso', other: '{n} avvisi' },
    suggestion: { one: '{n} suggerimento', other: '{n} suggerimenti' },
  },
  noIssues: 'Nessun problema rilevato',
  product: 'Portavoce',
  findings: 'Segnalazioni',
  checkingAs: 'Controllo per {name}',
  chooseProfile: 'Scegli il tuo profilo',
  topics: 'Argomenti',
  covered: 'tra i tuoi argomenti',
  notCovered: 'non tra i tuoi argomenti',
  restricted: 'riservato',
  plannedToday: 'In programma oggi: {what}',
  replaceWith: 'Sostituisci con «{text}»',
  remove: 'Rimuovi',
  ignoreHere: 'Ignora qui',
  rule: 'Regola',
  gateTitle: 'Un momento prima di pubblicare',
  gatePolicy: '«{name}» segnala questa bozza:',
  reasonLabel: 'Perché pubblicare comunque?',
  reasonHint: 'Almeno 3 caratteri.',
  edit: 'Modifica',
  publishAnyway: 'Pubblica comunque',
};

export const OVERLAY_STRINGS: Readonly<Record<Locale, OverlayStrings>> = { en: EN, it: IT };

export function stringsFor(locale: Locale): OverlayStrings {
  return OVERLAY_STRINGS[locale] ?? EN;
}

/** Replaces `{name}` placeholders with values; the values are data, inserted as text. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

export function plural(locale: Locale, phrase: Plural, n: number): string {
  let rules = pluralRules.get(locale);
  if (rules === undefined) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  // Italian has a `many` category for large round numbers ("un milione di"); our phrases use `other` there.
  const category = rules.select(n);
  const template = category === 'one' ? phrase.one : category === 'many' ? (phrase.many ?? phrase.other) : phrase.other;
  return fill(template, { n });
}

const ORDER: readonly Level[] = ['error', 'warning', 'suggestion'];

/** "2 errors, 1 warning" / "2 errori, 1 avviso"; levels with no findings are left out. */
export function countsPhrase(locale: Locale, counts: Readonly<Record<Level, number>>): string {
  const strings = stringsFor(locale);
  const parts = ORDER.filter((level) => counts[level] > 0).map((level) => plural(locale, strings.count[level], counts[level]));
  return parts.length === 0 ? strings.noIssues : parts.join(', ');
}
