// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { click, finding, fire, key, model, mount, pointerDown, type } from './harness';

let view: ReturnType<typeof mount> | undefined;
afterEach(() => {
  view?.unmount();
  view = undefined;
});

const embargo = finding({ ruleId: 'embargo', level: 'error', match: 'Q3 results', message: 'Results are embargoed until the call.' });
const gated = (over = {}) => model({ findings: [embargo], gate: { findings: [embargo], policyName: 'Acme social policy' }, ...over });

describe('publish gate', () => {
  it('is a modal dialog listing the findings, with focus on Edit', () => {
    view = mount(gated());
    const gate = view.$('[data-gate]')!;
    expect(gate.getAttribute('role')).toBe('dialog');
    expect(gate.getAttribute('aria-modal')).toBe('true');
    expect(gate.textContent).toContain('Hold on before publishing');
    expect(gate.textContent).toContain('Acme social policy');
    expect(gate.textContent).toContain('Results are embargoed until the call.');
    expect(gate.querySelector('textarea[data-reason]')).not.toBeNull();
    const label = gate.querySelector('label')!;
    expect(label.textContent).toBe('Why publish anyway?');
    expect(gate.querySelector(`#${label.getAttribute('for')}`)).toBe(gate.querySelector('textarea[data-reason]'));
    expect(view.root.activeElement).toBe(gate.querySelector('[data-action="edit"]'));
  });

  it('keeps Publish anyway disabled until the reason has three non-space characters, and passes it trimmed', () => {
    view = mount(gated());
    const publish = view.$<HTMLButtonElement>('[data-action="publish-anyway"]')!;
    const reason = view.$<HTMLTextAreaElement>('textarea[data-reason]')!;
    expect(publish.disabled).toBe(true);
    for (const tooShort of ['', '   ', 'ok', ' o k ', '\n\t a b \n']) {
      type(reason, tooShort);
      expect(publish.disabled, JSON.stringify(tooShort)).toBe(true);
    }
    click(publish);
    expect(view.actions.gatePublish).not.toHaveBeenCalled();
    type(reason, '  approved by legal  ');
    expect(publish.disabled).toBe(false);
    click(publish);
    expect(view.actions.gatePublish).toHaveBeenCalledWith('approved by legal');
  });

  it('ignores a page script: a reason it writes and a click it makes publish nothing', () => {
    view = mount(gated());
    const publish = view.$<HTMLButtonElement>('[data-action="publish-anyway"]')!;
    const reason = view.$<HTMLTextAreaElement>('textarea[data-reason]')!;
    type(reason, 'written by the page', { trusted: false });
    expect(publish.disabled).toBe(true);
    type(reason, 'approved by legal');
    click(publish, { trusted: false });
    expect(view.actions.gatePublish).not.toHaveBeenCalled();
    click(publish);
    expect(view.actions.gatePublish).toHaveBeenCalledWith('approved by legal');
  });

  it('keeps the reason across re-renders while open and starts empty next time', () => {
    view = mount(gated());
    type(view.$<HTMLTextAreaElement>('textarea[data-reason]')!, 'because');
    view.render(gated());
    expect(view.$<HTMLTextAreaElement>('textarea[data-reason]')!.value).toBe('because');
    view.render(model({ findings: [embargo] }));
    expect(view.$('[data-gate]')).toBeNull();
    view.render(gated());
    expect(view.$<HTMLTextAreaElement>('textarea[data-reason]')!.value).toBe('');
  });

  it('Edit and Escape call gateEdit', () => {
    view = mount(gated());
    click(view.$('[data-action="edit"]'));
    expect(view.actions.gateEdit).toHaveBeenCalledTimes(1);
    fire(view.$('textarea[data-reason]')!, key('Escape'));
    expect(view.actions.gateEdit).toHaveBeenCalledTimes(2);
  });

  it('traps Tab inside the dialog', () => {
    view = mount(gated());
    const edit = view.$('[data-action="edit"]')!;
    const reason = view.$('textarea[data-reason]')!;
    fire(edit, key('Tab')); // Publish anyway is disabled, so Tab wraps to the textarea
    expect(view.root.activeElement).toBe(reason);
    fire(reason, key('Tab', { shiftKey: true }));
    expect(view.root.activeElement).toBe(edit);
    type(reason as HTMLTextAreaElement, 'fine by me');
    fire(edit, key('Tab'));
    expect(view.root.activeElement).toBe(view.$('[data-action="publish-anyway"]'));
  });

  it('closes an open card and blocks the page behind a backdrop', () => {
    view = mount(model({ findings: [embargo] }));
    click(view.$('[data-finding]'));
    expect(view.$('[data-card]')).not.toBeNull();
    view.render(gated());
    expect(view.$('[data-card]')).toBeNull();
    expect(view.$('.backdrop [data-gate]')).not.toBeNull();
    fire(document.body, pointerDown());
    expect(view.$('[data-gate]')).not.toBeNull();
    view.render(model({ findings: [embargo] }));
    expect(view.$('[data-card]')).toBeNull();
  });

  it('speaks Italian', () => {
    view = mount(gated({ locale: 'it' }));
    const gate = view.$('[data-gate]')!;
    expect(gate.querySelector('h2')!.textContent).toBe('Un momento prima di pubblicare');
    expect(gate.querySelector('[data-action="edit"]')!.textContent).toBe('Modifica');
    expect(gate.querySelector('[data-action="publish-anyway"]')!.textContent).toBe('Pubblica comunque');
    expect(gate.querySelector('label')!.textContent).toBe('Perché pubblicare comunque?');
    expect(gate.textContent).toContain('errore');
  });
});
