import type { PolicySources } from '../../utils/policy/source-state';
import type { ActivePolicy } from '../../utils/storage';
import type { Translator } from '../i18n/useTranslator';
import { formatTime } from './format';
import { PolicyImport } from './PolicyImport';
import { PolicyProblem } from './PolicyProblem';
import { PolicyUrl } from './PolicyUrl';
import { GrantHost } from './GrantHost';

/** The active policy and every source that can provide it, highest first. */
export function PolicySection({ tr, active, sources }: { tr: Translator; active: ActivePolicy; sources: PolicySources }) {
  const { t, locale } = tr;
  const { policy } = active;
  const managed = sources.managed;
  return (
    <section id="policy" aria-labelledby="policy-title">
      <h2 id="policy-title">{t('options.policy.title')}</h2>
      <div class="active" data-policy-active data-source={active.source} data-fingerprint={active.fingerprint}>
        <p class="name"><strong>{policy.name}</strong> <span class="muted">v{policy.version}</span></p>
        <dl class="facts">
          <dt>{t('options.policy.source')}</dt>
          <dd data-policy-source>{t(`options.source.${active.source}` as 'options.source.demo')}{active.origin ? ` — ${active.origin}` : ''}</dd>
          <dt>{t('options.policy.loadedAt')}</dt>
          <dd>{formatTime(active.loadedAt, locale)}</dd>
          <dt>{t('options.policy.contents')}</dt>
          <dd>{t('options.policy.counts', [policy.rules.length, policy.topics.length, policy.members.length])}</dd>
        </dl>
      </div>
      <p class="hint">{t('options.policy.order')}</p>
      <div class="source" data-source-slot="managed">
        <h3>{t('options.source.managed')}</h3>
        {managed ? (
          <>
            <p>{managed.policy ? t('options.managed.active', [managed.policy.name, formatTime(managed.loadedAt, locale)]) : t('options.managed.never')}</p>
            {managed.origin !== 'managed storage' && <p class="hint">{t('options.managed.url', [managed.origin])}</p>}
            {managed.error && <PolicyProblem tr={tr} source="managed" problem={managed.error} name="managed policy" lastGood={managed.loadedAt} />}
            {managed.error?.code === 'permission' && <GrantHost tr={tr} url={managed.origin} />}
          </>
        ) : (
          <p class="hint">{t('options.managed.none')}</p>
        )}
      </div>
      {managed?.policy ? (
        <p class="hint">{t('options.managed.overrides')}</p>
      ) : null}
      <PolicyUrl tr={tr} slot={sources.url} />
      <PolicyImport tr={tr} active={active} slot={sources.file} />
    </section>
  );
}
