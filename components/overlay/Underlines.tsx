import type { Finding } from '../../utils/check/types';
import type { OverlayUnderline } from './index';

/** The bar straddles the bottom of the text's rect: tall enough to hover, short enough to leave the text clickable. */
const BAR_HEIGHT = 6;
const BAR_BELOW = 2;

interface Props {
  underlines: OverlayUnderline[];
  onHover(finding: Finding, piece: number): void;
  onLeave(): void;
  onClick(finding: Finding, piece: number): void;
}

export function Underlines({ underlines, onHover, onLeave, onClick }: Props) {
  return (
    <>
      {underlines.flatMap(({ finding, rects }) => {
        // Keyed by where the finding starts, not where it ends: a finding that grows as the member types
        // (the text past X's limit) keeps its bars and only moves them.
        const key = `${finding.ruleId}\u0000${finding.start}`;
        return rects.map((rect, piece) => (
          <div
            key={`${key}\u0000${piece}`}
            class={`u c-${finding.level}`}
            data-finding=""
            data-rule={finding.ruleId}
            data-level={finding.level}
            data-start={String(finding.start)}
            data-end={String(finding.end)}
            aria-hidden="true"
            style={{
              left: `${rect.left}px`,
              top: `${rect.top + rect.height + BAR_BELOW - BAR_HEIGHT}px`,
              width: `${rect.width}px`,
              height: `${BAR_HEIGHT}px`,
            }}
            // Keep the editor focused (and its selection) when the bar is clicked.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => onHover(finding, piece)}
            onMouseLeave={onLeave}
            onClick={() => onClick(finding, piece)}
          />
        ));
      })}
    </>
  );
}
