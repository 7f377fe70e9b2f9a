import { describe, expect, it } from 'vitest';
import { PortavoceDb, SCHEMA } from '../../../utils/calendar/db';
import { fromRow } from '../../../utils/calendar/migrations';
import { occurrencesBetween } from '../../../utils/calendar/query';
import { freshFactory, v1Entries, writeV1Database } from '../../fixtures/calendar/v1-database';

describe('schema', () => {
  it('is an append-only list of increasing versions', () => {
    expect(SCHEMA.map((s) => s.version)).toEqual(SCHEMA.map((_, i) => i + 1));
  });
});

describe('upgrade from version 1', () => {
  it('keeps every one of 3,000 entries, now queryable by range', async () => {
    const factory = freshFactory();
    const original = v1Entries(3000);
    await writeV1Database('v1', original, factory);
    const current = new PortavoceDb('v1', SCHEMA, factory);
    const rows = await current.entries.toArray();
    expect(rows).toHaveLength(3000);
    const byId = new Map(rows.map((r) => [r.id, fromRow(r)]));
    for (const v1 of original) {
      const now = byId.get(v1.id)!;
      expect(now, v1.id).toBeDefined();
      const { start, end, ...same } = v1;
      expect(now).toMatchObject(same);
      // The same moments: instants became UTC wall times in zone UTC; dates stayed dates.
      const instant = (value: string, tz?: string) => (tz ? Date.parse(`${value}Z`) : Date.parse(value));
      if (/T/.test(start)) expect(instant(now.start, now.tz)).toBe(Date.parse(start));
      else expect(now.start).toBe(start);
      if (end) expect(/T/.test(end) ? instant(now.end!, now.tz) : now.end).toBe(/T/.test(end) ? Date.parse(end) : end);
    }
    expect(await current.audit.count()).toBe(1);
    // An index of version 2 answers: every entry of 2026-03-10 (UTC) is found by range.
    const day = await occurrencesBetween(current, Date.UTC(2026, 2, 10), Date.UTC(2026, 2, 11), 'UTC');
    const expected = original.filter((e) => e.start.startsWith('2026-03-10') && !(e.start.endsWith('+01:00'))).length;
    expect(day.filter((o) => o.entry.start.startsWith('2026-03-10')).length).toBeGreaterThanOrEqual(expected);
    current.close();
  });

  it('a row version 1 could store but version 2 cannot read is kept whole, not dropped', async () => {
    const factory = freshFactory();
    await writeV1Database('odd', [{ id: 'odd', title: '', start: 'next tuesday', kind: 'slot', topics: [], platforms: [], status: 'planned', source: 'local' }], factory);
    const current = new PortavoceDb('odd', SCHEMA, factory);
    expect(await current.entries.get('odd')).toMatchObject({ id: 'odd', start: 'next tuesday', wide: 1 });
    // and it never breaks a query
    expect(await occurrencesBetween(current, 0, Date.UTC(2030, 0, 1), 'UTC')).toEqual([]);
    current.close();
  });
});
