export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  /** With `above`, the popup's bottom edge sits at `top` (the caller translates it up by its own height). */
  top: number;
  above: boolean;
}

const MARGIN = 8;
const GAP = 4;

function intersects(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/**
 * Places a popup of about `size` under `anchor`, or above it when it would not fit below but fits above;
 * horizontally it starts at the anchor's left edge and stays inside the viewport. A side where the popup
 * would cover one of `avoid` (the site's send button) is taken only when the other side would too.
 * Coordinates are the host's, which are the viewport's (the host is fixed at 0,0).
 */
export function placePopup(
  anchor: Box,
  viewport: { width: number; height: number },
  size: { width: number; height: number },
  avoid: readonly Box[] = [],
): Placement {
  const maxLeft = viewport.width - size.width - MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  const below = anchor.top + anchor.height + GAP;
  const fitsBelow = below + size.height <= viewport.height - MARGIN;
  const fitsAbove = anchor.top - GAP - size.height >= MARGIN;
  const covers = (top: number) => avoid.some((box) => intersects({ left, top, width: size.width, height: size.height }, box));
  const coversBelow = covers(below);
  const coversAbove = covers(anchor.top - GAP - size.height);
  let above = !fitsBelow && fitsAbove;
  if (!above && coversBelow && !coversAbove && fitsAbove) above = true;
  else if (above && coversAbove && !coversBelow) above = false;
  return { left, top: above ? anchor.top - GAP : below, above };
}

export interface ListPlacement {
  /** Opens under the badge (else above it). */
  below: boolean;
  /** The most the list may grow before it scrolls. */
  maxHeight: number;
}

/**
 * Where the findings list opens: above the badge or below it, right-aligned with it, `width` wide and
 * wanting `height`. Each side's room ends at the viewport's edge and at the first of `avoid` (the site's
 * send button) in the list's column, so the list never covers it: the side where the whole list fits
 * (above first), else the roomier one, the list scrolling within that room.
 */
export function placeList(
  badge: Box,
  viewport: { width: number; height: number },
  size: { width: number; height: number },
  avoid: readonly Box[] = [],
): ListPlacement {
  const right = badge.left + badge.width;
  const column = avoid.filter((box) => box.left < right && right - size.width < box.left + box.width);
  const bottom = badge.top + badge.height;
  let limitBelow = viewport.height - MARGIN;
  let limitAbove = MARGIN;
  for (const box of column) {
    const boxBottom = box.top + box.height;
    if (box.top >= bottom) limitBelow = Math.min(limitBelow, box.top - GAP);
    else if (boxBottom <= badge.top) limitAbove = Math.max(limitAbove, boxBottom + GAP);
    else {
      // Level with the badge: the list may not start on either side of it.
      if (box.top < bottom && boxBottom > bottom) limitBelow = -Infinity;
      if (box.top < badge.top && boxBottom > badge.top) limitAbove = Infinity;
    }
  }
  const roomBelow = Math.max(0, limitBelow - (bottom + GAP));
  const roomAbove = Math.max(0, badge.top - GAP - limitAbove);
  const below = roomAbove >= size.height ? false : roomBelow >= size.height ? true : roomBelow > roomAbove;
  return { below, maxHeight: Math.floor(Math.min(size.height, below ? roomBelow : roomAbove)) };
}
