import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { compile } from '../../utils/check/engine';
import { PLATFORMS, type Finding, type Platform } from '../../utils/check/types';
import type { Policy } from '../../utils/policy/schema';
import type { SiteAdapter } from '../../utils/sites/types';
import { ComposerSession, type SessionEnv } from '../../utils/composer/session';
import type { Translator } from '../i18n/useTranslator';

interface Props {
  tr: Translator;
  policy: Policy;
  memberId: string | null;
}

/** An adapter for our own textarea: nothing to find, nothing to publish. */
function playgroundAdapter(platform: Platform): SiteAdapter {
  return { platform, shadowRoots: () => [], findComposers: () => [], publishControls: () => [], isSendKey: () => false };
}

/**
 * Try a draft against the active policy: the composer's own session (the same engine, the same overlay with
 * its underlines, cards and badge) on a textarea of this page, for any platform and member.
 */
export function Playground({ tr: { t, locale }, policy, memberId }: Props) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [platform, setPlatform] = useState<Platform>('linkedin');
  const [member, setMember] = useState<string>(memberId ?? '');
  const [findings, setFindings] = useState<Finding[]>([]);
  const engine = useMemo(() => compile(policy), [policy]);
  const state = useRef({ engine, policy, member });
  state.current = { engine, policy, member };
  const session = useRef<ComposerSession | null>(null);

  useEffect(() => setMember(memberId ?? ''), [memberId]);

  useEffect(() => {
    const editor = textarea.current!;
    const env: SessionEnv = {
      adapter: playgroundAdapter(platform),
      engine: () => state.current.engine,
      policy: () => state.current.policy,
      member: () => state.current.policy.members.find((m) => m.id === state.current.member) ?? null,
      locale,
      optionsUrl: '#profile',
      openOptions: () => document.getElementById('member-select')?.focus(),
      override: async () => undefined,
    };
    const current = new ComposerSession({ editor, surface: 'post' }, env);
    session.current = current;
    const report = () => setFindings(current.result?.findings ?? []);
    const observer = new MutationObserver(report);
    observer.observe(current.host, { attributes: true });
    const remeasure = () => current.remeasure();
    window.addEventListener('scroll', remeasure, { passive: true, capture: true });
    window.addEventListener('resize', remeasure);
    // The rest of the page changes (an import's error panel opens above, the audit log grows): as the composer
    // does for the site's page, draw again once a frame if the textarea moved.
    let frame = 0;
    const moved = new MutationObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), current.remeasureIfMoved()));
    });
    moved.observe(document.getElementById('app') ?? document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    return () => {
      cancelAnimationFrame(frame);
      moved.disconnect();
      observer.disconnect();
      window.removeEventListener('scroll', remeasure, { capture: true });
      window.removeEventListener('resize', remeasure);
      current.destroy();
      session.current = null;
    };
  }, [platform, locale]);

  // A new policy or member: check again at once.
  useEffect(() => session.current?.update(), [engine, member]);

  const counts = { error: 0, warning: 0, suggestion: 0 };
  for (const f of findings) counts[f.level]++;
  return (
    <section id="playground" aria-labelledby="playground-title">
      <h2 id="playground-title">{t('options.playground.title')}</h2>
      <p class="hint">{t('options.playground.intro')}</p>
      <div class="row">
        <label>
          {t('options.playground.platform')}{' '}
          <select data-playground-platform value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform)}>
            {PLATFORMS.map((p) => <option key={p} value={p}>{p === 'x' ? 'X' : 'LinkedIn'}</option>)}
          </select>
        </label>
        <label>
          {t('options.playground.member')}{' '}
          <select data-playground-member value={member} onChange={(e) => setMember(e.currentTarget.value)}>
            <option value="">{t('options.profile.none')}</option>
            {policy.members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </label>
      </div>
      <label for="playground-draft" class="block">{t('options.playground.draft')}</label>
      <textarea id="playground-draft" ref={textarea} data-playground rows={7} spellcheck={false}
        placeholder={t('options.playground.placeholder')} />
      <p role="status" data-playground-counts>{t('options.playground.counts', [counts.error, counts.warning, counts.suggestion])}</p>
      {findings.length > 0 && (
        <ul class="findings">
          {findings.map((f) => (
            <li key={`${f.ruleId}:${f.start}:${f.end}`} class={`finding c-${f.level}`} data-playground-finding data-rule={f.ruleId} data-level={f.level}>
              <span class="tag">{t(`options.level.${f.level}` as 'options.level.error')}</span> <code>{f.ruleId}</code> «{f.match}» — {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
