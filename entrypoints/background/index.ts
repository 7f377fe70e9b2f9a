import { browser } from 'wxt/browser';
import { checkMessage } from '../../utils/messages';
import { activePolicyItem, auditItem, type ActivePolicy } from '../../utils/storage';
import { policySchema } from '../../utils/policy/schema';
import { DEMO_POLICY } from '../../utils/policy/demo';
import type { AuditEntry } from '../../utils/audit/entry';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void ensureActivePolicy());
  browser.runtime.onStartup.addListener(() => void ensureActivePolicy());
  browser.runtime.onMessage.addListener((raw, sender) => {
    const checked = checkMessage(raw, sender, browser.runtime.id);
    if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
    const { message } = checked;
    switch (message.type) {
      case 'audit:append':
        return appendAudit(message.entry).then(() => ({ ok: true }));
      case 'options:open':
        return browser.runtime.openOptionsPage().then(() => ({ ok: true }));
      case 'policy:ensure':
        return ensureActivePolicy().then((active) => ({ ok: true, active }));
    }
  });
});

/** A new install uses the embedded demo policy until a company policy arrives. */
async function ensureActivePolicy(): Promise<ActivePolicy> {
  const current = await activePolicyItem.getValue();
  if (current) return current;
  const active: ActivePolicy = { policy: policySchema.parse(DEMO_POLICY), source: 'demo', loadedAt: new Date().toISOString() };
  await activePolicyItem.setValue(active);
  return active;
}

let queue: Promise<unknown> = Promise.resolve();

/** Appends are serialized so that two overrides at once both land. */
function appendAudit(entry: AuditEntry): Promise<void> {
  const next = queue.then(async () => auditItem.setValue([...(await auditItem.getValue()), entry]));
  queue = next.catch(() => undefined);
  return next;
}
