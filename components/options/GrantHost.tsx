import { browser } from 'wxt/browser';
import { checkPolicyUrl } from '../../utils/policy/sources';
import type { Translator } from '../i18n/useTranslator';
import { ask } from './ask';

/**
 * IT's policy URL on a server that does not allow cross-origin requests: an enterprise install cannot grant an
 * optional host permission, so the member grants it here, once, and the policy is fetched again.
 */
export function GrantHost({ tr: { t }, url }: { tr: Translator; url: string }) {
  const checked = checkPolicyUrl(url);
  if (!checked.ok) return null;
  const grant = () =>
    void browser.permissions.request({ origins: [checked.origin] }).then((granted) => void (granted && ask({ type: 'policy:refresh' })), () => undefined);
  return (
    <button type="button" class="btn btn-main" data-action="grant-host" onClick={grant}>
      {t('options.managed.grant', [new URL(checked.url).host])}
    </button>
  );
}
