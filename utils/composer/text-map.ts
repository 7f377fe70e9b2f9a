/**
 * The text of a compose box as the engine sees it, and the way back from offsets to DOM ranges.
 * Contenteditable editors (Draft.js, Quill, ProseMirror) keep one block element per line; the
 * text is their text leaves in order, with "\n" between blocks and for a <br> inside a line.
 */
export interface TextMap {
  text: string;
  /** Text nodes with the offset at which each starts in `text` (contenteditable only). */
  leaves: { node: Text; start: number }[];
  /** The editor's lines (block elements), with the offset in `text` and the index in `leaves` at which each starts. */
  lines: { el: Element; start: number; leaf: number }[];
  editor: HTMLElement;
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL']);

/** The editor's lines: Draft.js marks them `[data-block]`; Quill and ProseMirror use one block child each. */
function lineElements(editor: HTMLElement): Element[] {
  const draftBlocks = editor.querySelectorAll('[data-block]');
  if (draftBlocks.length > 0) return [...draftBlocks];
  const children = [...editor.children].filter((el) => BLOCKS.has(el.tagName));
  if (children.length === 0) return [editor];
  return children.flatMap((el) => (el.tagName === 'UL' || el.tagName === 'OL' ? [...el.children] : [el]));
}

export function readEditor(editor: HTMLElement): TextMap {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    return { text: editor.value, leaves: [], lines: [], editor };
  }
  let text = '';
  const leaves: TextMap['leaves'] = [];
  const lines: TextMap['lines'] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const value = (child as Text).data;
        if (value.length === 0) continue;
        leaves.push({ node: child as Text, start: text.length });
        text += value;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as HTMLElement;
        if (el.getAttribute('contenteditable') === 'false') continue;
        // A line's trailing <br> (an empty line, ProseMirror's trailing break) is not a character.
        if (el.tagName === 'BR') {
          if (el.nextSibling !== null) text += '\n';
          continue;
        }
        walk(el);
      }
    }
  };
  lineElements(editor).forEach((line, i) => {
    if (i > 0) text += '\n';
    lines.push({ el: line, start: text.length, leaf: leaves.length });
    walk(line);
  });
  return { text, leaves, lines, editor };
}

/** The DOM range of text[start, end), or null when the editor changed since the map was read. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const from = locate(map, start, false);
  const to = locate(map, end, true);
  if (!from || !to) return null;
  const range = map.editor.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

const AROUND_LINES = new Set(['class', 'style', 'dir', 'lang', 'hidden']);

/**
 * How many of `next`'s first lines are as they were in `prev`: the same element holding the same text nodes
 * with the same text, none of it touched by an attribute change (`touched`: a class or style may move text),
 * nor the editor around them restyled.
 */
export function unchangedLines(prev: TextMap | null, next: TextMap, touched: readonly MutationRecord[]): number {
  if (prev === null || prev.editor !== next.editor) return 0;
  const count = Math.min(prev.lines.length, next.lines.length);
  let same = 0;
  for (; same < count; same++) {
    const a = prev.lines[same]!;
    const b = next.lines[same]!;
    if (a.el !== b.el || a.start !== b.start || a.leaf !== b.leaf) break;
    const aEnd = prev.lines[same + 1]?.leaf ?? prev.leaves.length;
    const bEnd = next.lines[same + 1]?.leaf ?? next.leaves.length;
    if (aEnd !== bEnd) break;
    let leaf = a.leaf;
    while (leaf < aEnd && prev.leaves[leaf]!.node === next.leaves[leaf]!.node && prev.leaves[leaf]!.start === next.leaves[leaf]!.start) leaf++;
    if (leaf < aEnd) break;
    const textEnd = (lines: TextMap['lines'], text: string) => (same + 1 < lines.length ? lines[same + 1]!.start - 1 : text.length);
    if (prev.text.slice(a.start, textEnd(prev.lines, prev.text)) !== next.text.slice(b.start, textEnd(next.lines, next.text))) break;
  }
  for (const { target, attributeName } of touched) {
    if (same === 0) break;
    const line = next.lines.findIndex((l, i) => i < same && l.el.contains(target));
    if (line >= 0) same = line;
    // An element around the lines (the editor itself): only what restyles them (ARIA attributes change as one types).
    else if (target.contains(next.lines[0]!.el) && AROUND_LINES.has(attributeName ?? '')) same = 0;
  }
  return same;
}

/**
 * text[start, end) as two ranges split before line `line`: the part in the lines above it and the rest, whose
 * client rects together are the whole range's, in the same order (both ranges select the same elements as
 * the whole: the lines' parent holds the start, so no element around the split is wholly inside the whole
 * range either). Null when that does not hold, or the map is stale.
 */
export function splitRange(map: TextMap, start: number, end: number, line: number): { above(): Range; below(): Range } | null {
  const at = map.lines[line]?.el;
  const parent = at?.parentNode;
  const from = locate(map, start, false);
  const to = locate(map, end, true);
  if (!at || !parent || !from || !to || !parent.contains(from.node)) return null;
  // The start above the line, the end in it or below.
  if (at.contains(from.node) || follows(at, from.node) || !(at.contains(to.node) || follows(at, to.node))) return null;
  const index = Array.prototype.indexOf.call(parent.childNodes, at);
  const doc = map.editor.ownerDocument;
  return {
    above() {
      const range = doc.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(parent, index);
      return range;
    },
    below() {
      const range = doc.createRange();
      range.setStart(parent, index);
      range.setEnd(to.node, to.offset);
      return range;
    },
  };
}

/** Whether `node` comes after `el` (and not inside it) in document order. */
function follows(el: Element, node: Node): boolean {
  return (el.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !el.contains(node);
}

function locate(map: TextMap, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  const { leaves } = map;
  let lo = 0;
  let hi = leaves.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (leaves[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  let leaf = leaves[found]!;
  // An end exactly at a leaf's start belongs to the previous leaf's end.
  if (isEnd && leaf.start === offset && found > 0) leaf = leaves[found - 1]!;
  const within = offset - leaf.start;
  if (!leaf.node.isConnected || within > leaf.node.data.length) return null;
  return { node: leaf.node, offset: Math.min(within, leaf.node.data.length) };
}
