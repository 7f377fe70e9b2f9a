import { storage } from 'wxt/utils/storage';
import type { Policy } from './policy/schema';
import type { AuditEntry } from './audit/entry';
import type { UiLanguage } from './i18n';
import { policyFingerprint } from './policy/diff';
import { NO_SOURCES, type PolicySources } from './policy/source-state';
import type { FeedState } from './calendar/feed';
import type { ComposerCalendar } from './calendar/snapshot';

/** The member this browser speaks for (a member id of the active policy), null until chosen. */
export const memberItem = storage.defineItem<string | null>('local:member', { fallback: null, version: 1 });

export interface ActivePolicy {
  /** Validated, with defaults applied: content scripts compile it as it is, without zod. */
  policy: Policy;
  source: 'demo' | 'file' | 'url' | 'managed';
  loadedAt: string;
  /** v2: the file name or URL it came from (null for the demo and a managed policy given as text). */
  origin: string | null;
  /** v2: policyFingerprint(policy); the background writes only when it changes, so content scripts recompile once. */
  fingerprint: string;
}

type ActivePolicyV1 = Omit<ActivePolicy, 'origin' | 'fingerprint'>;

/** Migrations of the stored active policy, by the version they produce (exported for their tests). */
export const ACTIVE_POLICY_MIGRATIONS = {
  2: (v1: ActivePolicyV1 | null): ActivePolicy | null => (v1 ? { ...v1, origin: null, fingerprint: policyFingerprint(v1.policy) } : v1),
};

/** The active policy, owned by the background; null until the background has set it. */
export const activePolicyItem = storage.defineItem<ActivePolicy | null>('local:activePolicy', {
  fallback: null,
  version: 2,
  migrations: ACTIVE_POLICY_MIGRATIONS,
});

/** Every policy source's state (last good policy, ETag, latest error) and IT's member lock; owned by the background. */
export const policySourcesItem = storage.defineItem<PolicySources>('local:policySources', { fallback: NO_SOURCES, version: 1 });

/**
 * Publish-gate overrides, oldest first: where v1 kept them, and where an override waits when the database cannot
 * take it (a full disk, no IndexedDB) until the background's retry moves it there (entrypoints/background/audit.ts).
 */
export const auditItem = storage.defineItem<AuditEntry[]>('local:audit', { fallback: [], version: 1 });

/** Overrides waiting (in `auditItem`, `auditSessionItem` or the background's memory) and why; null when none wait. Owned by the background. */
export interface AuditStatus {
  pending: number;
  problem: 'disk-full' | 'unavailable' | 'failed';
  /** When the first of them could not be saved. */
  since: string;
}
export const auditStatusItem = storage.defineItem<AuditStatus | null>('local:auditStatus', { fallback: null, version: 1 });

export interface Settings {
  /** 'auto' follows the browser's language. */
  language: UiLanguage;
  /** Portavoce on or off per site. */
  sites: { x: boolean; linkedin: boolean };
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', sites: { x: true, linkedin: true } };

/** The member's own settings (options page). */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** The team feed URL set in the options (it takes precedence over the policy's `calendarFeed`); null: none. */
export const calendarFeedUrlItem = storage.defineItem<string | null>('local:calendarFeedUrl', { fallback: null, version: 1 });

/** The team feed's last refresh, error and validators; owned by the background. */
export const calendarFeedStateItem = storage.defineItem<FeedState | null>('local:calendarFeedState', { fallback: null, version: 1 });

/** What composers need of the calendar (quiet periods, today's slots): content scripts never open the database. */
export const composerCalendarItem = storage.defineItem<ComposerCalendar | null>('local:composerCalendar', { fallback: null, version: 1 });
