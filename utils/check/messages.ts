import type { Locale } from './types';
import type { LocalizedText } from './rules/define';

export function pickLocale(text: LocalizedText, locale: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? text.it ?? '';
}

const PLACEHOLDER = /\{(\w+)\}/;
// A template split once into [text, name, text, name, …, text]: filling it is a few concatenations.
const splitTemplates = new Map<string, string[]>();

/**
 * Fills `{name}` placeholders from `vars`, then `{match}` and `{suggestion}`; unknown ones stay as written
 * so a typo shows.
 */
export function fillMessage(
  template: string,
  match: string,
  suggestion: string,
  vars?: Readonly<Record<string, string | number>>,
): string {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    if (splitTemplates.size < 10_000) splitTemplates.set(template, parts);
  }
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k]!;
    const value = vars !== undefined && Object.hasOwn(vars, name) ? String(vars[name])
      : name === 'match' ? match : name === 'suggestion' ? suggestion : `{${name}}`;
    out += value + parts[k + 1]!;
  }
  return out;
}
