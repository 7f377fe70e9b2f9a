import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../utils/check/types';
import { clip, findingKey } from '../../utils/overlay/findings';
import { fill, type OverlayStrings } from '../../utils/overlay/i18n';
import { placeList, type Box, type ListPlacement } from '../../utils/overlay/placement';

/** The list's width and most height (styles.ts: .list). */
const LIST_WIDTH = 300;
const LIST_MAX_HEIGHT = 260;

interface Props {
  findings: Finding[];
  member: { id: string; name: string } | null;
  /** The badge's bottom-right corner; the badge grows up and to the left from it, the list hangs from the badge. */
  anchor: { left: number; top: number };
  viewport: { width: number; height: number };
  /** What the list must never cover: the site's send button. */
  avoid: readonly Box[];
  strings: OverlayStrings;
  onOpen(finding: Finding, opener: HTMLElement): void;
}

/** Up and Down move between items; Tab works too. */
function moveFocus(event: KeyboardEvent) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const list = event.currentTarget as HTMLElement;
  const items = Array.from(list.querySelectorAll<HTMLElement>('[data-list-item]'));
  const current = items.findIndex((item) => item === (list.getRootNode() as ShadowRoot | Document).activeElement);
  const step = event.key === 'ArrowDown' ? 1 : -1;
  const next = items[(current + step + items.length) % items.length];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function FindingList({ findings, member, anchor, viewport, avoid, strings, onOpen }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<ListPlacement>({ below: false, maxHeight: LIST_MAX_HEIGHT });
  // Measured after every render (the badge's size and the list's content change with the findings).
  useLayoutEffect(() => {
    const list = ref.current;
    const badge = list?.parentElement;
    if (!list || !badge) return;
    const width = badge.offsetWidth;
    const height = badge.offsetHeight;
    const box: Box = { left: anchor.left - width, top: anchor.top - height, width, height };
    const natural = list.scrollHeight + (list.offsetHeight - list.clientHeight);
    const size = { width: list.offsetWidth || LIST_WIDTH, height: Math.min(LIST_MAX_HEIGHT, natural || LIST_MAX_HEIGHT) };
    const next = placeList(box, viewport, size, avoid);
    if (next.below !== place.below || next.maxHeight !== place.maxHeight) setPlace(next);
  });
  return (
    <div
      ref={ref}
      id="pv-list"
      class={`list popup${place.below ? ' below' : ''}`}
      style={{ maxHeight: `${place.maxHeight}px` }}
      role="group"
      aria-label={strings.findings}
    >
      {member !== null && <p class="head">{fill(strings.checkingAs, { name: member.name })}</p>}
      {findings.length === 0 ? (
        <p class="head">{strings.noIssues}</p>
      ) : (
        <ul onKeyDown={moveFocus}>
          {findings.map((finding) => (
            <li key={findingKey(finding)}>
              <button
                type="button"
                class={`item c-${finding.level}`}
                data-list-item=""
                data-rule={finding.ruleId}
                data-start={String(finding.start)}
                aria-haspopup="dialog"
                onClick={(event) => onOpen(finding, event.currentTarget)}
              >
                <span class="tag">{strings.level[finding.level]}</span> <span class="match">“{clip(finding.match, 40)}”</span>{' '}
                {finding.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
