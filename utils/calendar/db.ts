import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../audit/entry';
import type { CalendarEntry } from './entry';

/** An audit entry as stored: `seq` orders rows by arrival (the gate's clock may repeat a millisecond). */
export interface AuditRow extends AuditEntry {
  seq?: number;
}

export const DB_NAME = 'portavoce';

/**
 * The extension's IndexedDB (its own origin: background, popup, options; never a content script).
 * SCHEMA is append-only: a released version is never edited; a change is a new version with its upgrade.
 */
export const SCHEMA: ReadonlyArray<{ version: number; stores: Record<string, string | null>; upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void }> = [
  {
    version: 1,
    stores: {
      entries: 'id, start, end, kind, memberId, status, source, *topics, *platforms',
      audit: '++seq, at, memberId',
    },
  },
];

export class PortavoceDb extends Dexie {
  entries!: EntityTable<CalendarEntry, 'id'>;
  audit!: EntityTable<AuditRow, 'seq'>;

  constructor(name = DB_NAME, versions = SCHEMA) {
    super(name);
    for (const { version, stores, upgrade } of versions) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}

let shared: PortavoceDb | undefined;

/** The one database object of this view (background, popup or options). */
export function db(): PortavoceDb {
  return (shared ??= new PortavoceDb());
}
