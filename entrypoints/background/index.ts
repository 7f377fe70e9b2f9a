import { browser } from 'wxt/browser';
import { checkMessage } from '../../utils/messages';
import {
  ensureActivePolicy, importPolicyFile, refreshPolicies, registerPolicySources, removePolicyFile, setMember, setPolicyUrl, startPolicySources,
} from './policy-sources';
import { appendAuditEntry, clearAuditEntries, migrateLegacyAudit, readAuditLog, registerAudit } from './audit';
import { markPublished, refreshFeedNow, registerCalendar } from './calendar';

export default defineBackground(() => {
  registerPolicySources();
  registerCalendar();
  registerAudit();
  // Every wake (install, browser start, a message, an alarm): IT's settings, the alarm, the active policy; the v1 audit log moved once.
  void startPolicySources().catch((error) => console.error('Portavoce policy sources:', error));
  void migrateLegacyAudit().catch((error) => console.error('Portavoce audit migration:', error));
  browser.runtime.onMessage.addListener((raw, sender) => {
    const checked = checkMessage(raw, sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
    const { message } = checked;
    switch (message.type) {
      case 'audit:append':
        return appendAuditEntry(message.entry).then((result) => ({ ok: true, ...result }));
      case 'audit:list':
        return readAuditLog().then((log) => ({ ok: true, ...log }));
      case 'audit:clear':
        return clearAuditEntries().then(() => ({ ok: true }));
      case 'member:set':
        return setMember(message.memberId);
      case 'policy:import':
        return importPolicyFile(message.name, message.text);
      case 'policy:remove-file':
        return removePolicyFile().then((active) => ({ ok: true, active }));
      case 'policy:set-url':
        return setPolicyUrl(message.url);
      case 'policy:refresh':
        return refreshPolicies().then(() => ({ ok: true }));
      case 'calendar:published':
        return markPublished(message).then((marked) => ({ ok: true, marked }));
      case 'calendar:refresh-feed':
        return refreshFeedNow().then((state) => ({ ok: true, state }));
      case 'options:open':
        return browser.runtime.openOptionsPage().then(() => ({ ok: true }));
      case 'policy:ensure':
        return ensureActivePolicy().then((active) => ({ ok: true, active }));
    }
  });
});
