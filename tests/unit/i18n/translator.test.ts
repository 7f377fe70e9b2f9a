import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveLocale, translatorFromMessages } from '../../../utils/i18n';

const messages = {
  hello: { message: 'Hello $1' },
  entries: { message: 'one entry | $1 entries' },
  zero: { message: 'none | one | many: $1' },
  named: { message: 'Planned today: {title}' },
};

describe('translatorFromMessages', () => {
  const t = translatorFromMessages(messages) as unknown as (key: string, ...args: unknown[]) => string;
  it('fills positional substitutions', () => expect(t('hello', ['Ada'])).toBe('Hello Ada'));
  it('picks plural forms by count', () => {
    expect(t('entries', 1)).toBe('one entry');
    expect(t('entries', 5)).toBe('5 entries');
    expect(t('zero', 0)).toBe('none');
    expect(t('zero', 7)).toBe('many: 7');
  });
  it('fills named substitutions', () => expect(t('named', { title: 'Launch' })).toBe('Planned today: Launch'));
  it('turns dots into the underscores of messages.json', () =>
    expect(translatorFromMessages({ popup_title: { message: 'Calendar' } })('popup.title' as never)).toBe('Calendar'));
});

describe('resolveLocale', () => {
  it('follows the browser when auto', () => {
    expect(resolveLocale('auto', 'it-IT')).toBe('it');
    expect(resolveLocale('auto', 'de')).toBe('en');
  });
  it('keeps a chosen language', () => expect(resolveLocale('it', 'en-US')).toBe('it'));
});

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales', () => {
  it('English and Italian have exactly the same keys', () => {
    const read = (lang: string) => keysOf(parse(readFileSync(new URL(`../../../locales/${lang}.yml`, import.meta.url), 'utf8'))).sort();
    expect(read('it')).toEqual(read('en'));
  });
});
