import type { AuditEntry } from './entry';

/** What the audit log shows: all, or one member's, one rule's, between two days (inclusive, local dates YYYY-MM-DD). */
export interface AuditFilter {
  memberId?: string | null | 'all';
  ruleId?: string | 'all';
  from?: string;
  to?: string;
}

/** `none` stands for entries written before a member profile was chosen. */
export const NO_MEMBER = '\u0000none';

export function filterAudit<T extends AuditEntry>(entries: readonly T[], filter: AuditFilter, timeZoneDay = localDay): T[] {
  return entries.filter((entry) => {
    if (filter.memberId !== undefined && filter.memberId !== 'all') {
      const wanted = filter.memberId === NO_MEMBER ? null : filter.memberId;
      if (entry.memberId !== wanted) return false;
    }
    if (filter.ruleId && filter.ruleId !== 'all' && !entry.rules.some((r) => r.id === filter.ruleId)) return false;
    const day = timeZoneDay(entry.at);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    return true;
  });
}

/** The local calendar day of an ISO time, YYYY-MM-DD (what a date input gives). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const CSV_COLUMNS = ['at', 'memberId', 'platform', 'surface', 'rules', 'reason', 'policyName', 'policyVersion', 'draftHash'] as const;

/**
 * RFC 4180 CSV (CRLF, quotes doubled, fields with a comma, quote or line break quoted), with a BOM so
 * spreadsheets read it as UTF-8. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * gets a leading apostrophe: a reason is free text written by anyone.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) =>
    [e.at, e.memberId ?? '', e.platform, e.surface, e.rules.map((r) => `${r.id}:${r.level}`).join(' '), e.reason, e.policyName, String(e.policyVersion), e.draftHash]
      .map(csvField)
      .join(','),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The entries as they are stored, minus the database's own row number. */
export function auditJson(entries: readonly (AuditEntry & { seq?: number })[]): string {
  return `${JSON.stringify(entries.map(({ seq: _seq, ...entry }) => entry), null, 2)}\n`;
}
