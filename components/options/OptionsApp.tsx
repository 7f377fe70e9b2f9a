import { useEffect } from 'preact/hooks';
import { activePolicyItem, DEFAULT_SETTINGS, memberItem, policySourcesItem, settingsItem } from '../../utils/storage';
import { NO_SOURCES } from '../../utils/policy/source-state';
import { useTranslator } from '../i18n/useTranslator';
import { CalendarSettings } from '../calendar/CalendarSettings';
import { ask } from './ask';
import { AuditSection } from './AuditSection';
import { Playground } from './Playground';
import { PolicySection } from './PolicySection';
import { ProfileSection } from './ProfileSection';
import { SettingsSection } from './SettingsSection';
import { useStored } from './useStored';

const SECTIONS = ['profile', 'policy', 'playground', 'audit', 'settings', 'calendar'] as const;

/** The options page: who am I, the policy and its sources, the playground, the audit log, settings, the calendar. */
export function OptionsApp() {
  const tr = useTranslator();
  const { t, locale } = tr;
  const active = useStored(activePolicyItem);
  const sources = useStored(policySourcesItem) ?? NO_SOURCES;
  const memberId = useStored(memberItem);
  const settings = useStored(settingsItem) ?? DEFAULT_SETTINGS;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('options.title');
  }, [locale, t]);
  // A fresh install may open this page before the background stored the demo policy.
  useEffect(() => void (active === null && ask({ type: 'policy:ensure' })), [active === null]);

  return (
    <>
      <header class="top">
        <h1>{t('options.title')}</h1>
        <nav aria-label={t('options.nav')}>
          <ul>
            {SECTIONS.map((id) => <li key={id}><a href={`#${id}`}>{t(`options.section.${id}` as 'options.section.profile')}</a></li>)}
          </ul>
        </nav>
      </header>
      <main>
        {!active ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            <ProfileSection tr={tr} policy={active.policy} memberId={memberId ?? null} profile={sources.profile} />
            <PolicySection tr={tr} active={active} sources={sources} />
            <Playground tr={tr} policy={active.policy} memberId={memberId ?? null} />
            <AuditSection tr={tr} />
            <SettingsSection tr={tr} settings={settings} />
            <section id="calendar" aria-labelledby="calendar-title">
              <h2 id="calendar-title">{t('options.section.calendar')}</h2>
              <CalendarSettings />
            </section>
          </>
        )}
      </main>
    </>
  );
}
