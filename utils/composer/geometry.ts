import type { OverlayRect } from '../../components/overlay';

/** The part of the viewport where the editor's text is visible: its box, cut by every scrolling ancestor. */
export function visibleBox(editor: HTMLElement): DOMRect {
  let box = editor.getBoundingClientRect();
  // A box that scrolls its own text (a textarea always does) shows it inside its padding box only.
  const own = getComputedStyle(editor);
  if (editor instanceof HTMLTextAreaElement || own.overflowX !== 'visible' || own.overflowY !== 'visible') {
    const left = box.left + editor.clientLeft;
    const top = box.top + editor.clientTop;
    box = new DOMRect(left, top, editor.clientWidth, editor.clientHeight);
  }
  for (let el: Element | null = parentAcrossShadow(editor); el && el !== document.documentElement; el = parentAcrossShadow(el)) {
    const style = getComputedStyle(el);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    box = intersect(box, el.getBoundingClientRect());
  }
  return intersect(box, new DOMRect(0, 0, window.innerWidth, window.innerHeight));
}

/** Where to hit-test inside the visible box, as fractions of its width and height. */
const PROBES: readonly [number, number][] = [[0.5, 0.5], [0.15, 0.2], [0.85, 0.2], [0.15, 0.8], [0.85, 0.8]];

/**
 * Whether the page covers the editor (a modal's mask over X's home composer, LinkedIn's share dialog
 * over a comment box): hit tests inside its visible box. What the editor's own widget draws over it
 * (Draft.js and LinkedIn placeholders) and our own overlays do not count; a partial cover (a menu)
 * does not either.
 */
export function isCovered(editor: HTMLElement, box: DOMRect): boolean {
  if (box.width < 1 || box.height < 1) return false;
  const root = editor.getRootNode() as Document | ShadowRoot;
  const widget = editor.parentElement?.parentElement ?? editor.parentElement ?? editor;
  let own = 0;
  let foreign = 0;
  for (const [fx, fy] of PROBES) {
    const hit = root.elementFromPoint(box.left + box.width * fx, box.top + box.height * fy);
    if (!hit || hit.localName === 'portavoce-overlay') continue;
    if (widget.contains(hit) || hit.contains(editor)) own++;
    else foreign++;
  }
  return foreign > 0 && own === 0;
}

function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function intersect(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}

/** A range's line boxes, clipped to what is visible; boxes wholly outside are dropped. */
export function clippedRects(range: Range, box: DOMRect, origin?: Point): OverlayRect[] {
  return clipRects(range.getClientRects(), box, origin);
}

export interface Point {
  left: number;
  top: number;
}

/**
 * Line boxes clipped to what is visible; boxes wholly outside are dropped. With `origin`, the rects are
 * given relative to it (the overlay host's corner) rather than to the viewport.
 */
export function clipRects(lineBoxes: Iterable<DOMRect>, box: DOMRect, origin?: Point, into: OverlayRect[] = []): OverlayRect[] {
  const dx = origin?.left ?? 0;
  const dy = origin?.top ?? 0;
  const { top: boxTop, bottom: boxBottom, left: boxLeft, right: boxRight } = box;
  for (const r of lineBoxes) {
    const { width, top, bottom } = r;
    if (width === 0 || bottom <= boxTop || top >= boxBottom) continue;
    const { left: rLeft, right: rRight } = r;
    if (rRight <= boxLeft || rLeft >= boxRight) continue;
    const left = Math.max(rLeft, boxLeft);
    const right = Math.min(rRight, boxRight);
    into.push({ left: left - dx, top: top - dy, width: right - left, height: Math.min(bottom, boxBottom) - top });
  }
  return into;
}
