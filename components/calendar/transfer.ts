import type { PortavoceDb } from '../../utils/calendar/db';
import type { CalendarEntry } from '../../utils/calendar/entry';
import { allEntries } from '../../utils/calendar/store';
import { ICS_IMPORT_MAX_BYTES, ImportFileError, readImportFile } from '../../utils/calendar/import-file';

export type ImportResult = { ok: true; added: number; updated: number } | { ok: false; line?: number; message: string };

/** Reads an ICS file and stores its entries (ical.js is loaded only now: the popup opens without it). */
export async function importIcsFile(file: Blob, tz: string, store: (entries: CalendarEntry[]) => Promise<{ added: number; updated: number }>): Promise<ImportResult> {
  const { parseIcs, IcsError } = await import('../../utils/calendar/ics');
  let entries: CalendarEntry[];
  try {
    entries = parseIcs(await readImportFile(file, ICS_IMPORT_MAX_BYTES, 'calendar'), { tz });
  } catch (error) {
    if (error instanceof IcsError) return { ok: false, ...(error.line ? { line: error.line } : {}), message: error.message };
    if (error instanceof ImportFileError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, ...(await store(entries)) };
}

export async function exportIcsText(database: PortavoceDb): Promise<string> {
  const { toIcs } = await import('../../utils/calendar/ics');
  return toIcs(await allEntries(database));
}

/** Saves text as a file through the browser's download (an object URL, revoked after). */
export function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
