import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../utils/check/types';
import { findingKey, isValidReason } from '../../utils/overlay/findings';
import { cycleFocus } from '../../utils/overlay/focus';
import { fill, type OverlayStrings } from '../../utils/overlay/i18n';

interface Props {
  gate: { findings: Finding[]; policyName: string };
  strings: OverlayStrings;
  onEdit(): void;
  onPublish(reason: string): void;
}

/** The modal publish gate: a backdrop takes the page's clicks, Tab cycles inside, Escape means Edit. */
export function Gate({ gate, strings, onEdit, onPublish }: Props) {
  const [reason, setReason] = useState('');
  const editRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    editRef.current?.focus();
  }, []);
  const valid = isValidReason(reason);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Tab') {
      if (cycleFocus(event.currentTarget as HTMLElement, event.shiftKey)) event.preventDefault();
    } else if (event.key === 'Escape' && !event.isComposing) {
      event.preventDefault();
      onEdit();
    }
  };

  return (
    <div class="backdrop">
      <div
        class="gate popup"
        data-gate=""
        role="dialog"
        aria-modal="true"
        aria-labelledby="pv-gate-title"
        aria-describedby="pv-gate-policy"
        onKeyDown={onKeyDown}
      >
        <h2 id="pv-gate-title">{strings.gateTitle}</h2>
        <p id="pv-gate-policy">{fill(strings.gatePolicy, { name: gate.policyName })}</p>
        <ul>
          {gate.findings.map((finding) => (
            <li key={findingKey(finding)} class={`c-${finding.level}`} data-rule={finding.ruleId} data-level={finding.level}>
              <span class="tag">{strings.level[finding.level]}</span> <span class="match">“{finding.match}”</span>{' '}
              {finding.message}
            </li>
          ))}
        </ul>
        <label for="pv-reason">{strings.reasonLabel}</label>
        <textarea
          id="pv-reason"
          data-reason=""
          rows={2}
          value={reason}
          aria-describedby="pv-reason-hint"
          onInput={(event) => {
            // Only the member's own typing: a page script may not write the reason for them.
            if (event.isTrusted) setReason(event.currentTarget.value);
          }}
        />
        <p class="hint" id="pv-reason-hint">
          {strings.reasonHint}
        </p>
        <div class="actions">
          <button ref={editRef} type="button" class="btn btn-main" data-action="edit" onClick={onEdit}>
            {strings.edit}
          </button>
          <button
            type="button"
            class="btn"
            data-action="publish-anyway"
            disabled={!valid}
            onClick={(event) => {
              // The shadow root is open, so page scripts can reach this button: only a real click publishes.
              if (event.isTrusted && isValidReason(reason)) onPublish(reason.trim());
            }}
          >
            {strings.publishAnyway}
          </button>
        </div>
      </div>
    </div>
  );
}
