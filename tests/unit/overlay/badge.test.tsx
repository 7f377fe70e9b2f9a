// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { click, finding, fire, key, model, mount } from './harness';

let view: ReturnType<typeof mount> | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const e1 = finding({ ruleId: 'r-error', level: 'error', start: 0, end: 3, match: 'abc' });
const e2 = finding({ ruleId: 'r-error', level: 'error', start: 5, end: 8, match: 'def' });
const w1 = finding({ ruleId: 'r-warning', level: 'warning', start: 9, end: 12, match: 'ghi', suggestions: [] });

describe('badge', () => {
  it('sits at the anchor with counts per level and text labels for screen readers', () => {
    view = mount(model({ findings: [e1, e2, w1], badgeAnchor: { left: 640, top: 480 } }));
    const badge = view.$('[data-badge]')!;
    expect([badge.style.left, badge.style.top]).toEqual(['640px', '480px']);
    const pill = view.$('.pill')!;
    expect(view.$$('[data-count]').map((c) => c.dataset.count)).toEqual(['error', 'warning']);
    expect(pill.querySelector('[data-count="error"]')!.textContent).toContain('2');
    expect(Array.from(pill.querySelectorAll('.sr')).map((s) => s.textContent)).toEqual(['Portavoce: ', '2 errors', '1 warning']);
  });

  it('announces counts politely, and again when they change', () => {
    view = mount(model({ findings: [e1, e2, w1] }));
    const live = view.$('[data-live]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('2 errors, 1 warning');
    view.render(model({ findings: [e1] }));
    expect(view.$('[data-live]')).toBe(live);
    expect(live.textContent).toBe('1 error');
    view.render(model({ findings: [] }));
    expect(live.textContent).toBe('No issues found');
    view.render(model({ locale: 'it', findings: [e1, e2, w1] }));
    expect(live.textContent).toBe('2 errori, 1 avviso');
  });

  it('shows topics with coverage and restriction', () => {
    view = mount(
      model({
        topics: [
          { id: 'earnings', label: 'Earnings', restricted: true, covered: false, spans: [] },
          { id: 'product', label: 'Product', restricted: false, covered: true, spans: [] },
        ],
      }),
    );
    const [earnings, product] = view.$$('[data-topic]');
    expect(earnings!.textContent).toContain('Earnings');
    expect(earnings!.textContent).toContain('✗');
    expect(earnings!.textContent).toContain('not one of your topics');
    expect(earnings!.textContent).toContain('restricted');
    expect(product!.textContent).toContain('✓');
    expect(product!.textContent).not.toContain('restricted');
  });

  it('without a profile says so and links to the options page', () => {
    view = mount(model({ member: null, topics: [{ id: 't', label: 'T', restricted: false, covered: null, spans: [] }] }));
    const link = view.$<HTMLAnchorElement>('[data-action="open-options"]')!;
    expect(link.textContent).toBe('Choose your profile');
    expect(link.getAttribute('href')).toBe('chrome-extension://abc/options.html');
    click(link);
    expect(view.actions.openOptions).toHaveBeenCalledTimes(1);
    expect(view.$('[data-topic]')!.textContent).not.toMatch(/[✓✗]/);
    view.render(model());
    expect(view.$('[data-action="open-options"]')).toBeNull();
  });

  it('shows the planned-today line and a notice when given', () => {
    view = mount(model({ plannedToday: 'launch thread at 15:00', notice: 'Portavoce is off for this box: editor changed' }));
    expect(view.$('[data-badge]')!.textContent).toContain('Planned today: launch thread at 15:00');
    expect(view.$('[data-badge]')!.textContent).toContain('Portavoce is off for this box: editor changed');
    view.render(model({ locale: 'it', plannedToday: 'lancio', member: null }));
    expect(view.$('[data-badge]')!.textContent).toContain('In programma oggi: lancio');
    expect(view.$('[data-action="open-options"]')!.textContent).toBe('Scegli il tuo profilo');
  });

  it('opens a list of every finding; Enter on one opens its card, Escape goes back to it', () => {
    view = mount(model({ findings: [e1, e2, w1] }));
    const pill = view.$('.pill')!;
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    click(pill);
    expect(pill.getAttribute('aria-expanded')).toBe('true');
    const items = view.$$('[data-list-item]');
    expect(items.map((i) => i.dataset.start)).toEqual(['0', '5', '9']);
    expect(items[1]!.textContent).toContain('def');

    items[1]!.focus();
    click(items[1]!); // a button's Enter is a click
    const card = view.$('[data-card]')!;
    expect(card.dataset.rule).toBe('r-error');
    expect(view.root.activeElement).toBe(card.querySelector('[data-action="apply"]'));

    fire(view.root.activeElement!, key('Tab'));
    expect(view.root.activeElement).toBe(card.querySelector('[data-action="ignore"]'));
    fire(view.root.activeElement!, key('Tab'));
    expect(view.root.activeElement).toBe(card.querySelector('[data-action="apply"]'));
    fire(view.root.activeElement!, key('Tab', { shiftKey: true }));
    expect(view.root.activeElement).toBe(card.querySelector('[data-action="ignore"]'));

    fire(view.root.activeElement!, key('Escape'));
    expect(view.$('[data-card]')).toBeNull();
    expect(view.root.activeElement).toBe(view.$$('[data-list-item]')[1]);

    fire(view.root.activeElement!, key('ArrowDown'));
    expect(view.root.activeElement).toBe(view.$$('[data-list-item]')[2]);

    fire(view.root.activeElement!, key('Escape'));
    expect(view.$('[data-list-item]')).toBeNull();
    expect(view.root.activeElement).toBe(pill);
  });

  it('closes the list when a fix from it is applied; ignoring keeps it open, without that finding', () => {
    view = mount(model({ findings: [e1, e2, w1] }));
    const pill = view.$('.pill')!;
    click(pill);
    click(view.$$('[data-list-item]')[0]!);
    click(view.$('[data-card] [data-action="apply"]')!);
    expect(view.actions.apply).toHaveBeenCalledWith(e1, 'Acme');
    expect(view.$('[data-card]')).toBeNull();
    expect(view.$('#pv-list')).toBeNull();
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    // The next check no longer has the fixed finding; the list stays closed.
    view.render(model({ findings: [e2, w1] }));
    expect(view.$('#pv-list')).toBeNull();

    click(pill);
    click(view.$$('[data-list-item]')[0]!);
    click(view.$('[data-card] [data-action="ignore"]')!);
    view.render(model({ findings: [w1] }));
    expect(view.$$('[data-list-item]').map((i) => i.dataset.start)).toEqual(['9']);
  });

  it('closes the list after a fix applied from an underline\'s card too', () => {
    view = mount(model({ findings: [e1, w1] }));
    click(view.$('.pill')!);
    click(view.$('[data-finding]')!);
    click(view.$('[data-card] [data-action="apply"]')!);
    expect(view.$('#pv-list')).toBeNull();
  });

  it('keeps key presses inside the overlay from the page (site shortcuts)', () => {
    view = mount(model({ findings: [e1] }));
    let heard = 0;
    const listener = () => void heard++;
    document.addEventListener('keydown', listener);
    fire(view.$('.pill')!, key('j'));
    document.removeEventListener('keydown', listener);
    expect(heard).toBe(0);
  });
});
