// The first gate of every file a member imports into the calendar (ICS, backup): too big or not text is
// refused before a byte is parsed, with a message that says what to do. Nothing is stored until the file
// has passed this and its own parser.

/** ICS files: the same limit as a team feed (utils/calendar/feed.ts). A year of a busy team's plan is ~1 MB. */
export const ICS_IMPORT_MAX_BYTES = 5_000_000;
/** Backups: every entry as JSON; 10,000 entries are about 4 MB, so 25 MB leaves room for 50,000. */
export const BACKUP_IMPORT_MAX_BYTES = 25_000_000;

export class ImportFileError extends Error {
  constructor(readonly reason: 'too-big' | 'binary', message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;

/** Control characters no calendar or JSON text has (tab, line breaks and form feed are text). */
const BINARY = /[\u0000-\u0008\u000E-\u001F\u007F]/;

export function tooBig(bytes: number, maxBytes: number, what: string): ImportFileError {
  return new ImportFileError('too-big', `This file is ${mb(bytes)}; Portavoce imports ${what} files of up to ${mb(maxBytes)}.`);
}

/** Refuses text that is a binary file read as text (NUL and other control characters). */
export function checkText(text: string, what: string): void {
  if (BINARY.test(text)) throw new ImportFileError('binary', `This is not a text file (it holds binary data): not a ${what} file.`);
}

/** The file's text, or an ImportFileError: over `maxBytes`, not UTF-8, or binary. */
export async function readImportFile(file: Blob, maxBytes: number, what: string): Promise<string> {
  if (file.size > maxBytes) throw tooBig(file.size, maxBytes, what);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError('binary', `This is not a text file in UTF-8: not a ${what} file.`);
  }
  checkText(text, what);
  return text;
}
