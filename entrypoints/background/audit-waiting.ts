// Where an override waits while the database cannot take it, the most lasting place first: storage.local
// (kept across browser restarts), storage.session (the browser's memory: kept when the worker stops, not when
// the browser closes), this worker's memory (kept while it runs). On a physically full disk storage.local can
// refuse as well; the other two never write to disk.
import { auditEntrySchema, type AuditEntry } from '../../utils/audit/entry';
import { storage } from 'wxt/utils/storage';
import { auditItem } from '../../utils/storage';

/**
 * Overrides waiting in storage.session when storage.local refused them. Defined here, not in utils/storage.ts:
 * content scripts, which import that file, may not touch storage.session at all.
 */
export const auditSessionItem = storage.defineItem<AuditEntry[]>('session:auditWaiting', { fallback: [] });

export type WaitingPlace = 'local' | 'session' | 'memory';

const inMemory: AuditEntry[] = [];

/** How many entries wait in this worker's memory (nothing else keeps them: see retryWhileInMemory in audit.ts). */
export const waitingInMemory = () => inMemory.length;

const readOr = <T>(read: () => Promise<T>, fallback: T): Promise<T> => read().catch(() => fallback);

export interface Waiting {
  /** Every waiting entry that validates, oldest first (by time, wherever it waits). */
  valid: AuditEntry[];
  /** What waits in storage.local and no longer validates: left there, never dropped. */
  invalid: unknown[];
}

export async function readWaiting(): Promise<Waiting> {
  const [local, session] = await Promise.all([readOr(() => auditItem.getValue(), []), readOr(() => auditSessionItem.getValue(), [])]);
  const valid: AuditEntry[] = [];
  const invalid: unknown[] = [];
  for (const raw of Array.isArray(local) ? local : []) {
    if (auditEntrySchema.safeParse(raw).success) valid.push(raw as AuditEntry);
    else invalid.push(raw);
  }
  valid.push(...(Array.isArray(session) ? session : []), ...inMemory);
  valid.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { valid, invalid };
}

/** Puts an entry in the first place that takes it; says which. */
export async function addWaiting(entry: AuditEntry): Promise<WaitingPlace> {
  try {
    await auditItem.setValue([...(await auditItem.getValue()), entry]);
    return 'local';
  } catch {
    // storage.local refuses too (the disk is full): the browser's memory next.
  }
  try {
    await auditSessionItem.setValue([...(await auditSessionItem.getValue()), entry]);
    return 'session';
  } catch {
    // No storage.session (an old browser) or its quota is spent.
  }
  inMemory.push(entry);
  return 'memory';
}

/**
 * Forgets the entries that have landed in the database. A place that cannot be cleared keeps them; they are
 * not added twice (the next move skips entries already in the log).
 */
export async function forgetWaiting(landed: readonly AuditEntry[], invalid: unknown[]): Promise<void> {
  const moved = new Set(landed);
  for (let i = inMemory.length - 1; i >= 0; i--) if (moved.has(inMemory[i]!)) inMemory.splice(i, 1);
  await (invalid.length ? auditItem.setValue(invalid as AuditEntry[]) : auditItem.removeValue()).catch(() => undefined);
  await auditSessionItem.removeValue().catch(() => undefined);
}
