import type { Finding } from '../../utils/check/types';
import { clip, findingKey } from '../../utils/overlay/findings';
import { fill, type OverlayStrings } from '../../utils/overlay/i18n';

interface Props {
  findings: Finding[];
  member: { id: string; name: string } | null;
  below: boolean;
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

export function FindingList({ findings, member, below, strings, onOpen }: Props) {
  return (
    <div id="pv-list" class={`list popup${below ? ' below' : ''}`} role="group" aria-label={strings.findings}>
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
