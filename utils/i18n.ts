import { i18n } from '#i18n';
import { browser } from 'wxt/browser';

/** The pages' language: the browser's by default, or one the member picked in the options. */
export type UiLanguage = 'auto' | 'en' | 'it';
export type UiLocale = 'en' | 'it';
export type Translate = typeof i18n.t;

type Messages = Record<string, { message: string }>;

/** The locale a language setting resolves to (for dates and numbers as well as texts). */
export function resolveLocale(language: UiLanguage, browserLanguage = browser.i18n.getUILanguage()): UiLocale {
  if (language !== 'auto') return language;
  return browserLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/**
 * `t` for a language: browser.i18n itself when it follows the browser; otherwise the same messages read
 * from the packaged `_locales/<lang>/messages.json`, because browser.i18n cannot switch language.
 */
export async function translatorFor(language: UiLanguage): Promise<Translate> {
  if (language === 'auto') return i18n.t;
  const response = await fetch((browser.runtime.getURL as (path: string) => string)(`/_locales/${language}/messages.json`));
  return translatorFromMessages((await response.json()) as Messages);
}

/** The semantics of @wxt-dev/i18n's `t` (plurals "one | other", $1…$9, {named}) over a messages object. */
export function translatorFromMessages(messages: Messages): Translate {
  const t = (key: string, ...args: unknown[]): string => {
    let count: number | undefined;
    let positional: unknown[] | undefined;
    let named: Record<string, unknown> | undefined;
    for (const arg of args) {
      if (typeof arg === 'number') count = arg;
      else if (Array.isArray(arg)) positional = arg;
      else if (arg && typeof arg === 'object') named = arg as Record<string, unknown>;
    }
    if (count !== undefined && positional === undefined) positional = [count];
    let message = messages[key.replaceAll('.', '_')]?.message ?? '';
    if (count !== undefined) {
      const forms = message.split(' | ');
      message = forms.length === 2 ? forms[count === 1 ? 0 : 1]! : forms.length === 3 ? forms[Math.min(count, 2)]! : forms[0]!;
    }
    message = message.replace(/\$(\d)/g, (whole, n: string) => (positional && Number(n) <= positional.length ? String(positional[Number(n) - 1]) : whole));
    if (named) message = message.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => (Object.hasOwn(named!, name) ? String(named![name]) : whole));
    return message;
  };
  return t as Translate;
}
