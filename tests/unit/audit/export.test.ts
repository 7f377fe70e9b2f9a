import { describe, expect, it } from 'vitest';
import { auditCsv, auditJson, csvField, filterAudit, NO_MEMBER } from '../../../utils/audit/export';
import type { AuditEntry } from '../../../utils/audit/entry';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: '2026-03-10T09:30:00.000Z', platform: 'x', surface: 'post', memberId: 'giulia',
  rules: [{ id: 'confidential', level: 'error' }], reason: 'Approved', policyName: 'Acme', policyVersion: 1, draftHash: 'a'.repeat(64), ...over,
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1 555', "'+1 555"],
    ['-2', "'-2"],
    ['@sum', "'@sum"],
    ['\tlead', "'\tlead"],
    ['', ''],
    ['già così', 'già così'],
  ])('%j → %j', (value, expected) => expect(csvField(value)).toBe(expected));
});

describe('auditCsv', () => {
  it('has a BOM, a header, CRLF rows, and the rules as id:level', () => {
    const csv = auditCsv([entry({ reason: 'ok, "legal"', rules: [{ id: 'a', level: 'error' }, { id: 'b', level: 'warning' }] }), entry({ memberId: null })]);
    expect(csv.startsWith('\uFEFFat,memberId,platform,surface,rules,reason,policyName,policyVersion,draftHash\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`2026-03-10T09:30:00.000Z,giulia,x,post,a:error b:warning,"ok, ""legal""",Acme,1,${'a'.repeat(64)}`);
    expect(lines[2]).toContain('2026-03-10T09:30:00.000Z,,x,post');
    expect(lines[3]).toBe('');
  });
});

describe('auditJson', () => {
  it('drops the row number', () => {
    expect(JSON.parse(auditJson([{ ...entry(), seq: 4 }]))).toEqual([entry()]);
  });
});

describe('filterAudit', () => {
  const day = (iso: string) => iso.slice(0, 10); // UTC days, for a deterministic test
  const log = [
    entry({ at: '2026-03-01T10:00:00.000Z', memberId: 'giulia' }),
    entry({ at: '2026-03-05T10:00:00.000Z', memberId: 'marco', rules: [{ id: 'links', level: 'warning' }] }),
    entry({ at: '2026-03-09T10:00:00.000Z', memberId: null }),
  ];
  it.each([
    ['everything', {}, 3],
    ['one member', { memberId: 'marco' }, 1],
    ['entries without a member', { memberId: NO_MEMBER }, 1],
    ['all members', { memberId: 'all' }, 3],
    ['one rule', { ruleId: 'links' }, 1],
    ['from a day, inclusive', { from: '2026-03-05' }, 2],
    ['to a day, inclusive', { to: '2026-03-05' }, 2],
    ['between two days', { from: '2026-03-02', to: '2026-03-08' }, 1],
  ])('%s', (_name, filter, count) => expect(filterAudit(log, filter, day)).toHaveLength(count));
});
