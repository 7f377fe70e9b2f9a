import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii, type PiiHit, type PiiKind } from '../../../utils/check/detect/pii';
import { findNumbers } from '../../../utils/check/detect/pii/numbers';

const ALL: ReadonlySet<PiiKind> = new Set<PiiKind>(['email', 'phone', 'iban', 'card']);

/** Hits as `[kind, matched text, start, end]`: the text proves the offsets point at the right place. */
const shown = (text: string, hits: PiiHit[]) => hits.map((h) => [h.kind, text.slice(h.start, h.end), h.start, h.end]);

type Expected = [PiiKind, string, number, number];

describe('findPii flags', () => {
  it.each<[string, string, Expected[]]>([
    // Phones: international
    ['international mobile', 'Call me on +39 333 123 4567 tomorrow', [['phone', '+39 333 123 4567', 11, 27]]],
    ['international landline', 'Sede di Milano +39 02 1234567, chiedete di Marco', [['phone', '+39 02 1234567', 15, 29]]],
    ['US number with parentheses', 'US office: +1 (555) 123-4567.', [['phone', '+1 (555) 123-4567', 11, 28]]],
    ['UK number', 'London desk: +44 20 7946 0958', [['phone', '+44 20 7946 0958', 13, 29]]],
    ['French pairs', 'Paris: +33 1 23 45 67 89', [['phone', '+33 1 23 45 67 89', 7, 24]]],
    ['Russian number, mixed separators', 'Mosca: +7 495 123-45-67', [['phone', '+7 495 123-45-67', 7, 23]]],
    ['00 international prefix', 'Numero: 0039 333 1234567', [['phone', '0039 333 1234567', 8, 24]]],
    ['tel: prefix, compact', 'tel:+393331234567', [['phone', '+393331234567', 4, 17]]],
    // Phones: Italian national
    ['mobile 3-3-4, trailing period left out', 'Chiamami al 333 123 4567.', [['phone', '333 123 4567', 12, 24]]],
    ['mobile compact', 'cell 3331234567', [['phone', '3331234567', 5, 15]]],
    ['mobile with dashes, trailing !', 'Cell.: 333-123-4567!', [['phone', '333-123-4567', 7, 19]]],
    ['mobile with no-break spaces', 'il mio numero è 333\u00a0123\u00a04567', [['phone', '333\u00a0123\u00a04567', 16, 28]]],
    ['landline 2-4-4', 'Ufficio: 02 1234 5678', [['phone', '02 1234 5678', 9, 21]]],
    ['landline with parenthesised area code', 'Tel. (02) 1234 5678', [['phone', '(02) 1234 5678', 5, 19]]],
    ['landline with dots', 'Tel. 02.123.456', [['phone', '02.123.456', 5, 15]]],
    ['landline with slash', 'fisso 0471/123456', [['phone', '0471/123456', 6, 17]]],
    ['two phones around a spaced slash', 'Chiamate 333-1234567 / 02-1234567', [
      ['phone', '333-1234567', 9, 20],
      ['phone', '02-1234567', 23, 33],
    ]],
    // Offsets after emoji, combining accents and CRLF
    ['after an emoji with skin tone', 'Perch\u00e9 \u{1F44D}\u{1F3FD} chiamami: 333 123 4567', [['phone', '333 123 4567', 22, 34]]],
    ['after combining accents and ❤️', 'Cafe\u0301 & cre\u0300me \u2764\uFE0F \u2014 call +33 1 23 45 67 89', [
      ['phone', '+33 1 23 45 67 89', 25, 42],
    ]],
    ['on a CRLF line', 'Ciao,\r\nil mio numero è 333 1234567\r\ngrazie', [['phone', '333 1234567', 23, 34]]],
    // E-mail
    ['e-mail, trailing period left out', 'Write to mario.rossi@acme.it.', [['email', 'mario.rossi@acme.it', 9, 28]]],
    ['e-mail after an Italian elision', "Scrivete all'info@acme.it per informazioni", [['email', 'info@acme.it', 13, 25]]],
    ['e-mail in parentheses, plus tag, subdomain', '(giulia_bianchi+promo@mail.example.co.uk)', [
      ['email', 'giulia_bianchi+promo@mail.example.co.uk', 1, 40],
    ]],
    ['e-mail with an apostrophe in the name', "Contact: Sean.O'Brien@example.com", [['email', "Sean.O'Brien@example.com", 9, 33]]],
    ['e-mail after a ZWJ family and CRLF', 'Perche\u0301 \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\r\nmario@acme.it\r\n', [
      ['email', 'mario@acme.it', 18, 31],
    ]],
    // IBAN
    ['IBAN grouped by 4', 'IBAN: IT60 X054 2811 1010 0000 0123 456', [['iban', 'IT60 X054 2811 1010 0000 0123 456', 6, 39]]],
    ['IBAN compact, lower case', 'iban it60x0542811101000000123456, grazie', [['iban', 'it60x0542811101000000123456', 5, 32]]],
    ['German IBAN', 'Bonifico su DE89 3704 0044 0532 0130 00 entro venerdì', [['iban', 'DE89 3704 0044 0532 0130 00', 12, 39]]],
    ['British IBAN with letters', 'Pay to GB82 WEST 1234 5698 7654 32 please', [['iban', 'GB82 WEST 1234 5698 7654 32', 7, 34]]],
    ['IBAN after a flag and CRLF end', '\u{1F1EE}\u{1F1F9} Caf\u00e9 IBAN IT60 X054 2811 1010 0000 0123 456\r\n', [
      ['iban', 'IT60 X054 2811 1010 0000 0123 456', 15, 48],
    ]],
    // Cards
    ['Visa grouped by 4', 'Card: 4111 1111 1111 1111.', [['card', '4111 1111 1111 1111', 6, 25]]],
    ['Mastercard with dashes, expiry not flagged', 'carta 5555-5555-5555-4444 scad. 12/27', [['card', '5555-5555-5555-4444', 6, 25]]],
    ['Amex 4-6-5', 'Amex 3782 822463 10005', [['card', '3782 822463 10005', 5, 22]]],
    ['Visa compact', 'numero carta 4111111111111111', [['card', '4111111111111111', 13, 29]]],
    // Several at once
    ['phone, e-mail and IBAN in one line', 'Mario: 333 123 4567, mario@acme.it, IT60X0542811101000000123456', [
      ['phone', '333 123 4567', 7, 19],
      ['email', 'mario@acme.it', 21, 34],
      ['iban', 'IT60X0542811101000000123456', 36, 63],
    ]],
  ])('%s', (_name, text, expected) => {
    expect(shown(text, findPii(text, ALL, []))).toEqual(expected);
  });
});

