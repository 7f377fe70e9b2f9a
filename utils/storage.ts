import { storage } from 'wxt/utils/storage';
import type { Policy } from './policy/schema';
import type { AuditEntry } from './audit/entry';

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
