import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../../utils/check/detect/entities';
import { capitalsRule } from '../../../../utils/check/rules/capitals';
import type { RuleInput } from '../../../../utils/check/rules/define';
import { foldText } from '../../../../utils/check/text/fold';
import { checkWith, policyWith } from '../helpers';

const rule = { id: 'shouting', kind: 'capitals', level: 'warning', maxRatio: 0.5, minLetters: 12 };
const found = (text: string, r: object = rule) =>
  checkWith([r], text).findings.map((f) => [f.match, f.start, f.end, f.suggestions[0]]);

describe('capitals: flags', () => {
  it.each([
    ['THIS IS A DISASTER', [['THIS IS A DISASTER', 0, 18, 'This is a disaster']]],
    ['STOP. READ THIS NOW', [['STOP. READ THIS NOW', 0, 19, 'Stop. Read this now']]],
    ['TOP 10 TIPS FOR YOUR CAREER', [['TOP 10 TIPS FOR YOUR CAREER', 0, 27, 'Top 10 tips for your career']]],
    // One-letter words do not start a run; the kept "I" and "L'" make the fix read right.
    ['I LOVE THIS NEW PRODUCT', [['LOVE THIS NEW PRODUCT', 2, 23, 'love this new product']]],
    ["L'AZIENDA È CRESCIUTA MOLTO", [['AZIENDA È CRESCIUTA MOLTO', 2, 27, 'azienda è cresciuta molto']]],
    [
      'GRANDE NOTIZIA: il nostro CEO annuncia la NUOVA SEDE',
      [['GRANDE NOTIZIA', 0, 14, 'Grande notizia'], ['NUOVA SEDE', 42, 52, 'nuova sede']],
    ],
    ['❤️ GRAZIE A TUTTI VOI', [['GRAZIE A TUTTI VOI', 3, 21, 'Grazie a tutti voi']]],
    ['Grazie! 🎉 SIAMO FELICISSIMI DI ANNUNCIARLO', [['SIAMO FELICISSIMI DI ANNUNCIARLO', 11, 43, 'Siamo felicissimi di annunciarlo']]],
    ['PERCHE\u0301 NON PROVARE ORA', [['PERCHE\u0301 NON PROVARE ORA', 0, 23, 'Perche\u0301 non provare ora']]],
    ['Intro\r\nLEGGETE TUTTI QUESTO POST', [['LEGGETE TUTTI QUESTO POST', 7, 32, 'Leggete tutti questo post']]],
    ['BIG SALE\nEVERYTHING MUST GO', [['BIG SALE\nEVERYTHING MUST GO', 0, 27, 'Big sale\nEverything must go']]],
    ['𝐁𝐈𝐆 𝐍𝐄𝐖𝐒 𝐓𝐎𝐃𝐀𝐘', [['𝐁𝐈𝐆 𝐍𝐄𝐖𝐒 𝐓𝐎𝐃𝐀𝐘', 0, 26, 'Big news today']]],
    // A hashtag ends a run and is not counted.
    ['BIG NEWS #Acme TODAY ONLY', [['BIG NEWS', 0, 8, 'Big news'], ['TODAY ONLY', 15, 25, 'today only']]],
    // Capitals scattered inside words: one finding over the judged text, no fix.
    ['HeLLo WoRLD FrOm ThE TeAm', [['HeLLo WoRLD FrOm ThE TeAm', 0, 25, undefined]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('capitals: does not flag', () => {
  it.each([
    'BIG NEWS: we are hiring in Milan and Rome',
    'Our IT team met the CEO today in Milan',
    "Il CEO di ACME parla oggi all'evento",
    'OK GO', // fewer than minLetters letters: not judged
    'Nuovo ufficio a Milano, vi aspettiamo!',
    'A B C D E F G H I J K L M N', // one-letter words are not counted
    'I T A L I A forever and ever',
    'Join us at #ACMESUMMIT with @ACMEITALIA today', // hashtags and mentions are not counted
    'Read HTTPS://ACME.IT/SALE now, it is a great offer',
    '❤️ Grazie a tutti: PERCHE\u0301 no?',
    '1234 5678 !!!',
    '',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('capitals: settings', () => {
  it('judges short drafts when minLetters allows it', () => {
    expect(found('OK GO', { ...rule, minLetters: 0 })).toEqual([['OK GO', 0, 5, 'Ok go']]);
  });

  it('flags only when the ratio is exceeded, not reached', () => {
    const text = 'HELLO world'; // 5 capitals of 10 letters
    expect(found(text, { ...rule, minLetters: 0, maxRatio: 0.49 })).toEqual([['HELLO', 0, 5, 'Hello']]);
    expect(found(text, { ...rule, minLetters: 0, maxRatio: 0.5 })).toEqual([]);
  });

  it('has a default message in Italian', () => {
    const [finding] = checkWith([rule], 'BASTA CON LE MAIUSCOLE', { policy: { locale: 'it' } }).findings;
    expect(finding!.message).toBe('Scrivere tutto in maiuscolo equivale a urlare: meglio le minuscole.');
  });

  it.each([{ maxRatio: 1.5 }, { maxRatio: -0.1 }, { minLetters: 2.5 }, { minLetters: -1 }, { ratio: 0.5 }])(
    'rejects %j',
    (bad) => {
      expect(() => policyWith([{ ...rule, ...bad }])).toThrow();
    },
  );
});

describe('capitals: the letters counted while folding', () => {
  // The rule clears most drafts on the fold's counts and reads word by word only when those shout: both
  // ways must judge every draft alike, marks, astral letters, lone surrogates and entities included.
  const unit = fc.constantFrom(
    ...['A', 'B', 'É', 'a', 'b', 'é', 'ß', 'Ａ', '𝐁', '𝐨', 'E\u0301', '\u200b', '\u3164', '\u00ad', '1', ' ', '\n', '.', '!'],
    ...['😀', '❤️', '#', '@', 'acme.it', '#Tag', '@ACME', 'HTTPS://X.COM/A', '\ud835', '\udc01', '\ud800'],
  );
  const judge = (text: string, counted: boolean, maxRatio: number, minLetters: number) => {
    const folded = foldText(text, false);
    const input = {
      draft: { text, platform: 'x', surface: 'post' },
      letters: counted && folded.letters >= 0 ? { letters: folded.letters, capitals: folded.capitals } : null,
      entities: () => findEntities(text),
    } as unknown as RuleInput;
    return capitalsRule.run({ maxRatio, minLetters }, input);
  };

  it('judges alike with and without them', () => {
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 30 }).map((units) => units.join('')),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 15 }),
        (text, maxRatio, minLetters) => {
          expect(judge(text, true, maxRatio, minLetters)).toEqual(judge(text, false, maxRatio, minLetters));
        },
      ),
      // A lone high surrogate hides the letter after it from the word-by-word reading.
      { seed: 20261127, numRuns: 5000, examples: [['\ud800aBC', 0.7, 0], ['AB #Tag CD', 0.9, 0]] },
    );
  });
});
