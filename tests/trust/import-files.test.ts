// Hostile input, import files: ICS and backup files that are huge, binary or of a newer format version are
// refused with a clear message, and the stored calendar does not change (checksum over every row).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortavoceDb } from '../../utils/calendar/db';
import { BackupError, exportBackup, importBackup } from '../../utils/calendar/backup';
import { parseIcs, toIcs } from '../../utils/calendar/ics';
import { BACKUP_IMPORT_MAX_BYTES, ICS_IMPORT_MAX_BYTES, ImportFileError, readImportFile } from '../../utils/calendar/import-file';
import { putMany } from '../../utils/calendar/store';
import { importIcsFile } from '../../components/calendar/transfer';
import { checksum, v2Entries } from '../fixtures/calendar/schema-fixtures';
import { freshFactory } from '../fixtures/calendar/v1-database';
import { recordTrust } from './figures';

let database: PortavoceDb;
let stored = '';
const tally = { tried: 0, rejected: 0, crashes: 0, bypasses: 0, lost: 0 };

const ics = (events: string[], version = '2.0') =>
  ['BEGIN:VCALENDAR', `VERSION:${version}`, 'PRODID:-//trust//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const event = (i: number, extra: string[] = []) => ['BEGIN:VEVENT', `UID:hostile-${i}`, 'DTSTAMP:20260101T000000Z', 'DTSTART;VALUE=DATE:20261201', `SUMMARY:Hostile ${i}`, ...extra, 'END:VEVENT'].join('\r\n');
const bytes = (seed: number, n: number) => {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
};
const utf16 = (text: string) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) out[2 + 2 * i] = text.charCodeAt(i) & 0xff, out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  return out;
};
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...bytes(3, 4000)]);
const GZIP = Uint8Array.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, ...bytes(5, 4000)]);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes(7, 4000)]);
const PDF = new TextEncoder().encode(`%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n${'\u0000'.repeat(20)}`);

/** Over the limit by a little and by a lot, as valid calendars: only the size refuses them. */
function hugeIcs(bytesWanted: number, padding = 70): string {
  const pad = 'x'.repeat(padding);
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytesWanted; i++) {
    const e = event(i, [`DESCRIPTION:${pad}`]);
    lines.push(e);
    size += e.length + 2;
  }
  return ics(lines);
}

const ICS_CASES: [string, BlobPart, string | RegExp][] = [
  ['huge: 5 MB + 1 byte', hugeIcs(ICS_IMPORT_MAX_BYTES + 1), /Portavoce imports calendar files of up to 5 MB/],
  ['huge: 60 MB', hugeIcs(60_000_000), /This file is 60(\.\d)? MB; Portavoce imports calendar files of up to 5 MB/],
  ['binary: PNG', PNG, /not a text file/],
  ['binary: gzip', GZIP, /not a text file/],
  ['binary: zip', ZIP, /not a text file/],
  ['binary: PDF with NUL bytes', PDF, /not a text file/],
  ['binary: random bytes', bytes(11, 10_000), /not a text file/],
  ['binary: a calendar in UTF-16', utf16(ics([event(1)])), /not a text file/],
  ['binary: a calendar with NUL bytes in it', ics([event(1, ['DESCRIPTION:a\u0000b'])]), /not a text file/],
  ['binary: invalid UTF-8 inside a calendar', new Blob([ics([event(1)]).slice(0, 80), Uint8Array.from([0xc3, 0x28, 0xff]), ics([event(2)]).slice(80)]), /not a text file in UTF-8/],
  ['newer: VERSION:3.0', ics([event(1)], '3.0'), /iCalendar version 3\.0, newer than the 2\.0 Portavoce reads/],
  ['newer: VERSION:2.1', ics([event(1)], '2.1'), /newer than the 2\.0/],
  ['newer: VERSION:3.0;4.0', ics([event(1)], '3.0;4.0'), /newer than the 2\.0/],
  ['older: VERSION:1.0 (vCalendar)', ics([event(1)], '1.0'), /not iCalendar 2\.0/],
];

