import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkPolicyUrl } from '../../utils/policy/sources';
import type { SourceSlot } from '../../utils/policy/source-state';
import type { Translator } from '../i18n/useTranslator';
import { ask, type Reply } from './ask';
import { formatTime } from './format';
import { PolicyProblem } from './PolicyProblem';
import { GrantHost } from './GrantHost';

/** The URL source: set it (the host asked for as an optional permission right then), refresh now, remove. */
export function PolicyUrl({ tr, slot }: { tr: Translator; slot: SourceSlot | null }) {
  const { t, locale } = tr;
  const [draft, setDraft] = useState(slot?.origin ?? '');
  const [note, setNote] = useState<{ kind: 'error' | 'warn' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(slot?.origin ?? ''), [slot?.origin]);

  const save = (event: Event) => {
    event.preventDefault();
    const checked = checkPolicyUrl(draft);
    if (!checked.ok) {
      setNote({ kind: 'error', text: t('options.url.bad', [checked.error]) });
      return;
    }
    // Asked at once, inside the click: browsers grant optional permissions only during a user gesture. The
    // URL is saved and fetched without waiting for the answer (a server that allows cross-origin requests
    // needs no permission); a grant that comes later fetches again.
    const host = new URL(checked.url).host;
    void browser.permissions.request({ origins: [checked.origin] }).then(
      (granted) => (granted ? void ask({ type: 'policy:refresh' }) : setNote({ kind: 'warn', text: t('options.url.noPermission', [host]) })),
      () => undefined,
    );
    setBusy(true);
    setNote(null);
    void ask<Reply>({ type: 'policy:set-url', url: checked.url }).then((reply) => {
      setBusy(false);
      setNote(reply.ok ? { kind: 'ok', text: t('options.url.saved') } : { kind: 'error', text: t('options.url.bad', [reply.error]) });
    });
  };

  const refresh = async () => {
    setBusy(true);
    await ask({ type: 'policy:refresh' });
    setBusy(false);
  };

  return (
    <div class="source" data-source-slot="url">
      <h3>{t('options.url.title')}</h3>
      <p class="hint">{t('options.url.intro')}</p>
      <form class="row" onSubmit={save}>
        <label for="policy-url" class="sr">{t('options.url.label')}</label>
        <input id="policy-url" type="url" inputMode="url" placeholder="https://intranet.example.com/social-policy.yaml" value={draft}
          data-policy-url onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="btn btn-main" data-action="save-url" disabled={busy}>{t('options.url.save')}</button>
      </form>
      {note && <p class={note.kind} role="status" data-url-note={note.kind}>{note.text}</p>}
      {slot && (
        <>
          <dl class="facts" data-url-state>
            <dt>{t('options.url.lastSuccess')}</dt>
            <dd data-url-last-success>{formatTime(slot.loadedAt, locale)}</dd>
            <dt>{t('options.url.lastCheck')}</dt>
            <dd data-url-last-check>{formatTime(slot.checkedAt, locale)}</dd>
            {slot.policy && (<><dt>{t('options.url.policy')}</dt><dd>{slot.policy.name}</dd></>)}
          </dl>
          {slot.error && <PolicyProblem tr={tr} source="url" problem={slot.error} name={slot.origin} lastGood={slot.loadedAt} />}
          {slot.error?.code === 'permission' && <GrantHost tr={tr} url={slot.origin} />}
          <div class="actions">
            <button type="button" class="btn" data-action="refresh-policy" disabled={busy} onClick={() => void refresh()}>{t('options.url.refresh')}</button>
            <button type="button" class="btn" data-action="remove-url" disabled={busy} onClick={() => void ask({ type: 'policy:set-url', url: null })}>{t('options.url.remove')}</button>
          </div>
        </>
      )}
    </div>
  );
}
