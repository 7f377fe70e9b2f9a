import type { RefObject } from 'preact';
import type { Finding, Level, TopicReport } from '../../utils/check/types';
import type { LevelCounts } from '../../utils/overlay/findings';
import { fill, plural, type OverlayStrings } from '../../utils/overlay/i18n';
import { FindingList } from './FindingList';
import type { OverlayModel } from './index';

// Text presentation (U+FE0E) keeps the symbols from turning into colour emoji.
const ICON: Record<Level, string> = { error: '✖\uFE0E', warning: '⚠\uFE0E', suggestion: '✎\uFE0E' };
const LEVELS: readonly Level[] = ['error', 'warning', 'suggestion'];

interface Props {
  model: OverlayModel;
  strings: OverlayStrings;
  counts: LevelCounts;
  listOpen: boolean;
  viewport: { width: number; height: number };
  badgeRef: RefObject<HTMLDivElement | null>;
  pillRef: RefObject<HTMLButtonElement | null>;
  onToggle(): void;
  onOpenFinding(finding: Finding, opener: HTMLElement): void;
  onOpenOptions(): void;
}

function TopicChip({ topic, strings }: { topic: TopicReport; strings: OverlayStrings }) {
  const coverage = topic.covered === null ? null : topic.covered ? strings.covered : strings.notCovered;
  return (
    <li class={`chip${topic.restricted ? ' chip-restricted' : ''}`} data-topic={topic.id} data-covered={String(topic.covered)}>
      {topic.label}
      {coverage !== null && (
        <>
          {' '}
          <span class={topic.covered ? 'yes' : 'no'} aria-hidden="true">
            {topic.covered ? '✓' : '✗'}
          </span>
          <span class="sr">({coverage})</span>
        </>
      )}
      {topic.restricted && <span class="flag"> · {strings.restricted}</span>}
    </li>
  );
}

/** Grows up and to the left from its anchor, the pill in the corner; the findings list opens above or below. */
export function Badge({ model, strings, counts, listOpen, viewport, badgeRef, pillRef, onToggle, onOpenFinding, onOpenOptions }: Props) {
  const shown = LEVELS.filter((level) => counts[level] > 0);
  return (
    <div
      ref={badgeRef}
      class="badge"
      data-badge=""
      style={{ left: `${model.badgeAnchor.left}px`, top: `${model.badgeAnchor.top}px` }}
    >
      {model.notice && (
        <p class="line notice" role="note">
          {model.notice}
        </p>
      )}
      {model.plannedToday && <p class="line">{fill(strings.plannedToday, { what: model.plannedToday })}</p>}
      {model.member === null && (
        <a
          class="line link"
          href={model.optionsUrl}
          data-action="open-options"
          onClick={(event) => {
            // Pages cannot navigate to extension pages; the background opens it.
            event.preventDefault();
            onOpenOptions();
          }}
        >
          {strings.chooseProfile}
        </a>
      )}
      <div class="row">
        {model.topics.length > 0 && (
          <ul class="chips" aria-label={strings.topics}>
            {model.topics.map((topic) => (
              <TopicChip key={topic.id} topic={topic} strings={strings} />
            ))}
          </ul>
        )}
        <button ref={pillRef} type="button" class="pill" aria-expanded={listOpen} aria-controls="pv-list" onClick={onToggle}>
          <span class="sr">{strings.product}: </span>
          {shown.length === 0 ? (
            <span class="clean">
              <span aria-hidden="true">✓</span>
              <span class="sr">{strings.noIssues}</span>
            </span>
          ) : (
            shown.map((level) => (
              <span key={level} class={`count c-${level}`} data-count={level}>
                <span aria-hidden="true">
                  {ICON[level]} {counts[level]}
                </span>
                <span class="sr">{plural(model.locale, strings.count[level], counts[level])}</span>
              </span>
            ))
          )}
        </button>
      </div>
      {/* After the pill in the DOM, so Tab goes from the pill into the list. */}
      {listOpen && (
        <FindingList
          findings={model.findings}
          member={model.member}
          anchor={model.badgeAnchor}
          viewport={viewport}
          avoid={model.avoid ?? []}
          strings={strings}
          onOpen={onOpenFinding}
        />
      )}
    </div>
  );
}