const backupOf = (version: number, entries: unknown[] = []) => JSON.stringify({ format: 'portavoce-calendar-backup', version, exportedAt: '2026-01-01T00:00:00Z', entries });
const BACKUP_CASES: [string, BlobPart, string | RegExp][] = [
  ['huge: 25 MB + 1 byte', backupOf(1, [{ pad: 'x'.repeat(BACKUP_IMPORT_MAX_BYTES) }]), /Portavoce imports backup files of up to 25 MB/],
  ['binary: PNG', PNG, /not a text file/],
  ['binary: gzip (a compressed backup)', GZIP, /not a text file/],
  ['binary: random bytes', bytes(13, 10_000), /not a text file/],
  ['binary: a backup in UTF-16', utf16(backupOf(1)), /not a text file/],
  ['binary: NUL bytes in a backup', backupOf(1).replace('"entries"', '"entr\u0000ies"'), /not a text file/],
  ['newer: format version 3', backupOf(3, v2Entries(3)), /made by a newer Portavoce \(format 3\); update Portavoce/],
  ['newer: format version 99', backupOf(99, v2Entries(3)), /newer Portavoce \(format 99\)/],
  ['foreign: another tool\'s JSON', JSON.stringify({ version: 1, entries: [] }), /not a Portavoce calendar backup/],
  ['not JSON: an ICS file', ics([event(1)]), /not a Portavoce backup \(not JSON\)/],
];

async function snapshot(): Promise<string> {
  return checksum(await database.entries.toArray(), (r) => r.id);
}

beforeAll(async () => {
  database = new PortavoceDb('import-files', undefined, freshFactory());
  await putMany(database, v2Entries(500));
  stored = await snapshot();
});
afterAll(() => {
  database.close();
  recordTrust({ area: 'Hostile input', check: 'import files: ICS and backup, huge, binary, newer format', ...tally, note: `limits: ICS ${ICS_IMPORT_MAX_BYTES / 1e6} MB, backup ${BACKUP_IMPORT_MAX_BYTES / 1e6} MB` });
});

async function expectRefused(run: () => Promise<string | null>, message: string | RegExp): Promise<void> {
  tally.tried++;
  let refusal: string | null;
  try {
    refusal = await run();
  } catch (error) {
    tally.crashes++;
    throw error;
  }
  if (refusal === null) tally.bypasses++;
  else tally.rejected++;
  const after = await snapshot();
  if (after !== stored) tally.lost++;
  expect(refusal).toMatch(message);
  expect(after).toBe(stored);
}

describe('ICS files (popup and options import)', () => {
  it.each(ICS_CASES)('refuses %s, nothing changes', async (_, content, message) => {
    let writes = 0;
    await expectRefused(async () => {
      const result = await importIcsFile(new Blob([content]), 'Europe/Rome', (entries) => (writes++, putMany(database, entries)));
      return result.ok ? null : result.message;
    }, message);
    expect(writes).toBe(0);
  }, 60_000);

  it('the team feed and the command line refuse the same calendars (parseIcs)', async () => {
    for (const [, content, message] of ICS_CASES.filter(([, c]) => typeof c === 'string' && !c.includes('\u0000'))) {
      await expectRefused(async () => {
        try {
          parseIcs(content as string);
          return null;
        } catch (error) {
          return (error as Error).message;
        }
      }, message);
    }
  }, 60_000);

  it('a calendar just under the limit is imported (the limit refuses only what is over it)', async () => {
    const text = hugeIcs(ICS_IMPORT_MAX_BYTES - 10_000, 9_000);
    expect(text.length).toBeLessThanOrEqual(ICS_IMPORT_MAX_BYTES);
    const copy = new PortavoceDb('import-files-ok', undefined, freshFactory());
    const result = await importIcsFile(new Blob([text]), 'Europe/Rome', (entries) => putMany(copy, entries));
    expect(result).toMatchObject({ ok: true });
    expect(await copy.entries.count()).toBeGreaterThan(500);
    copy.close();
  }, 120_000);
});

describe('backup files (options import)', () => {
  it.each(BACKUP_CASES)('refuses %s, nothing changes', async (_, content, message) => {
    await expectRefused(async () => {
      try {
        await importBackup(database, await readImportFile(new Blob([content]), BACKUP_IMPORT_MAX_BYTES, 'backup'));
        return null;
      } catch (error) {
        if (error instanceof BackupError || error instanceof ImportFileError) return error.message;
        throw error;
      }
    }, message);
  }, 60_000);

  it('its own backup of 10,000 entries fits well within the limit and restores', async () => {
    const source = new PortavoceDb('backup-10k', undefined, freshFactory());
    await putMany(source, v2Entries(10_000), undefined, { keepUpdatedAt: true });
    const text = await exportBackup(source);
    expect(text.length).toBeLessThan(BACKUP_IMPORT_MAX_BYTES / 3);
    const target = new PortavoceDb('backup-10k-restored', undefined, freshFactory());
    expect(await importBackup(target, await readImportFile(new Blob([text]), BACKUP_IMPORT_MAX_BYTES, 'backup'))).toBe(10_000);
    expect(checksum(await target.entries.toArray(), (r) => r.id)).toBe(checksum(await source.entries.toArray(), (r) => r.id));
    source.close();
    target.close();
  }, 120_000);
});
