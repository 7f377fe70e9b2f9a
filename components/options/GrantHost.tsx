import { browser } from 'wxt/browser';
import { checkPolicyUrl } from '../../utils/policy/sources';
import type { Translator } from '../i18n/useTranslator';
import { ask } from './ask';

/**
 * A policy URL the browser may not fetch (no host permission, a server without CORS headers): IT's, which an
 * enterprise install cannot grant, or the member's own after a declined prompt. Granted here, once, and fetched again.
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
