import { db, type AuditRow } from '../calendar/db';
import { transact } from '../calendar/store';
import type { AuditEntry } from './entry';

/** Appends one override to the audit log (a transaction of its own: it lands whole or not at all). */
export async function appendAudit(entry: AuditEntry): Promise<void> {
  await transact(db(), db().audit, () => db().audit.add({ ...entry }));
}

/** The log, newest first. */
export async function listAudit(): Promise<AuditRow[]> {
  return db().audit.orderBy('seq').reverse().toArray();
}

/** Clears the log (the member's choice, after a confirmation in the options page). */
export async function clearAudit(): Promise<void> {
  await db().audit.clear();
}
