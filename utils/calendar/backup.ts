import { z } from 'zod';
import { calendarEntrySchema, type CalendarEntry } from './entry';
import type { PortavoceDb } from './db';
import { allEntries, putMany } from './store';
import { BACKUP_IMPORT_MAX_BYTES, tooBig } from './import-file';

export const BACKUP_FORMAT = 'portavoce-calendar-backup';
/**
 * 1: the first format. 2: an occurrence of a series may have moved (`occurrences[day].start`/`end`), which a
 * reader of version 1 would refuse entry by entry: it says "newer" instead. Both are read.
 */
export const BACKUP_VERSION = 2;

/** A full backup of the calendar: every entry as stored, any source. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  entries: CalendarEntry[];
}

export class BackupError extends Error {
  constructor(readonly reason: 'too-big' | 'not-json' | 'foreign' | 'newer' | 'invalid', message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export async function exportBackup(database: PortavoceDb, now = new Date()): Promise<string> {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), entries: await allEntries(database) };
  return JSON.stringify(backup, null, 1);
}

/** Reads a backup file, refusing anything that is not one of ours or is from a newer Portavoce. Changes nothing. */
export function readBackup(text: string): CalendarEntry[] {
  if (text.length > BACKUP_IMPORT_MAX_BYTES) throw new BackupError('too-big', tooBig(text.length, BACKUP_IMPORT_MAX_BYTES, 'backup').message);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError('not-json', 'This file is not a Portavoce backup (not JSON).');
  }
  const header = z.looseObject({ format: z.string(), version: z.number().int() }).safeParse(data);
  if (!header.success || header.data.format !== BACKUP_FORMAT) throw new BackupError('foreign', 'This file is not a Portavoce calendar backup.');
  if (header.data.version > BACKUP_VERSION)
    throw new BackupError('newer', `This backup was made by a newer Portavoce (format ${header.data.version}); update Portavoce to import it.`);
  const body = z.looseObject({ entries: z.array(z.unknown()).max(1_000_000) }).safeParse(data);
  if (!body.success) throw new BackupError('invalid', 'The backup has no list of entries.');
  return body.data.entries.map((raw, i) => {
    const parsed = calendarEntrySchema.safeParse(raw);
    if (!parsed.success) throw new BackupError('invalid', `Entry ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}

/** Restores a backup: entries by id (the backup's copy wins; entries it does not have stay). All or nothing. */
export async function importBackup(database: PortavoceDb, text: string): Promise<number> {
  const entries = readBackup(text);
  await database.transaction('rw', database.entries, async () => {
    await database.entries.bulkDelete(entries.map((e) => e.id));
    await putMany(database, entries, undefined, { keepUpdatedAt: true });
  });
  return entries.length;
}
