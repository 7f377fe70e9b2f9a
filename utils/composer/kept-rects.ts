// Rects kept from one drawing to the next: a keystroke changes one line (block) of the editor, and the lines
// above it keep their layout.
import { clipRects, clippedRects, type Point } from './geometry';
import { rangeFor, splitRange, unchangedLines, type TextMap } from './text-map';
import type { OverlayRect } from '../../components/overlay';

export class KeptRects {
  /** The text map of the latest drawing, and the client rects kept from it. */
  private drawnMap: TextMap | null = null;
  private above: AboveRects[] = [];
  /** Elements of the editor whose attributes changed since the latest drawing (a class or style may move text). */
  private touched: MutationRecord[] = [];
  private readonly attributeObserver = new MutationObserver((records) => {
    for (const record of records) if (this.touched.length <= MAX_TOUCHED) this.touched.push(record);
  });
  /** A web font arriving re-lays the text without a resize: nothing measured before it is kept. */
  private readonly onFonts = () => {
    this.above = [];
  };

  constructor(editor: HTMLElement) {
    this.attributeObserver.observe(editor, { attributes: true, subtree: true });
    document.fonts?.addEventListener('loadingdone', this.onFonts);
  }

  /**
   * The viewport rects of text[start, end), clipped to what is visible.
   *
   * A keystroke changes one line (block) of the editor, and the lines above it keep their layout: a finding
   * wholly above the changed line keeps its rects from the previous drawing, and one that starts above it and
   * runs into it (on X, the text past the limit: some 2,700 characters and 80 rects in the benchmark's draft)
   * is measured as two ranges split before that line, and the part above is kept. Rects are kept only while those lines are the same elements with the same
   * text nodes and text, none of their attributes changed, no web font arrived, and the first of them and the
   * last one above the split have the same boxes as when it was measured (a scroll, a zoom, a narrower editor,
   * anything moving or re-wrapping them changes those boxes). The rects of the two ranges are exactly the whole
   * range's (text-map.ts, splitRange).
   */
  measurer(map: TextMap, box: DOMRect, origin: Point): (start: number, end: number) => OverlayRect[] {
    const split = this.touched.length > MAX_TOUCHED ? 0 : unchangedLines(this.drawnMap, map, this.touched);
    this.touched = [];
    this.drawnMap = map;
    const kept = this.above;
    const above: AboveRects[] = (this.above = []);
    const boxes: DOMRect[] = [];
    const boxOf = (line: number) => (boxes[line] ??= map.lines[line]!.el.getBoundingClientRect());
    const splitAt = map.lines[split];
    const clip = `${boxKey(box)} ${origin.left} ${origin.top}`;
    /** Kept rects of text above the changed line: a finding's (`end` ≥ 0), or the part above it of one running into it (−1). */
    const keep = (start: number, end: number, range: () => Range | null): OverlayRect[] | null => {
      const first = boxOf(0);
      const last = boxOf(split - 1);
      const fits = (a: AboveRects) => a.start === start && a.end === end && a.line === split && sameBox(a.first, first) && sameBox(a.last, last);
      let part = above.find(fits);
      if (!part) {
        part = kept.find(fits);
        if (!part) {
          const measured = range();
          if (!measured) return null;
          part = { start, end, line: split, first, last, rects: [...measured.getClientRects()], clip: '', clipped: [] };
        }
        if (part.clip !== clip) part = { ...part, clip, clipped: clipRects(part.rects, box, origin) };
        above.push(part);
      }
      return part.clipped;
    };
    return (start, end) => {
      if (split > 0 && splitAt && end < splitAt.start) {
        const rects = keep(start, end, () => rangeFor(map, start, end));
        if (rects) return rects.slice();
      } else if (split > 0 && splitAt && start < splitAt.start) {
        const ranges = splitRange(map, start, end, split);
        const rects = ranges && keep(start, -1, ranges.above);
        if (ranges && rects) return clipRects(ranges.below().getClientRects(), box, origin, rects.slice());
      }
      const range = rangeFor(map, start, end);
      return range ? clippedRects(range, box, origin) : [];
    };
  }

  destroy(): void {
    this.attributeObserver.disconnect();
    document.fonts?.removeEventListener('loadingdone', this.onFonts);
  }
}

/** The client rects of text above line `line` from `start`, and where lines 0 and line − 1 were then. */
interface AboveRects {
  start: number;
  /** The end of a finding wholly above line `line`, or −1: the part above it of one that runs into it. */
  end: number;
  line: number;
  first: DOMRect;
  last: DOMRect;
  rects: DOMRect[];
  /** The same clipped to the visible box and relative to the host, and that box and host corner (`clip`). */
  clip: string;
  clipped: OverlayRect[];
}

/** More attribute changes than this between two drawings: nothing measured is kept. */
const MAX_TOUCHED = 64;

function sameBox(a: DOMRect, b: DOMRect): boolean {
  return a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
}

export function boxKey(r: DOMRect): string {
  return `${r.left} ${r.top} ${r.width} ${r.height}`;
}
