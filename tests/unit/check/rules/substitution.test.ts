import { describe, expect, it } from 'vitest';
import { checkWith } from '../helpers';

const sensitive = {
  id: 'brand-names', kind: 'substitution', level: 'warning', caseSensitive: true,
  swap: { 'acme cloud': 'Acme Cloud', ACME: 'Acme', 'Acme nova': 'Acme Nova' },
};
const insensitive = { id: 'style', kind: 'substitution', level: 'suggestion', swap: { 'e-mail': 'email', 'on-line': 'online' } };

const found = (rule: unknown, text: string) =>
  checkWith([rule], text).findings.map((f) => [f.match, f.start, f.end, f.suggestions[0]]);

describe('substitution: flags', () => {
  it.each([
    [sensitive, 'Try acme cloud now', [['acme cloud', 4, 14, 'Acme Cloud']]],
    [sensitive, 'ACME rocks', [['ACME', 0, 4, 'Acme']]],
    [sensitive, 'See Acme nova.', [['Acme nova', 4, 13, 'Acme Nova']]],
    [sensitive, '🚀 ACME', [['ACME', 3, 7, 'Acme']]],
    [insensitive, 'Send an E-MAIL', [['E-MAIL', 8, 14, 'email']]],
    [insensitive, 'on-line e on-line', [['on-line', 0, 7, 'online'], ['on-line', 10, 17, 'online']]],
  ])('%#: %j', (rule, text, expected) => {
    expect(found(rule, text)).toEqual(expected);
  });
});

describe('substitution: does not flag', () => {
  it.each([
    [sensitive, 'Acme Cloud is ready'],
    [sensitive, 'Acme Nova is ready'],
    [sensitive, 'Acme is ready'],
    [sensitive, 'Acme cloud with a capital A is not the listed spelling'],
    [insensitive, 'email and online'],
    [insensitive, 'e-mailing'],
  ])('%#: %j', (rule, text) => {
    expect(found(rule, text)).toEqual([]);
  });
});

it('fills {suggestion} and {match} in the message', () => {
  const [finding] = checkWith([sensitive], 'ACME').findings;
  expect(finding!.message).toBe('Write “Acme”, not “ACME”.');
});
