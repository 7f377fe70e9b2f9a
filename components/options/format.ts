import type { UiLocale } from '../../utils/i18n';

/** A stored ISO time as the member reads it, in the page's language. */
export function formatTime(iso: string | null | undefined, locale: UiLocale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** A policy text given as one string or { en, it }. */
export function localized(text: string | Partial<Record<UiLocale, string>> | undefined, locale: UiLocale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
}
