import { db, type AuditRow } from '../calendar/db';

/** The log, newest first. */
export async function listAudit(): Promise<AuditRow[]> {
  return db().audit.orderBy('seq').reverse().toArray();
}

/** Clears the log (the member's choice, after a confirmation in the options page). */
export async function clearAudit(): Promise<void> {
  await db().audit.clear();
}
