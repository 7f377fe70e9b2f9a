import type { Locale } from './types';
import type { LocalizedText } from './rules/define';

export function pickLocale(text: LocalizedText, locale: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? text.it ?? '';
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; unknown ones stay as written so a typo shows. */
export function fillMessage(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}
