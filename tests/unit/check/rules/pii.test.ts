import { describe, expect, it } from 'vitest';
import { checkWith, policyWith, spans } from '../helpers';

const rule = { id: 'personal-data', kind: 'pii', level: 'error', detect: ['email', 'phone', 'iban', 'card'] };
const found = (text: string, r: object = rule) => spans(checkWith([r], text).findings);

describe('pii: flags', () => {
  it.each([
    ['Scrivete a mario.rossi@acme.it per info', [['mario.rossi@acme.it', 11, 30]]],
    ['Call me on +39 347 123 4567 today', [['+39 347 123 4567', 11, 27]]],
    ['Chiamami al 347 1234567', [['347 1234567', 12, 23]]],
    ['Ufficio: 02 1234 5678', [['02 1234 5678', 9, 21]]],
    ['IBAN: IT60 X054 2811 1010 0000 0123 456', [['IT60 X054 2811 1010 0000 0123 456', 6, 39]]],
    ['Card 4111 1111 1111 1111 expires', [['4111 1111 1111 1111', 5, 24]]],
    ['❤️ info@acme.it', [['info@acme.it', 3, 15]]],
    ['Caffe\u0301 da Giulia: 3471234567', [['3471234567', 18, 28]]],
    ['Riga uno\r\nTel. +44 20 7946 0958', [['+44 20 7946 0958', 15, 31]]],
    ["Scrivi all'info@acme.it o chiama 06 1234567", [['info@acme.it', 11, 23], ['06 1234567', 33, 43]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('pii: does not flag', () => {
  it.each([
    'Visit https://acme.com/contact?phone=3471234567',
    'Fatturato di 1.250.000 euro nel 2025',
    "L'evento è il 12/03/2026 alle 09:30",
    'Follow @mario and #acme',
    'Invoice INV-123456 is due',
    'IBAN IT60X0542811101000000123457 (wrong checksum)',
    'Card 4111 1111 1111 1112 (fails Luhn)',
    'Nothing personal here',
    'See acme.it/team/mario@acme.it and www.acme.com/tel/3471234567',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('a spaced IBAN with a wrong checksum (its tail is not an Italian landline)', () => {
    expect(found('IBAN IT60 X054 2811 1010 0000 0123 457')).toEqual([]);
  });

  it('only looks for the kinds listed', () => {
    expect(found('mario@acme.it, 347 1234567', { ...rule, detect: ['phone'] })).toEqual([['347 1234567', 15, 26]]);
  });
});

describe('pii: the finding', () => {
  it.each([
    ['en', 'mario@acme.it', 'An e-mail address is personal data: keep it out of public posts.'],
    ['en', '+39 347 123 4567', 'A phone number is personal data: keep it out of public posts.'],
    ['it', 'IT60 X054 2811 1010 0000 0123 456', 'Un IBAN è un dato personale: non va pubblicato.'],
    ['it', '4111 1111 1111 1111', 'Un numero di carta di pagamento è un dato personale: non va pubblicato.'],
  ] as const)('in %s, for %j: %s', (locale, text, message) => {
    expect(checkWith([rule], text, { policy: { locale } }).findings.map((f) => f.message)).toEqual([message]);
  });

  it('fills {pii} with the kind in the policy locale', () => {
    const custom = { ...rule, message: { en: 'No {pii} here', it: 'Niente {pii} qui' } };
    expect(checkWith([custom], '347 1234567', { policy: { locale: 'it' } }).findings[0]!.message).toBe('Niente numero di telefono qui');
  });
});

describe('pii: schema', () => {
  it.each([
    [[], 'list what to detect'],
    [['phone', 'email', 'phone'], '“phone” is listed twice'],
    [['passport'], 'invalid_value'],
  ])('rejects detect: %j', (detect, message) => {
    expect(() => policyWith([{ ...rule, detect }])).toThrow(message);
  });
});
