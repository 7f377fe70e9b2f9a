import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { Finding } from '../../utils/check/types';
import { cycleFocus, tabbables } from '../../utils/overlay/focus';
import { fill, type OverlayStrings } from '../../utils/overlay/i18n';
import { placePopup, type Box } from '../../utils/overlay/placement';

export const CARD_WIDTH = 300;
/** A typical card's height, for choosing above or below; a taller one still fits (it grows from its anchor). */
const CARD_HEIGHT = 150;

interface Props {
  cardRef: RefObject<HTMLDivElement | null>;
  finding: Finding;
  anchor: Box;
  viewport: { width: number; height: number };
  /** What the card should not cover: the site's send button. */
  avoid: readonly Box[];
  strings: OverlayStrings;
  autoFocus: boolean;
  onEnter(): void;
  onLeave(): void;
  onApply(replacement: string): void;
  onIgnore(): void;
}

function replacementLabel(replacement: string, strings: OverlayStrings): string {
  if (replacement === '') return strings.remove;
  return replacement.trim() === '' ? `“${replacement}”` : replacement;
}

export function Card({ cardRef, finding, anchor, viewport, avoid, strings, autoFocus, onEnter, onLeave, onApply, onIgnore }: Props) {
  useLayoutEffect(() => {
    if (autoFocus && cardRef.current) tabbables(cardRef.current)[0]?.focus();
  }, []);
  const place = placePopup(anchor, viewport, { width: CARD_WIDTH, height: CARD_HEIGHT }, avoid);
  return (
    <div
      ref={cardRef}
      class={`card popup c-${finding.level}${place.above ? ' above' : ''}`}
      data-card=""
      data-rule={finding.ruleId}
      data-level={finding.level}
      role="dialog"
      aria-labelledby="pv-card-msg"
      aria-describedby="pv-card-meta"
      style={{ left: `${place.left}px`, top: `${place.top}px` }}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
      // Clicking the card must not take focus (and the selection) from the editor.
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        if (event.key === 'Tab' && cycleFocus(event.currentTarget, event.shiftKey)) event.preventDefault();
      }}
    >
      <p class="msg" id="pv-card-msg">
        {finding.message}
      </p>
      <p class="meta" id="pv-card-meta">
        <span class="tag">{strings.level[finding.level]}</span> · {strings.rule} <code>{finding.ruleId}</code>
      </p>
      <div class="actions">
        {finding.suggestions.map((replacement, i) => (
          <button
            key={i}
            type="button"
            class="btn btn-main"
            data-action="apply"
            aria-label={replacement.trim() === '' ? undefined : fill(strings.replaceWith, { text: replacement })}
            onClick={() => onApply(replacement)}
          >
            {replacementLabel(replacement, strings)}
          </button>
        ))}
        <button type="button" class="btn" data-action="ignore" onClick={onIgnore}>
          {strings.ignoreHere}
        </button>
      </div>
    </div>
  );
}
