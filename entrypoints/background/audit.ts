// The audit log's owner in the background: appends, reads and clears go through one queue, so two
// overrides at once both land and a clear never interleaves with an append.
import { auditItem } from '../../utils/storage';
import { appendAudit, clearAudit, listAudit } from '../../utils/audit/store';
import { auditEntrySchema, type AuditEntry } from '../../utils/audit/entry';
import { db } from '../../utils/calendar/db';
import { AUDIT_CHANNEL } from '../../utils/audit/changes';

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

/** Open options pages listen here and read the log again at once (utils/audit/changes.ts). */
function announce(): void {
  try {
    const channel = new BroadcastChannel(AUDIT_CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel (an old test environment): pages still poll.
  }
}

export const appendAuditEntry = (entry: AuditEntry) => serial(() => appendAudit(entry)).then(announce);
export const listAuditEntries = () => serial(() => listAudit());
export const clearAuditEntries = () => serial(() => clearAudit()).then(announce);

/**
 * Moves the entries v1 kept in storage.local ('audit') into the database, once. Idempotent: an entry
 * already there (same time and draft hash) is not added twice if the worker stopped half-way. Entries that
 * no longer validate stay where they were rather than being lost.
 */
export function migrateLegacyAudit(): Promise<number> {
  return serial(async () => {
    const legacy = await auditItem.getValue();
    if (!Array.isArray(legacy) || legacy.length === 0) return 0;
    const valid: AuditEntry[] = [];
    const invalid: unknown[] = [];
    for (const raw of legacy) {
      const parsed = auditEntrySchema.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
      else invalid.push(raw);
    }
    const table = db().audit;
    await db().transaction('rw', table, async () => {
      for (const entry of valid) {
        const present = await table.where('at').equals(entry.at).filter((row) => row.draftHash === entry.draftHash).count();
        if (present === 0) await table.add({ ...entry });
      }
    });
    if (invalid.length) await auditItem.setValue(invalid as AuditEntry[]);
    else await auditItem.removeValue();
    return valid.length;
  });
}
