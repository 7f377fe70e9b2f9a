import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { AuditEntry } from '../audit/entry';
import type { CalendarEntry } from './entry';
import type { Bounds } from './occurrences';

/** An audit entry as stored: `seq` orders rows by arrival (the gate's clock may repeat a millisecond). */
export interface AuditRow extends AuditEntry {
  seq?: number;
}

/** An entry as stored: the entry and its index fields (see ./occurrences.ts boundsOf). */
export type EntryRow = CalendarEntry & Bounds;

export const DB_NAME = 'portavoce';

export interface SchemaVersion {
  version: number;
  /** Only the tables this version changes (Dexie keeps the others as they were). */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/**
 * The extension's IndexedDB (its own origin: background, popup, options; never a content script).
 * SCHEMA is append-only: a released version is never edited; a change is a new version with its upgrade,
 * and tests/unit/calendar/migrations.test.ts opens a database written by every earlier version.
 */
export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      entries: 'id, start, end, kind, memberId, status, source, *topics, *platforms',
      audit: '++seq, at, memberId',
    },
  },
  {
    // Range queries for "today" and the views: short entries by [wide+from], long and recurring ones by [wide+to].
    version: 2,
    stores: { entries: 'id, source, [wide+from], [wide+to]' },
    // ./migrations (and zod with it) loads only when a version 1 database is upgraded: the popup opens without it.
    // Dexie.waitFor keeps the upgrade transaction alive while the module loads.
    upgrade: async (tx) => (await Dexie.waitFor(import('./migrations'))).upgradeEntriesToV2(tx),
  },
];

export class PortavoceDb extends Dexie {
  entries!: EntityTable<EntryRow, 'id'>;
  audit!: EntityTable<AuditRow, 'seq'>;

  constructor(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores, upgrade } of versions) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}

let shared: PortavoceDb | undefined;

/**
 * The one database object of this view (background, popup or options). One whose opening failed is replaced:
 * Dexie keeps refusing with the old error, while the cause may be gone (a full disk that has room again).
 */
export function db(): PortavoceDb {
  if (shared?.hasFailed()) {
    shared.close();
    shared = undefined;
  }
  return (shared ??= new PortavoceDb());
}
