import { Component } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Finding } from '../../utils/check/types';
import type { OverlayRect, OverlayUnderline } from './index';

/** The bar straddles the bottom of the text's rect: tall enough to hover, short enough to leave the text clickable. */
const BAR_HEIGHT = 6;
const BAR_BELOW = 2;

interface Props {
  underlines: OverlayUnderline[];
  onHover(finding: Finding, piece: number): void;
  onLeave(): void;
  onClick(finding: Finding, piece: number): void;
}

/** One bar and what was last written to it, so that a redraw writes only what changed. */
interface Bar {
  el: HTMLDivElement;
  finding: Finding;
  piece: number;
  level: string;
  end: number;
  left: number;
  top: number;
  width: number;
}

/** The bars' parent: Preact renders it once and never diffs its children (they are ours, below). */
class BarLayer extends Component<{ layerRef: { current: HTMLDivElement | null } }> {
  override shouldComponentUpdate(): boolean {
    return false;
  }

  override render() {
    return <div ref={this.props.layerRef} data-underlines="" />;
  }
}

/**
 * The underline bars, one `[data-finding]` per rect. Written straight to the DOM rather than diffed by
 * Preact: on X the text past the limit is one finding of some 80 bars whose `data-end` changes with every
 * keystroke, and diffing them (a vnode, a style object and four handlers per bar) was about a third of
 * our script per keystroke. A bar is keyed by its finding's rule and start (not end: a finding that grows
 * as the member types keeps its bars and only moves them) and its piece; only the attributes and styles
 * that changed are written.
 */
export function Underlines(props: Props) {
  const layer = useRef<HTMLDivElement | null>(null);
  const bars = useRef(new Map<string, Bar[]>());
  // The listeners are made once per bar; they call whatever the latest render passed.
  const latest = useRef(props);
  latest.current = props;
  useLayoutEffect(() => {
    if (layer.current) bars.current = sync(layer.current, bars.current, props.underlines, latest);
  });
  return <BarLayer layerRef={layer} />;
}

/** Brings the layer's bars in line with `underlines`; returns the bars by finding (rule and start). */
function sync(layer: HTMLDivElement, before: Map<string, Bar[]>, underlines: OverlayUnderline[], latest: { current: Props }): Map<string, Bar[]> {
  const doc = layer.ownerDocument;
  const after = new Map<string, Bar[]>();
  const gone: Bar[] = [];
  let cursor = layer.firstChild;
  for (const { finding, rects } of underlines) {
    let key = `${finding.ruleId}\u0000${finding.start}`;
    // Two findings of one rule at one start (different ends): each keeps bars of its own.
    while (after.has(key)) key += '+';
    const own = before.get(key) ?? [];
    before.delete(key);
    for (let piece = rects.length; piece < own.length; piece++) gone.push(own[piece]!);
    own.length = Math.min(own.length, rects.length);
    for (let piece = 0; piece < rects.length; piece++) {
      const bar = (own[piece] ??= create(doc, finding, piece, latest));
      update(bar, finding, piece, rects[piece]!);
      // In the findings' order, as before: a later bar is above an earlier one where they overlap.
      if (bar.el === cursor) cursor = cursor.nextSibling;
      else layer.insertBefore(bar.el, cursor);
    }
    after.set(key, own);
  }
  for (const bar of gone) bar.el.remove();
  for (const own of before.values()) for (const bar of own) bar.el.remove();
  return after;
}

function create(doc: Document, finding: Finding, piece: number, latest: { current: Props }): Bar {
  const el = doc.createElement('div');
  const bar: Bar = { el, finding, piece, level: '', end: NaN, left: NaN, top: NaN, width: NaN };
  el.setAttribute('data-finding', '');
  el.setAttribute('data-rule', finding.ruleId);
  el.setAttribute('data-start', String(finding.start));
  el.setAttribute('aria-hidden', 'true');
  el.style.height = `${BAR_HEIGHT}px`;
  // Keep the editor focused (and its selection) when the bar is clicked.
  el.addEventListener('mousedown', (event) => event.preventDefault());
  el.addEventListener('mouseenter', () => latest.current.onHover(bar.finding, bar.piece));
  el.addEventListener('mouseleave', () => latest.current.onLeave());
  el.addEventListener('click', () => latest.current.onClick(bar.finding, bar.piece));
  return bar;
}

function update(bar: Bar, finding: Finding, piece: number, rect: OverlayRect): void {
  const { el } = bar;
  bar.finding = finding;
  bar.piece = piece;
  if (bar.level !== finding.level) {
    bar.level = finding.level;
    el.className = `u c-${finding.level}`;
    el.setAttribute('data-level', finding.level);
  }
  if (bar.end !== finding.end) {
    bar.end = finding.end;
    el.setAttribute('data-end', String(finding.end));
  }
  const top = rect.top + rect.height + BAR_BELOW - BAR_HEIGHT;
  if (bar.left !== rect.left) el.style.left = `${(bar.left = rect.left)}px`;
  if (bar.top !== top) el.style.top = `${(bar.top = top)}px`;
  if (bar.width !== rect.width) el.style.width = `${(bar.width = rect.width)}px`;
}
