import { describe, expect, it } from 'vitest';
import { clip, countByLevel, findingKey, hostAttributes, isValidReason } from '../../../utils/overlay/findings';
import { countsPhrase, fill, OVERLAY_STRINGS, plural } from '../../../utils/overlay/i18n';
import { placeList, placePopup } from '../../../utils/overlay/placement';
import { finding } from './harness';

describe('count phrases', () => {
  it.each([
    ['en', { error: 2, warning: 1, suggestion: 0 }, '2 errors, 1 warning'],
    ['en', { error: 1, warning: 0, suggestion: 3 }, '1 error, 3 suggestions'],
    ['en', { error: 0, warning: 0, suggestion: 0 }, 'No issues found'],
    ['it', { error: 2, warning: 1, suggestion: 0 }, '2 errori, 1 avviso'],
    ['it', { error: 1, warning: 2, suggestion: 1 }, '1 errore, 2 avvisi, 1 suggerimento'],
    ['it', { error: 0, warning: 0, suggestion: 0 }, 'Nessun problema rilevato'],
  ] as const)('%s %j → %s', (locale, counts, phrase) => {
    expect(countsPhrase(locale, counts)).toBe(phrase);
  });

  it('uses the plural forms, with `other` for Italian "many"', () => {
    const phrase = OVERLAY_STRINGS.it.count.error;
    expect(plural('it', phrase, 0)).toBe('0 errori');
    expect(plural('it', phrase, 1)).toBe('1 errore');
    expect(plural('it', phrase, 1_000_000)).toBe('1000000 errori');
    expect(plural('en', OVERLAY_STRINGS.en.count.warning, 0)).toBe('0 warnings');
  });

  it('has every English key in Italian, none empty', () => {
    const flat = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v).map((s) => `${k}.${s}`) : [`${k}=${v === '' ? '' : 'x'}`]));
    expect(flat(OVERLAY_STRINGS.it)).toEqual(flat(OVERLAY_STRINGS.en));
  });

  it('fills placeholders once, values taken as text', () => {
    expect(fill('Planned today: {what}', { what: '{what} <b>' })).toBe('Planned today: {what} <b>');
    expect(fill('{missing}', {})).toBe('{missing}');
  });
});

describe('findings helpers', () => {
  const findings = [finding({ level: 'error' }), finding({ level: 'error', start: 20 }), finding({ level: 'suggestion' })];

  it('counts by level and writes the host attributes', () => {
    expect(countByLevel(findings)).toEqual({ error: 2, warning: 0, suggestion: 1 });
    expect(hostAttributes(findings, [{ id: 'earnings', label: 'E', restricted: true, covered: null, spans: [] }, { id: 'hiring', label: 'H', restricted: false, covered: null, spans: [] }])).toEqual({
      'data-errors': '2',
      'data-warnings': '0',
      'data-suggestions': '1',
      'data-topics': 'earnings hiring',
    });
  });

  it('keys a finding by rule and range', () => {
    expect(findingKey(finding())).toBe(findingKey({ ...finding(), message: 'other object' }));
    expect(findingKey(finding())).not.toBe(findingKey(finding({ start: 11 })));
  });

  it.each([
    ['abc', true],
    [' a b c ', true],
    ['ab', false],
    ['  ab  ', false],
    ['\u00a0a\u00a0b\u00a0', false],
    ['', false],
  ])('reason %j valid: %s', (reason, valid) => {
    expect(isValidReason(reason)).toBe(valid);
  });

  it('clips by code points', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('👍🏽👍🏽👍🏽', 2)).toBe('👍…');
    expect(clip('abcdef', 4)).toBe('abc…');
  });
});

describe('popup placement', () => {
  const viewport = { width: 800, height: 600 };
  const size = { width: 300, height: 150 };

  it('goes below the anchor when it fits', () => {
    expect(placePopup({ left: 100, top: 100, width: 40, height: 20 }, viewport, size)).toEqual({ left: 100, top: 124, above: false });
  });

  it('goes above when there is no room below', () => {
    expect(placePopup({ left: 100, top: 500, width: 40, height: 20 }, viewport, size)).toEqual({ left: 100, top: 496, above: true });
  });

  it('stays inside the viewport horizontally', () => {
    expect(placePopup({ left: 700, top: 100, width: 40, height: 20 }, viewport, size).left).toBe(492);
    expect(placePopup({ left: -50, top: 100, width: 40, height: 20 }, viewport, size).left).toBe(8);
    expect(placePopup({ left: 100, top: 100, width: 40, height: 20 }, { width: 200, height: 600 }, size).left).toBe(8);
  });
});

describe('popup placement around the send button', () => {
  const viewport = { width: 800, height: 600 };
  const size = { width: 300, height: 150 };
  const anchor = { left: 100, top: 300, width: 40, height: 20 };

  it('goes above when below would cover the send button', () => {
    const send = { left: 120, top: 340, width: 60, height: 30 };
    expect(placePopup(anchor, viewport, size, [send])).toEqual({ left: 100, top: 296, above: true });
  });

  it('stays below when the button is elsewhere, or when above would cover one too', () => {
    expect(placePopup(anchor, viewport, size, [{ left: 600, top: 340, width: 60, height: 30 }]).above).toBe(false);
    const both = [{ left: 120, top: 340, width: 60, height: 30 }, { left: 120, top: 200, width: 60, height: 30 }];
    expect(placePopup(anchor, viewport, size, both).above).toBe(false);
  });
});

describe('findings list placement', () => {
  const viewport = { width: 390, height: 844 };
  const size = { width: 300, height: 260 };
  // The badge at a composer's bottom-right corner, 22 px tall.
  const badge = (top: number) => ({ left: 300, top, width: 80, height: 22 });

  it('opens above when the whole list fits there, as before', () => {
    expect(placeList(badge(500), viewport, size)).toEqual({ below: false, maxHeight: 260 });
  });

  it('opens below near the top of the page, when nothing is in the way', () => {
    expect(placeList(badge(100), viewport, size)).toEqual({ below: true, maxHeight: 260 });
  });

  it("never covers the send button under the badge (X's mobile layout): above, scrolling in the room there", () => {
    const post = { left: 300, top: 140, width: 70, height: 36 };
    const place = placeList(badge(100), viewport, size, [post]);
    expect(place.below).toBe(false);
    expect(place.maxHeight).toBe(100 - 4 - 8);
  });

  it('opens below when the button is just above the badge', () => {
    const post = { left: 300, top: 300, width: 70, height: 36 };
    expect(placeList(badge(400), viewport, size, [post])).toEqual({ below: true, maxHeight: 260 });
  });

  it('stops short of a button on the side it opens to', () => {
    const post = { left: 300, top: 300, width: 70, height: 36 };
    // Above: from 78 up to the viewport's margin is 66 px; below: from 126 to the button is 170 px.
    expect(placeList(badge(100), viewport, size, [post])).toEqual({ below: true, maxHeight: 300 - 4 - (122 + 4) });
  });

  it('ignores a button outside the list\'s column', () => {
    const post = { left: 0, top: 140, width: 50, height: 36 };
    expect(placeList(badge(100), viewport, size, [post])).toEqual({ below: true, maxHeight: 260 });
  });

  it('never opens across a button level with the badge', () => {
    const post = { left: 300, top: 90, width: 70, height: 60 };
    const place = placeList(badge(100), viewport, size, [post]);
    expect(place.maxHeight).toBe(0);
  });
});
