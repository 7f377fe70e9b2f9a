import { storage } from 'wxt/utils/storage';
import type { Policy } from './policy/schema';
import type { AuditEntry } from './audit/entry';
import type { UiLanguage } from './i18n';

/** The member this browser speaks for (a member id of the active policy), null until chosen. */
export const memberItem = storage.defineItem<string | null>('local:member', { fallback: null, version: 1 });

export interface ActivePolicy {
  /** Validated, with defaults applied: content scripts compile it as it is, without zod. */
  policy: Policy;
  source: 'demo' | 'file' | 'url' | 'managed';
  loadedAt: string;
}

/** The active policy, owned by the background; null until the background has set it. */
export const activePolicyItem = storage.defineItem<ActivePolicy | null>('local:activePolicy', { fallback: null, version: 1 });

/** Publish-gate overrides, oldest first. */
export const auditItem = storage.defineItem<AuditEntry[]>('local:audit', { fallback: [], version: 1 });

export interface Settings {
  /** 'auto' follows the browser's language. */
  language: UiLanguage;
  /** Portavoce on or off per site. */
  sites: { x: boolean; linkedin: boolean };
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', sites: { x: true, linkedin: true } };

/** The member's own settings (options page). */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });
