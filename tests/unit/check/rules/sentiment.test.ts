import { describe, expect, it } from 'vitest';
import { checkWith, policyWith, spans } from '../helpers';

const rule = { id: 'tone', kind: 'sentiment', level: 'warning', below: -3 };
const check = (text: string, r: object = rule) => checkWith([r], text).findings;
const found = (text: string, r?: object) => spans(check(text, r));

describe('sentiment: flags', () => {
  it.each([
    ['This is a terrible, awful launch', [['terrible', 10, 18], ['awful', 20, 25]], -6],
    ['Not good. Bad.', [['Not good', 0, 8], ['Bad', 10, 13]], -5],
    ['not great, not a good idea', [['not great', 0, 9], ['not a good', 11, 21]], -6],
    ['Non è bello, è un disastro', [['Non è bello', 0, 11], ['disastro', 18, 26]], -5],
    ['❤️ I hate this awful thing', [['hate', 5, 9], ['awful', 15, 20]], -6],
    ['Terrible\r\nawful', [['Terrible', 0, 8], ['awful', 10, 15]], -6],
    ['Che vergogna: e\u0300 ridicolo', [['vergogna', 4, 12], ['ridicolo', 17, 25]], -5],
    ['Deluso, really disappointed', [['Deluso', 0, 6], ['disappointed', 15, 27]], -4],
    ['TERRIBILE E ORRIBILE', [['TERRIBILE', 0, 9], ['ORRIBILE', 12, 20]], -4],
    ['good but terrible, awful and bad', [['terrible', 9, 17], ['awful', 19, 24], ['bad', 29, 32]], -6],
    ['Not that it matters, but bad and awful', [['bad', 25, 28], ['awful', 33, 38]], -6],
  ])('%j', (text, expected, score) => {
    const findings = check(text);
    expect(spans(findings)).toEqual(expected);
    for (const f of findings) expect(f.message).toBe(`The tone reads as negative (score ${score}): consider gentler wording.`);
  });

  it('flags any negative total with below: 0', () => {
    expect(found('A bit lento', { ...rule, below: 0 })).toEqual([['lento', 6, 11]]);
  });
});

describe('sentiment: does not flag', () => {
  it.each([
    'Not bad at all, not terrible',
    'Non è male, anzi',
    'A terrible day',
    'good but terrible and awful',
    'Great launch, fantastico!',
    'not a very good idea, but not bad',
    'Nessun problema, niente di terribile',
    'The Q3 report is out',
    '',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('sentiment: the finding', () => {
  it('says it in Italian', () => {
    const [finding] = checkWith([rule], 'Un disastro orribile', { policy: { locale: 'it' } }).findings;
    expect(finding).toMatchObject({ level: 'warning', message: 'Il tono risulta negativo (punteggio -4): valuta parole più pacate.' });
  });

  it('takes the policy language’s valence for a word both lexicons score ("fame")', () => {
    expect(found('Fame, fame, fame', { ...rule, below: 0 })).toEqual([]);
    const it = checkWith([{ ...rule, below: 0 }], 'Fame, fame', { policy: { locale: 'it' } }).findings;
    expect(spans(it)).toEqual([['Fame', 0, 4], ['fame', 6, 10]]);
  });

  it('shares one lexicon among several sentiment rules', () => {
    const strict = { ...rule, id: 'tone-strict', below: 0 };
    expect(checkWith([rule, strict], 'A terrible day').findings.map((f) => f.ruleId)).toEqual(['tone-strict']);
  });

  it.each([1, '-3'])('rejects below: %j', (below) => {
    expect(() => policyWith([{ ...rule, below }])).toThrow();
  });
});
