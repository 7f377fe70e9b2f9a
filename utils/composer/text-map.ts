/**
 * The text of a compose box as the engine sees it, and the way back from offsets to DOM ranges.
 * Contenteditable editors (Draft.js, Quill, ProseMirror) keep one block element per line; the
 * text is their text leaves in order, with "\n" between blocks and for a <br> inside a line.
 */
export interface TextMap {
  text: string;
  /** Text nodes with the offset at which each starts in `text` (contenteditable only). */
  leaves: { node: Text; start: number }[];
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
    return { text: editor.value, leaves: [], editor };
  }
  let text = '';
  const leaves: TextMap['leaves'] = [];
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
    walk(line);
  });
  return { text, leaves, editor };
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
