/**
 * The composer overlay: underlines, the finding card, the badge and the publish gate, rendered with Preact
 * into the open shadow root of a `<portavoce-overlay>` host that the content script creates and places.
 *
 * API
 *   renderOverlay(root, model, actions)  render or re-render (idempotent; call after every check, scroll or resize)
 *   unmountOverlay(root)                  unmount Preact, remove every listener and timer, remove our nodes
 *   hostAttributes(findings, topics)      (utils/overlay/findings) the host's data-errors/-warnings/-suggestions/-topics
 *
 * Model (all coordinates are the host's, i.e. the viewport's: the host is position:fixed at 0,0)
 *   findings     sorted by start; listed in the badge
 *   underlines   one entry per finding on screen, its client rects; each rect becomes a [data-finding] bar
 *   badgeAnchor  the badge's bottom-right corner (pass the composer's bottom-right corner, minus any padding)
 *   gate         non-null opens the modal publish gate; its `findings` are shown as given (the caller
 *                keeps those at or above the gate level)
 *   member       null: the badge shows "Choose your profile", a link to optionsUrl that calls openOptions
 *   avoid        the site's send buttons: the findings list never covers them, the card avoids them
 *
 * Testing hooks (DESIGN.md): [data-finding] with data-rule, data-level, data-start, data-end on every bar;
 * [data-card] with [data-action="apply"] (one per suggestion) and [data-action="ignore"]; [data-gate] with
 * textarea[data-reason], [data-action="edit"], [data-action="publish-anyway"]. Also, for our own tests:
 * [data-badge], [data-list-item], [data-live] (the polite live region), [data-action="open-options"].
 *
 * Behaviour worth knowing when wiring it:
 * - Everything is text: policy and page strings are rendered as text nodes, never parsed as HTML.
 * - Mouse-down on a bar or inside the card is prevented, so the editor keeps focus and its selection;
 *   apply/ignore close the card and leave focus to the action. Escape or an outside click closes the card
 *   (and returns focus to the list item that opened it, if any); while a card or the list is open, the
 *   Escape that closes it does not reach the page.
 * - Key events from inside the overlay stop at its root, so site shortcuts (X's "j", "n", …) never fire
 *   while someone types a reason.
 * - An open card follows its finding by rule and range across checks and closes when that finding is gone.
 */
import { render } from 'preact';
import type { Finding, Locale, Platform, Surface, TopicReport } from '../../utils/check/types';
import { Overlay } from './Overlay';

export interface OverlayRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OverlayUnderline {
  finding: Finding;
  rects: OverlayRect[];
}

export interface OverlayModel {
  platform: Platform;
  surface: Surface;
  locale: Locale;
  theme: 'light' | 'dark';
  findings: Finding[];
  underlines: OverlayUnderline[];
  topics: TopicReport[];
  member: { id: string; name: string } | null;
  optionsUrl: string;
  plannedToday?: string | null;
  badgeAnchor: { left: number; top: number };
  gate: null | { findings: Finding[]; policyName: string };
  notice?: string | null;
  /**
   * The site's send buttons, which the findings list and the card must not cover; a function is asked only
   * while the list or a card is open (measuring them on every keystroke costs a layout read for nothing).
   */
  avoid?: OverlayRect[] | (() => OverlayRect[]);
}

export interface OverlayActions {
  apply(finding: Finding, replacement: string): void;
  /** "Ignore here". */
  ignore(finding: Finding): void;
  /** Close the gate and put focus back in the editor. */
  gateEdit(): void;
  /** "Publish anyway"; `reason` is trimmed and has at least three non-space characters. */
  gatePublish(reason: string): void;
  openOptions(): void;
}

const containers = new WeakMap<ShadowRoot, HTMLElement>();

/** Renders into our own container, so whatever else lives in the shadow root is left alone. */
export function renderOverlay(root: ShadowRoot, model: OverlayModel, actions: OverlayActions): void {
  let container = containers.get(root);
  if (container !== undefined && !container.isConnected) {
    render(null, container); // someone emptied the shadow root: unmount the orphaned tree before starting over
    container = undefined;
  }
  if (container === undefined) {
    container = root.ownerDocument.createElement('div');
    container.setAttribute('data-portavoce-root', '');
    root.appendChild(container);
    containers.set(root, container);
  }
  render(<Overlay model={model} actions={actions} doc={root.ownerDocument} />, container);
}

export function unmountOverlay(root: ShadowRoot): void {
  const container = containers.get(root);
  if (container === undefined) return;
  render(null, container);
  container.remove();
  containers.delete(root);
}

export { hostAttributes } from '../../utils/overlay/findings';
