import { settingsItem, type Settings } from '../../utils/storage';
import type { UiLanguage } from '../../utils/i18n';
import type { Translator } from '../i18n/useTranslator';

/** The member's own settings: Portavoce on or off per site, and the pages' language. */
export function SettingsSection({ tr: { t }, settings }: { tr: Translator; settings: Settings }) {
  const save = (next: Settings) => void settingsItem.setValue(next);
  const sites = [['linkedin', 'LinkedIn'], ['x', 'X']] as const;
  return (
    <section id="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('options.settings.title')}</h2>
      <fieldset>
        <legend>{t('options.settings.sites')}</legend>
        {sites.map(([site, label]) => (
          <label key={site} class="check">
            <input type="checkbox" data-site-toggle={site} checked={settings.sites[site]}
              onChange={(e) => save({ ...settings, sites: { ...settings.sites, [site]: e.currentTarget.checked } })} />
            {' '}{t('options.settings.siteOn', [label])}
          </label>
        ))}
      </fieldset>
      <label for="language-select">{t('common.language')}</label>{' '}
      <select id="language-select" data-language-select value={settings.language}
        onChange={(e) => save({ ...settings, language: e.currentTarget.value as UiLanguage })}>
        <option value="auto">{t('options.settings.auto')}</option>
        <option value="en" lang="en">English</option>
        <option value="it" lang="it">Italiano</option>
      </select>
    </section>
  );
}
