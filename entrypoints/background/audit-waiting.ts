// Where an override waits until the database has it, the most lasting place first: storage.local (kept across
// browser restarts), storage.session (the browser's memory: kept when the worker stops, not when the browser
// closes), this worker's memory (kept while it runs). On a physically full disk storage.local can refuse as
// well; the other two never write to disk. Every override is put here first (write-ahead), before any database
// call, which on a failing disk may take long or never settle.
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

/** Adding and forgetting read, change and write the same lists: one at a time, or an entry added meanwhile is lost. */
let changes: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
  const next = changes.then(change);
  changes = next.catch(() => undefined);
  return next;
}

const readOr = <T>(read: () => Promise<T>, fallback: T): Promise<T> => read().catch(() => fallback);

/** An override is the same override wherever it waits (storage gives back copies, not the same object). */
const identity = (entry: AuditEntry) => `${entry.at} ${entry.draftHash}`;

export interface Waiting {
  /** Every waiting entry that validates, oldest first (by time, wherever it waits). */
  valid: AuditEntry[];
  /** What waits in storage.local and no longer validates: left there, never dropped. */
  invalid: unknown[];
}

export async function readWaiting(): Promise<Waiting> {
  const [local, session] = await Promise.all([readOr(() => auditItem.getValue(), []), readOr(() => auditSessionItem.getValue(), [])]);
  const valid = new Map<string, AuditEntry>();
  const invalid: unknown[] = [];
  for (const raw of Array.isArray(local) ? local : []) {
    if (auditEntrySchema.safeParse(raw).success) valid.set(identity(raw), raw);
    else invalid.push(raw);
  }
  for (const entry of [...(Array.isArray(session) ? session : []), ...inMemory]) valid.set(identity(entry), entry);
  return { valid: [...valid.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)), invalid };
}

/** Puts an entry in the first place that takes it; says which. */
export const addWaiting = (entry: AuditEntry): Promise<WaitingPlace> =>
  oneAtATime(async () => {
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
  });

/**
 * Forgets the entries that have landed in the database, and only those: an override written ahead meanwhile,
 * or one that no longer validates, stays. A place that cannot be cleared keeps them; they are not added twice
 * (the next move skips entries already in the log).
 */
export const forgetWaiting = (landed: readonly AuditEntry[]): Promise<void> =>
  oneAtATime(async () => {
    const moved = new Set(landed.map(identity));
    const stays = (raw: unknown) => !auditEntrySchema.safeParse(raw).success || !moved.has(identity(raw as AuditEntry));
    for (let i = inMemory.length - 1; i >= 0; i--) if (!stays(inMemory[i])) inMemory.splice(i, 1);
    for (const item of [auditItem, auditSessionItem]) {
      const list: unknown = await item.getValue().catch(() => null);
      if (!Array.isArray(list)) continue; // unreadable: left as it is rather than overwritten
      const kept = list.filter(stays);
      if (kept.length < list.length) await (kept.length ? item.setValue(kept) : item.removeValue()).catch(() => undefined);
    }
  });
