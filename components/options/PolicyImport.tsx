import { useState } from 'preact/hooks';
import { tryLoadPolicyText } from '../../utils/policy/load';
import { diffPolicies, type PolicyDiff } from '../../utils/policy/diff';
import type { Policy } from '../../utils/policy/schema';
import type { ActivePolicy } from '../../utils/storage';
import type { SourceSlot } from '../../utils/policy/source-state';
import type { Translator } from '../i18n/useTranslator';
import { ask } from './ask';
import { formatTime } from './format';
import { PolicyProblem } from './PolicyProblem';
import { DiffSummary } from './DiffSummary';

interface Pending {
  name: string;
  text: string;
  policy: Policy;
  diff: PolicyDiff;
}

interface Props {
  tr: Translator;
  active: ActivePolicy;
  slot: SourceSlot | null;
}

/** Import a policy file: validated here first (located errors, nothing changes), then a summary of what changes, then applied. */
export function PolicyImport({ tr, active, slot }: Props) {
  const { t, locale } = tr;
  const [pending, setPending] = useState<Pending | null>(null);
  const [failure, setFailure] = useState<{ name: string; problem: Parameters<typeof PolicyProblem>[0]['problem'] } | null>(null);
  const [status, setStatus] = useState('');

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    setStatus('');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = tryLoadPolicyText(bytes, file.name);
    if (!result.ok) {
      setPending(null);
      setFailure({ name: file.name, problem: { code: 'invalid', message: t('options.import.invalid', [file.name]), issues: result.error.issues, at: new Date().toISOString() } });
      return;
    }
    setFailure(null);
    const text = new TextDecoder().decode(bytes);
    setPending({ name: file.name, text, policy: result.policy, diff: diffPolicies(active.policy, result.policy) });
  };

  const apply = async () => {
    if (!pending) return;
    const reply = await ask<{ ok: boolean; error?: string; issues?: [] }>({ type: 'policy:import', name: pending.name, text: pending.text });
    if (reply.ok) {
      setStatus(t('options.import.applied', [pending.policy.name]));
      setPending(null);
    } else {
      setFailure({ name: pending.name, problem: { code: 'invalid', message: reply.error ?? '', issues: reply.issues ?? [], at: new Date().toISOString() } });
      setPending(null);
    }
  };

  const outranked = active.source === 'managed' || active.source === 'url';
  return (
    <div class="source" data-source-slot="file">
      <h3 id="file-title">{t('options.import.title')}</h3>
      {slot?.policy ? (
        <p>
          {t('options.import.current', [slot.origin, formatTime(slot.loadedAt, locale)])}{' '}
          <button type="button" class="btn" onClick={() => void ask({ type: 'policy:remove-file' })}>{t('options.import.remove')}</button>
        </p>
      ) : (
        <p class="hint">{t('options.import.none')}</p>
      )}
      <label class="file">
        {t('options.import.choose')}
        <input type="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" data-import="policy" onChange={(e) => void onFile(e.currentTarget)} />
      </label>
      {failure && <PolicyProblem tr={tr} source="file" problem={failure.problem} name={failure.name} />}
      {pending && (
        <div class="confirm" role="region" aria-labelledby="pending-title" data-pending-policy>
          <h4 id="pending-title">{t('options.import.review', [pending.policy.name, pending.name])}</h4>
          <DiffSummary tr={tr} diff={pending.diff} />
          {outranked && <p class="warn">{t('options.import.outranked')}</p>}
          <div class="actions">
            <button type="button" class="btn btn-main" data-action="apply-policy" onClick={() => void apply()}>{t('options.import.apply')}</button>
            <button type="button" class="btn" data-action="cancel-policy" onClick={() => setPending(null)}>{t('options.cancel')}</button>
          </div>
        </div>
      )}
      <p class="sr-status" role="status" data-import-status>{status}</p>
    </div>
  );
}
