// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { renderOverlay, unmountOverlay } from '../../../components/overlay';
import { finding, model, mount, spyActions } from './harness';

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
});
