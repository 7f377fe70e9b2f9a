// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, finding, fire, key, model, mount, mouse, pointerDown } from './harness';

let view: ReturnType<typeof mount> | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.useRealTimers();
});

const brand = finding({ ruleId: 'brand-name', level: 'warning', start: 10, end: 14, suggestions: ['Acme', 'ACME Corp'] });
const swear = finding({ ruleId: 'no-profanity', level: 'error', start: 30, end: 34, match: 'damn', message: 'Mind your language.', suggestions: [] });

describe('finding card', () => {
  it('opens on hover with the message, rule, level and one apply button per suggestion', () => {
    view = mount(model({ findings: [brand, swear] }));
    expect(view.$('[data-card]')).toBeNull();
    fire(view.$$('[data-finding]')[0]!, mouse('mouseenter'));
    const card = view.$('[data-card]')!;
    expect(card.querySelector('.msg')!.textContent).toBe('Write the brand as “Acme”.');
    expect(card.textContent).toContain('brand-name');
    expect(card.textContent).toContain('warning');
    const apply = Array.from(card.querySelectorAll<HTMLButtonElement>('[data-action="apply"]'));
    expect(apply.map((b) => b.textContent)).toEqual(['Acme', 'ACME Corp']);
    expect(apply[0]!.getAttribute('aria-label')).toBe('Replace with “Acme”');
    expect(card.querySelector('[data-action="ignore"]')!.textContent).toBe('Ignore here');
  });

  it('has only the ignore button when there is nothing to suggest', () => {
    view = mount(model({ findings: [brand, swear] }));
    click(view.$$('[data-finding]')[1]!);
    expect(view.$$('[data-card] [data-action="apply"]')).toHaveLength(0);
    expect(view.$$('[data-card] [data-action="ignore"]')).toHaveLength(1);
    expect(view.$('[data-card]')!.dataset.rule).toBe('no-profanity');
  });

  it('a hovered card closes after the pointer leaves, but stays while the card itself is hovered', () => {
    vi.useFakeTimers();
    view = mount(model({ findings: [brand] }));
    const bar = view.$('[data-finding]')!;
    fire(bar, mouse('mouseenter'));
    fire(bar, mouse('mouseleave'));
    fire(view.$('[data-card]')!, mouse('mouseenter'));
    act(() => void vi.advanceTimersByTime(1000));
    expect(view.$('[data-card]')).not.toBeNull();
    fire(view.$('[data-card]')!, mouse('mouseleave'));
    act(() => void vi.advanceTimersByTime(1000));
    expect(view.$('[data-card]')).toBeNull();
  });

  it('a clicked card stays open when the pointer leaves', () => {
    vi.useFakeTimers();
    view = mount(model({ findings: [brand] }));
    const bar = view.$('[data-finding]')!;
    fire(bar, mouse('mouseenter'));
    click(bar);
    fire(bar, mouse('mouseleave'));
    act(() => void vi.advanceTimersByTime(1000));
    expect(view.$('[data-card]')).not.toBeNull();
  });

  it('apply and ignore call the actions with that finding, then close', () => {
    view = mount(model({ findings: [swear, brand] }));
    click(view.$$('[data-finding]')[1]!);
    click(view.$$('[data-card] [data-action="apply"]')[1]!);
    expect(view.actions.apply).toHaveBeenCalledWith(brand, 'ACME Corp');
    expect(view.$('[data-card]')).toBeNull();
    click(view.$$('[data-finding]')[0]!);
    click(view.$('[data-card] [data-action="ignore"]'));
    expect(view.actions.ignore).toHaveBeenCalledWith(swear);
    expect(view.actions.apply).toHaveBeenCalledTimes(1);
  });

  it('Escape closes it and does not reach the page', () => {
    view = mount(model({ findings: [brand] }));
    const pageHeard = vi.fn();
    window.addEventListener('keydown', pageHeard);
    click(view.$('[data-finding]'));
    fire(document.body, key('Escape'));
    expect(view.$('[data-card]')).toBeNull();
    expect(pageHeard).not.toHaveBeenCalled();
    fire(document.body, key('Escape')); // nothing open: the page gets its Escape
    expect(pageHeard).toHaveBeenCalledTimes(1);
    window.removeEventListener('keydown', pageHeard);
  });

  it('an outside click closes it; a click inside does not', () => {
    view = mount(model({ findings: [brand] }));
    click(view.$('[data-finding]'));
    fire(view.$('[data-card] .msg')!, pointerDown());
    expect(view.$('[data-card]')).not.toBeNull();
    fire(document.body, pointerDown());
    expect(view.$('[data-card]')).toBeNull();
  });

  it('keeps the editor focused: mouse-down on a bar or the card is prevented', () => {
    view = mount(model({ findings: [brand] }));
    const down = mouse('mousedown');
    fire(view.$('[data-finding]')!, down);
    expect(down.defaultPrevented).toBe(true);
    click(view.$('[data-finding]'));
    const inCard = mouse('mousedown');
    fire(view.$('[data-card] [data-action="apply"]')!, inCard);
    expect(inCard.defaultPrevented).toBe(true);
  });

  it('follows its finding across checks and closes when the finding is gone', () => {
    view = mount(model({ findings: [brand] }));
    click(view.$('[data-finding]'));
    const moved = { ...brand, suggestions: ['Acme'] };
    view.render(model({ findings: [moved] }));
    expect(view.$$('[data-card] [data-action="apply"]')).toHaveLength(1);
    view.render(model({ findings: [] }));
    expect(view.$('[data-card]')).toBeNull();
    view.render(model({ findings: [brand] }));
    expect(view.$('[data-card]')).toBeNull();
  });

  it('renders policy and page strings as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const f = finding({ message: `Bad ${evil}`, match: evil, suggestions: [evil], ruleId: evil });
    view = mount(
      model({
        findings: [f],
        topics: [{ id: 'x', label: evil, restricted: true, covered: false, spans: [] }],
        plannedToday: evil,
        notice: evil,
        member: null,
      }),
    );
    click(view.$('[data-finding]'));
    click(view.$('.pill'));
    expect(view.$('[data-card] .msg')!.textContent).toBe(`Bad ${evil}`);
    expect(view.$('[data-card] [data-action="apply"]')!.textContent).toBe(evil);
    view.render(model({ findings: [f], gate: { findings: [f], policyName: evil } }));
    expect(view.$('[data-gate]')!.textContent).toContain(evil);
    expect(view.root.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks Italian', () => {
    view = mount(model({ locale: 'it', findings: [brand] }));
    click(view.$('[data-finding]'));
    expect(view.$('[data-card] [data-action="ignore"]')!.textContent).toBe('Ignora qui');
    expect(view.$('[data-card] [data-action="apply"]')!.getAttribute('aria-label')).toBe('Sostituisci con «Acme»');
    expect(view.$('[data-card]')!.textContent).toContain('avviso');
    expect(view.$('.pv')!.getAttribute('lang')).toBe('it');
  });

  it('listens on the document only while open, and unmounting leaves nothing behind', () => {
    vi.useFakeTimers();
    const added = vi.spyOn(document, 'addEventListener');
    const removed = vi.spyOn(document, 'removeEventListener');
    view = mount(model({ findings: [brand] }));
    expect(added).not.toHaveBeenCalled();
    const bar = view.$('[data-finding]')!;
    fire(bar, mouse('mouseenter'));
    fire(bar, mouse('mouseleave')); // a close is pending
    expect(added.mock.calls.map((c) => c[0]).sort()).toEqual(['keydown', 'pointerdown']);
    const root = view.root;
    view.unmount();
    view = undefined;
    expect(removed.mock.calls.map((c) => [c[0], c[1]])).toEqual(expect.arrayContaining(added.mock.calls.map((c) => [c[0], c[1]])));
    expect(vi.getTimerCount()).toBe(0);
    expect(root.childNodes).toHaveLength(0);
    added.mockRestore();
    removed.mockRestore();
  });
});
