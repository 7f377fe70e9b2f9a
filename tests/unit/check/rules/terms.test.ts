import { describe, expect, it } from 'vitest';
import { checkWith, spans } from '../helpers';

const rule = { id: 'confidential', kind: 'terms', level: 'error', terms: ['Project Phoenix', 'Atlas 2', 'codename Orion'] };
const profanity = { id: 'profanity', kind: 'terms', level: 'error', lists: ['profanity'] };

describe('terms: flags', () => {
  it.each([
    ['We start Project Phoenix today', [['Project Phoenix', 9, 24]]],
    ['project phoenix', [['project phoenix', 0, 15]]],
    ['PROJECT  PHOENIX!', [['PROJECT  PHOENIX', 0, 16]]],
    ['Prôject Phœnix', [['Prôject Phœnix', 0, 14]]],
    ['Ｐｒｏｊｅｃｔ Phoenix', [['Ｐｒｏｊｅｃｔ Phoenix', 0, 15]]],
    ['Pro\u200Bject Phoenix', [['Pro\u200Bject Phoenix', 0, 16]]],
    ['the c0dename Orion', [['c0dename Orion', 4, 18]]],
    ['P.r.o.j.e.c.t Phoenix', [['P.r.o.j.e.c.t Phoenix', 0, 21]]],
    ['p r o j e c t phoenix', [['p r o j e c t phoenix', 0, 21]]],
    ['❤️ Atlas 2 ships', [['Atlas 2', 3, 10]]],
    ['line one\r\nProject\r\nPhoenix', [['Project\r\nPhoenix', 10, 26]]],
  ])('%j', (text, expected) => {
    expect(spans(checkWith([rule], text).findings)).toEqual(expected);
  });
});

describe('terms: does not flag', () => {
  it.each([
    'Projects Phoenixes are birds',
    'Atlas 20 is a model number',
    'Orion is a constellation',
    'phoenixproject',
  ])('%j', (text) => {
    expect(checkWith([rule], text).findings).toEqual([]);
  });
});

describe('terms: the shipped profanity lists', () => {
  it.each([
    ['What the fuck is this', 'fuck'],
    ['Che cazzo dici', 'cazzo'],
  ])('flags %j', (text, match) => {
    expect(checkWith([profanity], text).findings.map((f) => f.match)).toEqual([match]);
  });

  it.each(['Dick Smith joined the team', 'Il pesce è fresco', 'La regina Elisabetta'])('does not flag %j', (text) => {
    expect(checkWith([profanity], text).findings).toEqual([]);
  });
});

describe('terms: the finding', () => {
  it('has the default message in the policy locale and the rule level', () => {
    const [finding] = checkWith([rule], 'Atlas 2', { policy: { locale: 'it' } }).findings;
    expect(finding).toMatchObject({ ruleId: 'confidential', kind: 'terms', level: 'error', message: '«Atlas 2» è nella lista dei termini vietati.' });
  });
});
