import { describe, expect, it } from 'vitest';
import { checkWith, policyWith } from '../helpers';

const rule = { id: 'exclamations', kind: 'punctuation', level: 'suggestion', maxRepeat: 1 };
const found = (text: string, r: object = rule) =>
  checkWith([r], text).findings.map((f) => [f.match, f.start, f.end, f.suggestions]);

describe('punctuation: flags', () => {
  it.each([
    ['Wow!!', [['!!', 3, 5, ['!']]]],
    ['Davvero?!', [['?!', 7, 9, ['?']]]],
    ['What?!?!', [['?!?!', 4, 8, ['?']]]],
    ['Really?!!! ok!!', [['?!!!', 6, 10, ['?']], ['!!', 13, 15, ['!']]]],
    ['Incredibile！！！', [['！！！', 11, 14, ['！']]]],
    ['ma dai？？', [['？？', 6, 8, ['？']]]],
    ['Amazing ‼️ news', [['‼️', 8, 10, ['!']]]], // one character, two marks; its VS16 goes with it
    ['❤️ Grazie!!!', [['!!!', 9, 12, ['!']]]],
    ['Perche\u0301?? no', [['??', 7, 9, ['?']]]],
    ['line\r\nYes!!!', [['!!!', 9, 12, ['!']]]],
    ['Sì!\u200B!', [['!\u200B!', 2, 5, ['!']]]], // a zero-width space does not split the run
    ['Cosa?!… davvero', [['?!', 4, 6, ['?']]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('punctuation: does not flag', () => {
  it.each([
    'Wait...',
    'Sì... forse?',
    'Ok! Yes? No!',
    '! ! !',
    '?.?',
    '¿Qué?',
    'Bene！ Grazie？',
    '❤️ Perche\u0301?',
    'line\r\nDone.',
    'https://acme.it/a??b=1 is the link', // nothing inside a URL is punctuation
    '',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('punctuation: settings', () => {
  it('allows runs up to maxRepeat', () => {
    const twice = { ...rule, maxRepeat: 2 };
    expect(found('Wow!! Really?!', twice)).toEqual([]);
    expect(found('Wow!!!', twice)).toEqual([['!!!', 3, 6, ['!']]]);
  });

  it('has a default message in each language, with the fix', () => {
    expect(checkWith([rule], 'Evviva!!!', { policy: { locale: 'it' } }).findings[0]!.message).toBe(
      'La punteggiatura ripetuta sembra un grido: basta un «!».',
    );
    expect(checkWith([rule], 'Why??').findings[0]!.message).toBe('Repeated punctuation reads as shouting: one “?” is enough.');
  });

  it.each([{ maxRepeat: 0 }, { maxRepeat: 1.5 }, { repeat: 2 }])('rejects %j', (bad) => {
    expect(() => policyWith([{ ...rule, ...bad }])).toThrow();
  });
});