describe('findPii does not flag', () => {
  it.each<[string, string, Array<{ start: number; end: number }>?]>([
    ['a year and a count', 'Nel 2025 abbiamo assunto 12 persone'],
    ['an Italian price', 'Prezzo: 1.299,00 €'],
    ['an English price', 'Price: $1,299.00'],
    ['a time range', 'Meeting at 10:30–11:45'],
    ['an Italian time range', 'Orario 09.30-10.30'],
    ['a time with seconds', 'Durata 09.30.00'],
    ['a version number', 'Update to v3.10.2 now'],
    ['a percentage', 'Crescita del 12,5% nel Q3'],
    ['an invoice number', 'Fattura INV-123456'],
    ['a date', 'Scadenza 12/03/2026'],
    ['a date starting with 0', 'Scadenza 01/03/2026'],
    ['dotted and ISO dates', 'Dal 01.03.2026 al 2026-03-12'],
    ['an ISBN-13', 'ISBN 978-88-04-12345-6'],
    ['an ISBN-10 starting with 0', 'ISBN 0306406152'],
    ['an ISBN-10 starting with 3, unlabelled', 'Risultato 3-16-148410-0'],
    ['an @handle', 'Ciao @mario.rossi, ci vediamo'],
    ['a retina image name', 'Usa logo@2x.png'],
    ['an address without a TLD', 'Login as root@localhost'],
    ['digits inside a word', 'Modello A3331234567B'],
    ['digits glued to letters', 'Codice 3331234567abc'],
    ['+ and a group that is no country code', 'Punteggi +4 1 22 333 4444'],
    ['+ and an unassigned country code', 'Delta +28 1234 5678'],
    ['a big number with +', '+12.500.000 utenti'],
    ['thousands separators', '1.250.000 follower'],
    ['a price that looks like a mobile', 'Totale 333 1234567 €'],
    ['an IBAN with a wrong checksum', 'IBAN IT61 X054 2811 1010 0000 0123 456'],
    ['a spaced IBAN with a wrong last digit', 'IBAN IT60 X054 2811 1010 0000 0123 457'],
    ['a card failing Luhn', 'Card 4111 1111 1111 1112'],
    ['a run of round numbers', '1000 2000 3000 4000'],
    ['a run of years', 'Anni 2019 2020 2021 2022 2023'],
    ['all zeros', 'Test 0000 0000 0000 0000'],
    ['a mobile too short', 'Solo 333 12345'],
    ['a hashtag of digits', 'Tag #3331234567'],
    ['an order number', 'Ordine n. 123456789'],
    ['a national number of another country', 'Call (555) 123-4567'],
    ['coordinates', 'Coordinate 45.4642, 9.1900'],
    ['lottery numbers', 'Estrazione 03 12 25 33 41 90'],
    ['a decimal', 'Seriale 0.123456'],
    ['an address inside a URL', 'Vedi acme.example/u/mario.rossi@acme.it ora', [{ start: 5, end: 39 }]],
    ['a phone overlapping an excluded span', 'Call +39 333 123 4567', [{ start: 3, end: 6 }]],
  ])('%s', (_name, text, excluded = []) => {
    expect(shown(text, findPii(text, ALL, excluded))).toEqual([]);
  });
});

