import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { LINK_SHORTENERS, linksRule } from '../../../../utils/check/rules/links';
import { checkWith, policyWith } from '../helpers';

const rule = { id: 'links', kind: 'links', level: 'warning', allow: ['acme.it', 'LinkedIn.com.', 'x.com'], shorteners: 'error' };
const found = (text: string, r: object = rule) =>
  checkWith([r], text).findings.map((f) => [f.match, f.start, f.end, f.level]);

describe('links: flags', () => {
  it.each([
    ['Leggi https://globex.com/news', [['https://globex.com/news', 6, 29, 'warning']]],
    ['see notacme.it/x', [['notacme.it/x', 4, 16, 'warning']]], // a look-alike is not a subdomain
    ['https://acme.it.evil.com/login', [['https://acme.it.evil.com/login', 0, 30, 'warning']]],
    ['acme.it e globex.it', [['globex.it', 10, 19, 'warning']]],
    ['line\r\nhttps://GLOBEX.COM', [['https://GLOBEX.COM', 6, 24, 'warning']]],
    ['❤️ bit.ly/abc', [['bit.ly/abc', 3, 13, 'error']]],
    ['https://t.co/abc123 ok', [['https://t.co/abc123', 0, 19, 'error']]],
    ['Perche\u0301 https://www.tinyurl.com/y2k', [['https://www.tinyurl.com/y2k', 8, 35, 'error']]],
    ['Il post: https://lnkd.in/eXyZ', [['https://lnkd.in/eXyZ', 9, 29, 'error']]],
    ['Guarda http://linkedin.com.evil.it/', [['http://linkedin.com.evil.it/', 7, 35, 'warning']]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('links: does not flag', () => {
  it.each([
    'https://acme.it/page',
    'https://blog.acme.it/post?x=1', // a subdomain of an allowed domain
    'WWW.ACME.IT',
    'http://acme.it./x', // trailing dot
    'https://www.linkedin.com/in/giulia',
    '❤️ x.com/acme',
    'scrivi a info@globex.com', // an e-mail address is not a link
    'Perche\u0301 no? line\r\nnothing here.',
    'file.txt and version 2.0',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('links: settings', () => {
  it('without `allow`, flags only shorteners', () => {
    const shortenersOnly = { id: 'links', kind: 'links', level: 'warning', shorteners: 'suggestion' };
    expect(found('https://globex.com and bit.ly/x', shortenersOnly)).toEqual([['bit.ly/x', 23, 31, 'suggestion']]);
  });

  it('without `shorteners`, a shortener is just another domain', () => {
    const allowOnly = { ...rule, shorteners: undefined };
    expect(found('bit.ly/x', allowOnly)).toEqual([['bit.ly/x', 0, 8, 'warning']]);
  });

  it('lets an explicitly allowed shortener pass', () => {
    expect(found('https://lnkd.in/abc', { ...rule, allow: ['lnkd.in'] })).toEqual([]);
  });

  it('names the domain in both languages', () => {
    expect(checkWith([rule], 'globex.com').findings[0]!.message).toBe(
      'Links to “globex.com” are not allowed: the policy lists the sites you may link to.',
    );
    expect(checkWith([rule], 'https://www.bit.ly/x', { policy: { locale: 'it' } }).findings[0]!.message).toBe(
      '«bit.ly» è un accorciatore di link e nasconde la destinazione: usa l’indirizzo completo.',
    );
  });

  it('keeps the shortener list lower case and without "www."', () => {
    for (const host of LINK_SHORTENERS) expect(host).toMatch(/^(?!www\.)[a-z0-9.-]+$/);
    expect(LINK_SHORTENERS.has('bit.ly')).toBe(true);
  });

  it('asks for `allow` or `shorteners`', () => {
    const bare = linksRule.schema(z).parse({ id: 'l', kind: 'links', level: 'warning' });
    expect(linksRule.validate!(bare, policyWith([]))).toEqual([{ path: ['allow'], message: expect.any(String) }]);
  });

  it.each([{ allow: ['https://acme.it'] }, { allow: ['acme.it/path'] }, { allow: ['acme'] }, { shorteners: 'block' }, { deny: [] }])(
    'rejects %j',
    (bad) => {
      expect(() => policyWith([{ ...rule, ...bad }])).toThrow();
    },
  );
});
