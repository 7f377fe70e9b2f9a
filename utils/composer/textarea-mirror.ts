/**
 * A <textarea> has no DOM for its text, so no Range can measure a word in it. The mirror is a hidden
 * div laid out like the textarea (font, padding, border, box-sizing, width, wrapping, scroll offset)
 * holding the same text; a Range over the mirror's text gives the rects the words have in the
 * textarea. It lives in OUR overlay host's shadow root, never in the page.
 */

/** Everything that decides where a character of a textarea ends up. */
const COPIED = [
  'direction', 'writing-mode', 'unicode-bidi', 'box-sizing',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'font-family', 'font-size', 'font-style', 'font-variant', 'font-weight', 'font-stretch', 'font-kerning',
  'font-feature-settings', 'font-variation-settings', 'font-size-adjust', 'font-optical-sizing', 'line-height',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align', 'text-rendering', 'tab-size',
  'white-space', 'white-space-collapse', 'text-wrap-mode', 'word-break', 'overflow-wrap', 'line-break', 'hyphens',
] as const;

export type TextField = HTMLTextAreaElement | HTMLInputElement;

export function isTextField(el: Element): el is TextField {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

export class TextareaMirror {
  private readonly box: HTMLDivElement;
  private readonly text: Text;

  constructor(root: ShadowRoot) {
    const doc = root.ownerDocument;
    this.box = doc.createElement('div');
    this.box.setAttribute('data-portavoce-mirror', '');
    this.box.setAttribute('aria-hidden', 'true');
    this.text = doc.createTextNode('');
    // A character after the text keeps a trailing line break's empty line, so scrollTop can reach it.
    this.box.append(this.text, doc.createTextNode('\u200b'));
    root.append(this.box);
  }

  /**
   * Lays the mirror out like `field` is laid out now and returns a function giving the viewport rects
   * of value[start, end).
   */
  measure(field: TextField): (start: number, end: number) => DOMRect[] {
    const style = getComputedStyle(field);
    const rect = field.getBoundingClientRect();
    const s = this.box.style;
    s.cssText =
      'position:fixed;visibility:hidden;pointer-events:none;overflow:hidden;margin:0;border-style:solid;' +
      'border-color:transparent;min-width:0;max-width:none;min-height:0;max-height:none;transform:none;contain:layout;';
    for (const name of COPIED) {
      const value = style.getPropertyValue(name);
      if (value) s.setProperty(name, value);
    }
    const single = field instanceof HTMLInputElement;
    if (single) s.setProperty('white-space', 'pre');
    // The textarea's scrollbar takes room from its content box; the mirror (overflow hidden) has none.
    const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - borders);
    if (scrollbar > 0) {
      const side = style.direction === 'rtl' ? 'padding-left' : 'padding-right';
      s.setProperty(side, `${parseFloat(style.getPropertyValue(side)) + scrollbar}px`);
    }
    s.boxSizing = 'border-box';
    s.left = `${rect.left}px`;
    s.top = `${rect.top}px`;
    s.width = `${rect.width}px`;
    s.height = `${rect.height}px`;
    if (this.text.data !== field.value) this.text.data = field.value;
    this.box.scrollTop = field.scrollTop;
    this.box.scrollLeft = field.scrollLeft;
    // Where the mirror really landed: an ancestor of our host may be a containing block (transform, filter).
    const landed = this.box.getBoundingClientRect();
    const dx = rect.left - landed.left;
    const dy = rect.top - landed.top;
    const doc = this.box.ownerDocument;
    return (start, end) => {
      const length = this.text.data.length;
      const range = doc.createRange();
      range.setStart(this.text, Math.min(start, length));
      range.setEnd(this.text, Math.min(end, length));
      return [...range.getClientRects()].map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
    };
  }

  destroy(): void {
    this.box.remove();
  }
}
