// The language, member and policy of the popup's first screen: from the early script's one storage read
// (./early-read.ts) when the stored policy is in the current format, else through the storage items.
import { i18n } from '#i18n';
import { resolveLocale, translatorFor, type UiLanguage } from '../../utils/i18n';
import type { Policy } from '../../utils/policy/schema';
import { ACTIVE_POLICY_MIGRATIONS, activePolicyItem, memberItem, type ActivePolicy, type Settings } from '../../utils/storage';
import { loadTranslator, type Translator } from '../i18n/useTranslator';
import { EARLY_KEYS, takeStoredSettings, type EarlyStored } from './early-read';

export interface FirstSettings {
  translator: Translator;
  me: string | null;
  policy: Policy | null;
}

/** The stored active policy's format: activePolicyItem's version (the last of its migrations). */
const POLICY_VERSION = Math.max(1, ...Object.keys(ACTIVE_POLICY_MIGRATIONS).map(Number));

/** Whether the raw values read as the items would give them (no policy, or one that needs no migration). */
function current(stored: EarlyStored): boolean {
  return stored[EARLY_KEYS.activePolicy] == null || (stored[EARLY_KEYS.activePolicyMeta] as { v?: number } | undefined)?.v === POLICY_VERSION;
}

export async function firstSettings(): Promise<FirstSettings> {
  const stored = await takeStoredSettings();
  if (stored && current(stored)) {
    const language: UiLanguage = (stored[EARLY_KEYS.settings] as Settings | undefined)?.language ?? 'auto';
    return {
      translator: { t: await translatorFor(language).catch(() => i18n.t), locale: resolveLocale(language) },
      me: (stored[EARLY_KEYS.member] as string | null | undefined) ?? null,
      policy: (stored[EARLY_KEYS.activePolicy] as ActivePolicy | null | undefined)?.policy ?? null,
    };
  }
  const [translator, me, policy] = await Promise.all([
    loadTranslator(),
    memberItem.getValue().catch(() => null),
    activePolicyItem.getValue().then((a) => a?.policy ?? null, () => null),
  ]);
  return { translator, me, policy };
}
