import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuditRow } from '../../utils/calendar/db';
import { auditCsv, auditJson, filterAudit, NO_MEMBER, type AuditFilter } from '../../utils/audit/export';
import type { Translator } from '../i18n/useTranslator';
import { ask } from './ask';
import { AUDIT_CHANNEL } from '../../utils/audit/changes';
import { formatTime } from './format';

/** The log, read again whenever the background announces a change (the member can keep the page open while posting). */
function useAuditLog(): [AuditRow[] | null, () => void, Waiting | null] {
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const reload = () =>
    void ask<{ ok: boolean; entries?: AuditRow[]; pending?: unknown[]; problem?: Waiting['problem'] }>({ type: 'audit:list' }).then((r) => {
      setRows(r.entries ?? []);
      setWaiting(r.problem ? { pending: r.pending?.length ?? 0, problem: r.problem } : null);
    }, () => setRows([]));
  useEffect(() => {
    reload();
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    const channel = new BroadcastChannel(AUDIT_CHANNEL);
    channel.onmessage = reload;
    // A worker that could not announce (stopped half-way): a slow poll as the fallback.
    const timer = setInterval(reload, 30_000);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      channel.close();
      clearInterval(timer);
    };
  }, []);
  return [rows, reload, waiting];
}

/** Overrides the database could not take yet (the background keeps them and retries), and why. */
interface Waiting {
  pending: number;
  problem: 'disk-full' | 'unavailable' | 'failed';
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The publish gate's overrides, newest first: filter, export (what is shown), clear with a confirmation. Never edited. */
export function AuditSection({ tr: { t, locale } }: { tr: Translator }) {
  const [rows, reload, waiting] = useAuditLog();
  const [filter, setFilter] = useState<AuditFilter>({ memberId: 'all', ruleId: 'all' });
  const [confirming, setConfirming] = useState(false);
  const all = rows ?? [];
  const shown = useMemo(() => filterAudit(all, filter), [rows, filter]);
  const members = [...new Set(all.map((r) => r.memberId ?? NO_MEMBER))].sort();
  const rules = [...new Set(all.flatMap((r) => r.rules.map((rule) => rule.id)))].sort();
  const stamp = new Date().toISOString().slice(0, 10);
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section id="audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('options.audit.title')}</h2>
      <p class="hint">{t('options.audit.intro')}</p>
      <div class="row filters">
        <label>{t('options.audit.member')}{' '}
          <select data-audit-filter="member" value={filter.memberId ?? 'all'} onChange={(e) => set({ memberId: e.currentTarget.value })}>
            <option value="all">{t('options.audit.all')}</option>
            {members.map((m) => <option key={m} value={m}>{m === NO_MEMBER ? t('options.audit.noMember') : m}</option>)}
          </select>
        </label>
        <label>{t('options.audit.rule')}{' '}
          <select data-audit-filter="rule" value={filter.ruleId ?? 'all'} onChange={(e) => set({ ruleId: e.currentTarget.value })}>
            <option value="all">{t('options.audit.all')}</option>
            {rules.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <label>{t('options.audit.from')}{' '}
          <input type="date" data-audit-filter="from" value={filter.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value || undefined })} />
        </label>
        <label>{t('options.audit.to')}{' '}
          <input type="date" data-audit-filter="to" value={filter.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value || undefined })} />
        </label>
      </div>
      {waiting && (
        <p class="error" role="alert" data-audit-pending={waiting.pending}>
          {waiting.problem === 'unavailable' ? t('options.audit.unavailable') : waiting.problem === 'disk-full' ? t('options.audit.diskFull') : t('options.audit.failed')}{' '}
          {waiting.pending > 0 && t('options.audit.pending', [waiting.pending])}
        </p>
      )}
      <p role="status" data-audit-count>{rows === null ? t('common.loading') : t('options.audit.count', [shown.length, all.length])}</p>
      <div class="actions">
        <button type="button" class="btn" data-action="export-csv" disabled={shown.length === 0}
          onClick={() => download(`portavoce-audit-${stamp}.csv`, 'text/csv;charset=utf-8', auditCsv(shown))}>{t('options.audit.csv')}</button>
        <button type="button" class="btn" data-action="export-json" disabled={shown.length === 0}
          onClick={() => download(`portavoce-audit-${stamp}.json`, 'application/json', auditJson(shown))}>{t('options.audit.json')}</button>
        <button type="button" class="btn danger" data-action="clear-audit" disabled={all.length === 0} onClick={() => setConfirming(true)}>{t('options.audit.clear')}</button>
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="clear-title" aria-describedby="clear-text">
          <p id="clear-title"><strong>{t('options.audit.confirmTitle')}</strong></p>
          <p id="clear-text">{t('options.audit.confirmText', [all.length])}</p>
          <div class="actions">
            <button type="button" class="btn danger" data-action="confirm-clear"
              onClick={() => void ask({ type: 'audit:clear' }).then(() => (setConfirming(false), reload()))}>{t('options.audit.confirm')}</button>
            <button type="button" class="btn" data-action="cancel-clear" autoFocus onClick={() => setConfirming(false)}>{t('options.cancel')}</button>
          </div>
        </div>
      )}
      {shown.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-title">
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">{t('options.audit.when')}</th>
                <th scope="col">{t('options.audit.member')}</th>
                <th scope="col">{t('options.audit.where')}</th>
                <th scope="col">{t('options.audit.rules')}</th>
                <th scope="col">{t('options.audit.reason')}</th>
                <th scope="col">{t('options.audit.policy')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.seq} data-audit-row data-member={row.memberId ?? ''} data-at={row.at}>
                  <td><time dateTime={row.at}>{formatTime(row.at, locale)}</time></td>
                  <td>{row.memberId ?? t('options.audit.noMember')}</td>
                  <td>{row.platform === 'x' ? 'X' : 'LinkedIn'} · {row.surface}</td>
                  <td>{row.rules.map((r) => `${r.id} (${r.level})`).join(', ')}</td>
                  <td class="reason">{row.reason}</td>
                  <td>{row.policyName} <span class="muted" title={row.draftHash}>#{row.draftHash.slice(0, 8)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
