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

/**
 * Places a popup of about `size` under `anchor`, or above it when it would not fit below but fits above;
 * horizontally it starts at the anchor's left edge and stays inside the viewport.
 * Coordinates are the host's, which are the viewport's (the host is fixed at 0,0).
 */
export function placePopup(anchor: Box, viewport: { width: number; height: number }, size: { width: number; height: number }): Placement {
  const maxLeft = viewport.width - size.width - MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  const below = anchor.top + anchor.height + GAP;
  const fitsBelow = below + size.height <= viewport.height - MARGIN;
  const fitsAbove = anchor.top - GAP - size.height >= MARGIN;
  const above = !fitsBelow && fitsAbove;
  return { left, top: above ? anchor.top - GAP : below, above };
}
