import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { mentionsRule } from '../../../../utils/check/rules/mentions';
import { checkWith, policyWith, spans } from '../helpers';

const rule = {
  id: 'competitors',
  kind: 'mentions',
  level: 'warning',
  handles: ['@globex', '@Initech'],
  names: ['Globex', 'Initech', 'Umbrella Corp'],
};
const found = (text: string, r: object = rule) => spans(checkWith([r], text).findings);

describe('mentions: flags', () => {
  it.each([
    ['Meglio di @globex', [['@globex', 10, 17]]],
    ['Thanks @GLOBEX and @initech', [['@GLOBEX', 7, 14], ['@initech', 19, 27]]],
    ['a\r\n@globex', [['@globex', 3, 10]]],
    ['❤️ @globex/team', [['@globex', 3, 10]]], // a list is reported as its owner's handle
    ['＠globex is fast', [['＠globex', 0, 7]]],
    ['Globex is behind us', [['Globex', 0, 6]]],
    ['La GLOBEX ha perso', [['GLOBEX', 3, 9]]],
    ['Meglio di Glöbex', [['Glöbex', 10, 16]]],
    ['Perche\u0301 Initech?', [['Initech', 8, 15]]],
    ["Secondo l'Initech è lenta", [['Initech', 10, 17]]],
    ['❤️ umbrella\r\ncorp', [['umbrella\r\ncorp', 3, 17]]],
    ['#Globex rocks', [['Globex', 1, 7]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('mentions: does not flag', () => {
  it.each([
    '@globexcorp is a different account',
    '@globex_it is a different account',
    'Globexcorp and Initechnology are other companies',
    'https://globex.com/news', // a link is the links rule's business
    'Meet our team at @acme',
    'Umbrella for the corp event',
    '❤️ Perche\u0301 no?',
    'line\r\nnothing to see',
    'globe x',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('mentions: settings', () => {
  it('flags a handle once, not also as a name', () => {
    expect(found('Ciao @Globex')).toEqual([['@Globex', 5, 12]]);
  });

  it('works with handles alone or names alone', () => {
    expect(found('@globex and Globex', { ...rule, names: [] })).toEqual([['@globex', 0, 7]]);
    expect(found('@initech and Initech', { ...rule, handles: [] })).toEqual([['initech', 1, 8], ['Initech', 13, 20]]);
  });

  it('has a default message in both languages', () => {
    const bare = { id: 'competitors', kind: 'mentions', level: 'warning', handles: ['@globex'] };
    expect(checkWith([bare], '@globex').findings[0]!.message).toBe('“@globex” is on the list of accounts and names not to mention.');
    expect(checkWith([bare], '@globex', { policy: { locale: 'it' } }).findings[0]!.message).toBe(
      '«@globex» è tra gli account e i nomi da non citare.',
    );
  });

  it('asks for handles or names', () => {
    const empty = mentionsRule.schema(z).parse({ id: 'm', kind: 'mentions', level: 'warning' });
    expect(mentionsRule.validate!(empty, policyWith([]))).toEqual([{ path: ['handles'], message: expect.any(String) }]);
  });

  it.each([{ handles: ['globex'] }, { handles: ['@glo bex'] }, { names: [''] }, { accounts: ['@globex'] }])('rejects %j', (bad) => {
    expect(() => policyWith([{ ...rule, ...bad }])).toThrow();
  });
});
