import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { renderOverlay, unmountOverlay, type OverlayActions, type OverlayModel } from '../../../components/overlay';
import type { Finding } from '../../../utils/check/types';

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'brand-name',
    kind: 'terms',
    level: 'warning',
    start: 10,
    end: 14,
    match: 'ACME',
    message: 'Write the brand as “Acme”.',
    suggestions: ['Acme'],
    ...over,
  };
}

export function model(over: Partial<OverlayModel> = {}): OverlayModel {
  const findings = over.findings ?? [];
  return {
    platform: 'x',
    surface: 'post',
    locale: 'en',
    theme: 'light',
    findings,
    underlines: findings.map((f, i) => ({ finding: f, rects: [{ left: 20 + i * 60, top: 100, width: 40, height: 18 }] })),
    topics: [],
    member: { id: 'maria', name: 'Maria Rossi' },
    optionsUrl: 'chrome-extension://abc/options.html',
    plannedToday: null,
    badgeAnchor: { left: 600, top: 400 },
    gate: null,
    notice: null,
    ...over,
  };
}

export function spyActions() {
  return {
    apply: vi.fn<OverlayActions['apply']>(),
    ignore: vi.fn<OverlayActions['ignore']>(),
    gateEdit: vi.fn<OverlayActions['gateEdit']>(),
    gatePublish: vi.fn<OverlayActions['gatePublish']>(),
    openOptions: vi.fn<OverlayActions['openOptions']>(),
  };
}

/** A `<portavoce-overlay>` host with an open shadow root, as the content script makes it. */
export function mount(first: OverlayModel, actions: OverlayActions = spyActions()) {
  const host = document.createElement('portavoce-overlay');
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const view = {
    host,
    root,
    actions,
    render(next: OverlayModel) {
      act(() => renderOverlay(root, next, actions));
    },
    $<E extends Element = HTMLElement>(selector: string): E | null {
      return root.querySelector<E>(selector);
    },
    $$<E extends Element = HTMLElement>(selector: string): E[] {
      return Array.from(root.querySelectorAll<E>(selector));
    },
    unmount() {
      act(() => unmountOverlay(root));
      host.remove();
    },
  };
  view.render(first);
  return view;
}

export function fire(target: EventTarget, event: Event): void {
  act(() => {
    target.dispatchEvent(event);
  });
}

export const mouse = (type: string) => new MouseEvent(type, { bubbles: type !== 'mouseenter' && type !== 'mouseleave', composed: true, cancelable: true });
export const key = (k: string, init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init });
export const pointerDown = () => new MouseEvent('pointerdown', { bubbles: true, composed: true, cancelable: true });

/** As the browser marks the member's own input (happy-dom marks every event untrusted). */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A click by the member (trusted); `{ trusted: false }` for one a page script makes. */
export function click(element: Element | null, { trusted: isTrusted = true } = {}): void {
  if (!element) throw new Error('nothing to click');
  if ((element as HTMLButtonElement).disabled) return; // a disabled button gets no click
  const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
  act(() => {
    element.dispatchEvent(isTrusted ? trusted(event) : event);
  });
}

/** The member types `value` (trusted); `{ trusted: false }` for a page script writing it. */
export function type(textarea: HTMLTextAreaElement, value: string, { trusted: isTrusted = true } = {}): void {
  act(() => {
    textarea.value = value;
    const event = new Event('input', { bubbles: true, composed: true });
    textarea.dispatchEvent(isTrusted ? trusted(event) : event);
  });
}

export function focusedIn(root: ShadowRoot): Element | null {
  return root.activeElement;
}
