// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { renderOverlay, unmountOverlay } from '../../../components/overlay';
import { finding, fire, model, mount, mouse, spyActions } from './harness';

let view: ReturnType<typeof mount> | undefined;
afterEach(() => view?.unmount());

describe('underlines', () => {
  it('draws one [data-finding] per rect with the testing-hook attributes', () => {
    const error = finding({ ruleId: 'no-profanity', level: 'error', start: 0, end: 4 });
    const multi = finding({ ruleId: 'embargo', level: 'warning', start: 20, end: 60 });
    view = mount(
      model({
        findings: [error, multi],
        underlines: [
          { finding: error, rects: [{ left: 10, top: 50, width: 30, height: 18 }] },
          { finding: multi, rects: [{ left: 200, top: 50, width: 100, height: 18 }, { left: 10, top: 70, width: 80, height: 18 }] },
        ],
      }),
    );
    const pieces = view.$$('[data-finding]');
    expect(pieces).toHaveLength(3);
    expect(pieces.map((p) => [p.dataset.rule, p.dataset.level, p.dataset.start, p.dataset.end])).toEqual([
      ['no-profanity', 'error', '0', '4'],
      ['embargo', 'warning', '20', '60'],
      ['embargo', 'warning', '20', '60'],
    ]);
    const second = pieces[2]!;
    expect(second.style.left).toBe('10px');
    expect(second.style.width).toBe('80px');
    // A thin bar at the bottom of the rect (70 + 18), not a box over the text.
    expect(parseFloat(second.style.top)).toBeGreaterThan(80);
    expect(parseFloat(second.style.height)).toBeLessThanOrEqual(6);
    expect(second.classList.contains('c-warning')).toBe(true);
  });

  it('re-renders idempotently into the same container', () => {
    const f = finding();
    view = mount(model({ findings: [f] }));
    view.render(model({ findings: [f] }));
    view.render(model({ findings: [f, finding({ start: 30, end: 34 })] }));
    expect(view.root.querySelectorAll('[data-portavoce-root]')).toHaveLength(1);
    expect(view.$$('[data-finding]')).toHaveLength(2);
    expect(view.root.querySelectorAll('style')).toHaveLength(1);
  });

  it('leaves other nodes in the shadow root alone and removes only its own on unmount', () => {
    const host = document.createElement('portavoce-overlay');
    const root = host.attachShadow({ mode: 'open' });
    const theirs = document.createElement('span');
    root.appendChild(theirs);
    document.body.appendChild(host);
    act(() => renderOverlay(root, model({ findings: [finding()] }), spyActions()));
    expect(theirs.isConnected).toBe(true);
    expect(root.querySelectorAll('[data-finding]')).toHaveLength(1);
    act(() => unmountOverlay(root));
    expect(Array.from(root.childNodes)).toEqual([theirs]);
    act(() => unmountOverlay(root)); // twice is harmless
    host.remove();
  });

  it('puts the theme class on the root', () => {
    view = mount(model({ theme: 'dark' }));
    expect(view.$('.pv')!.classList.contains('pv-dark')).toBe(true);
    view.render(model({ theme: 'light' }));
    expect(view.$('.pv')!.classList.contains('pv-light')).toBe(true);
    expect(view.$('.pv')!.classList.contains('pv-dark')).toBe(false);
  });

  it('a redraw moves the same bars, writes every bar\'s new end, and drops the pieces and findings that went', () => {
    const rect = (left: number, top: number) => ({ left, top, width: 50, height: 18 });
    const long = finding({ ruleId: 'length', level: 'error', start: 280, end: 900, match: 'x' });
    const word = finding({ ruleId: 'brand-name', start: 10, end: 14 });
    view = mount(model({ findings: [word, long], underlines: [
      { finding: word, rects: [rect(10, 20)] },
      { finding: long, rects: [rect(100, 40), rect(10, 60), rect(10, 80)] },
    ] }));
    const first = view.$$('[data-finding]');
    expect(first).toHaveLength(4);
    // The member types at the end: the long finding grows, its last piece moves; the word is fixed away.
    const longer = { ...long, end: 901 };
    view.render(model({ findings: [longer], underlines: [{ finding: longer, rects: [rect(100, 40), rect(10, 60), { ...rect(10, 80), width: 57 }] }] }));
    const second = view.$$('[data-finding]');
    expect(second).toEqual(first.slice(1));
    expect(second.map((bar) => bar.dataset.end)).toEqual(['901', '901', '901']);
    expect(second[2]!.style.width).toBe('57px');
    expect(second[0]!.style.left).toBe('100px');
    // A line fewer (a deletion): the last piece goes; a new finding before it comes first in the DOM.
    const shorter = { ...long, end: 850 };
    const tone = finding({ ruleId: 'tone', level: 'suggestion', start: 3, end: 8 });
    view.render(model({ findings: [tone, shorter], underlines: [{ finding: tone, rects: [rect(5, 20)] }, { finding: shorter, rects: [rect(100, 40), rect(10, 60)] }] }));
    const third = view.$$('[data-finding]');
    expect(third.map((bar) => [bar.dataset.rule, bar.dataset.level, bar.dataset.start, bar.dataset.end])).toEqual([
      ['tone', 'suggestion', '3', '8'],
      ['length', 'error', '280', '850'],
      ['length', 'error', '280', '850'],
    ]);
    expect(third.slice(1)).toEqual(second.slice(0, 2));
    expect(second[2]!.isConnected).toBe(false);
    expect(third[0]!.classList.contains('c-suggestion')).toBe(true);
    // A kept bar opens the card of the finding as it is now (the latest end), not as it was when the bar was made.
    fire(third[2]!, mouse('click'));
    expect(view.$('[data-card]')).not.toBeNull();
    expect(view.$('[data-card]')!.textContent).toContain(shorter.message);
  });

  it('two findings of one rule at one start keep bars of their own', () => {
    const a = finding({ ruleId: 'r', start: 5, end: 9 });
    const b = finding({ ruleId: 'r', start: 5, end: 12 });
    view = mount(model({ findings: [a, b] }));
    expect(view.$$('[data-finding]').map((bar) => bar.dataset.end)).toEqual(['9', '12']);
    view.render(model({ findings: [b] }));
    expect(view.$$('[data-finding]').map((bar) => bar.dataset.end)).toEqual(['12']);
  });
});
