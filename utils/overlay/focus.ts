const TABBABLE =
  'button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export function tabbables(container: Element): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(TABBABLE));
}

/** The focused element as seen from inside `node`'s tree (a shadow root has its own activeElement). */
export function activeElementOf(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

/**
 * Keeps Tab and Shift+Tab inside `container`, wrapping at both ends.
 * Returns true when it moved focus (the caller then prevents the default).
 */
export function cycleFocus(container: Element, backwards: boolean): boolean {
  const items = tabbables(container);
  if (items.length === 0) return false;
  const current = activeElementOf(container);
  const index = items.findIndex((item) => item === current);
  const next =
    index === -1 ? (backwards ? items.length - 1 : 0) : (index + (backwards ? -1 : 1) + items.length) % items.length;
  items[next]!.focus();
  return true;
}
