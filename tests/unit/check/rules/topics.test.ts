import { describe, expect, it } from 'vitest';
import { checkWith } from '../helpers';

const rule = { id: 'topics', kind: 'topics', level: 'warning', restricted: 'error' };
const found = (text: string, memberId?: string) =>
  checkWith([rule], text, memberId ? { memberId } : {}).findings.map((f) => [f.match, f.level, f.start, f.end]);

describe('topics: flags', () => {
  it.each([
    ['Big discount today', 'giulia', [['discount', 'warning', 4, 12]]],
    ['Il fatturato cresce', 'giulia', [['fatturato', 'error', 3, 12]]],
    ["Cresce l'utile", 'giulia', [['utile', 'error', 9, 14]]],
    ['Sconti e sconto', 'giulia', [['Sconti', 'warning', 0, 6], ['sconto', 'warning', 9, 15]]],
  ])('%j by %s', (text, member, expected) => {
    expect(found(text, member)).toEqual(expected);
  });
});

describe('topics: does not flag', () => {
  it.each([
    ['Join our webinar #AcmeLive', 'giulia'],
    ['Revenue is up', 'marco'],
    ['Revenue is up', undefined],
    ['Nothing to see', 'giulia'],
    ['inutile', 'giulia'],
  ])('%j by %s', (text, member) => {
    expect(found(text, member)).toEqual([]);
  });
});

describe('topics: the report', () => {
  it('lists detected topics and whether the member covers them', () => {
    const { topics } = checkWith([rule], 'Webinar on revenue', { memberId: 'giulia' });
    expect(topics.map((t) => [t.id, t.covered, t.restricted])).toEqual([
      ['financial-results', false, true],
      ['events', true, false],
    ]);
  });

  it('reports topics with covered null when no member is chosen', () => {
    const { topics, findings } = checkWith([rule], 'Revenue', {});
    expect(findings).toEqual([]);
    expect(topics.map((t) => [t.id, t.covered])).toEqual([['financial-results', null]]);
  });

  it('names the topic in the message', () => {
    const [finding] = checkWith([rule], 'revenue', { memberId: 'giulia' }).findings;
    expect(finding!.message).toContain('Financial results');
  });
});