describe('findPii kinds and exclusions', () => {
  const text = 'Mario: 333 123 4567, mario@acme.it, IT60X0542811101000000123456, 4111 1111 1111 1111';

  it('reports only the kinds asked for', () => {
    expect(shown(text, findPii(text, new Set<PiiKind>(['email']), []))).toEqual([['email', 'mario@acme.it', 21, 34]]);
    expect(shown(text, findPii(text, new Set<PiiKind>(['card']), []))).toEqual([['card', '4111 1111 1111 1111', 65, 84]]);
    expect(findPii(text, new Set<PiiKind>(), [])).toEqual([]);
  });

  it('keeps a hit next to, but not overlapping, an excluded span', () => {
    const t = 'https://acme.example 333 123 4567';
    expect(shown(t, findPii(t, ALL, [{ start: 0, end: 20 }]))).toEqual([['phone', '333 123 4567', 21, 33]]);
  });

  it('never reports a valid phone as a card, even when only cards are asked for', () => {
    const t = 'Chiamami al +39 333 123 4567 o allo 0039 02 1234 5678';
    expect(findPii(t, new Set<PiiKind>(['card']), [])).toEqual([]);
  });
});

describe('the number search, which starts at the first digit', () => {
  it.each<[string, Expected[]]>([
    ['Chiamate +(39) 02 1234 5678', [['phone', '+(39) 02 1234 5678', 9, 27]]],
    ['tel. +(39)02 12345678', [['phone', '+(39)02 12345678', 5, 21]]],
    ['(02) 1234 5678', [['phone', '(02) 1234 5678', 0, 14]]],
  ])('keeps the "+" and "(" before the first digit: %j', (text, expected) => {
    expect(shown(text, findPii(text, ALL, []))).toEqual(expected);
  });

  it('finds what a search from the start of the text finds', () => {
    const unit = fc.constantFrom('0', '3', '9', '1', ' ', '+', '(', ')', '-', '.', '/', 'a', 'IT', '\n', '€');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((units) => units.join('')), (text) => {
        const first = text.search(/\d/);
        if (first < 0) return;
        const fromStart: PiiHit[] = [];
        const fromFirst: PiiHit[] = [];
        findNumbers(text, ALL, fromStart, 0);
        findNumbers(text, ALL, fromFirst, first);
        expect(fromFirst).toEqual(fromStart);
      }),
      { seed: 20261127, numRuns: 5000 },
    );
  });
});
