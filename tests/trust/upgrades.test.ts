// Faults and upgrades: a fixture database of every schema version (10,000 entries and 10,000 audit rows,
// tests/fixtures/calendar/schema-fixtures.ts) opens with the current schema with every row intact: equal
// counts, equal checksums (SHA-256 over every row's content), and every entry still found by the indexes.
import { afterAll, describe, expect, it } from 'vitest';
import { PortavoceDb, SCHEMA } from '../../utils/calendar/db';
import { occurrencesBetween } from '../../utils/calendar/query';
import { checksum, entryContent, FIXTURE_ROWS, FIXTURE_WRITERS, writeFixtureDatabase } from '../fixtures/calendar/schema-fixtures';
import { recordTrust } from './figures';

const LATEST = SCHEMA.at(-1)!.version;
const figure = { tried: 0, lost: 0, crashes: 0, versions: [] as string[] };

describe('schema upgrades', () => {
  it('every schema version has a fixture writer', () => {
    expect(Object.keys(FIXTURE_WRITERS).map(Number)).toEqual(SCHEMA.map((s) => s.version));
  });

  it.each(SCHEMA.map((s) => s.version))(`version %i → ${LATEST}: ${FIXTURE_ROWS.toLocaleString('en')} entries and audit rows, equal counts and checksums`, async (version) => {
    const name = `fixture-v${version}`;
    const { factory, stored } = await writeFixtureDatabase(version, name);
    expect(stored.entries).toHaveLength(FIXTURE_ROWS);
    expect(stored.audit).toHaveLength(FIXTURE_ROWS);
    const before = {
      entries: checksum(stored.entries.map(entryContent), (r) => r.id),
      audit: checksum(stored.audit, (r) => r.seq),
      rows: checksum(stored.entries, (r) => r.id),
    };
    figure.tried += stored.entries.length + stored.audit.length;

    let current: PortavoceDb | undefined;
    try {
      current = new PortavoceDb(name, SCHEMA, factory);
      await current.open();
      expect(current.verno).toBe(LATEST);
      const entries = await current.entries.toArray();
      const audit = await current.audit.toArray();
      const found = new Set(entries.map((r) => r.id));
      const seqs = new Set(audit.map((r) => r.seq));
      figure.lost += stored.entries.filter((r) => !found.has(r.id)).length + stored.audit.filter((r) => !seqs.has(r.seq)).length;

      expect(entries).toHaveLength(stored.entries.length);
      expect(audit).toHaveLength(stored.audit.length);
      // Row by row first (a failure names the row), then the checksums.
      const byId = new Map(entries.map((r) => [r.id, entryContent(r as never)]));
      for (const row of stored.entries) expect(byId.get(row.id), row.id).toEqual(entryContent(row));
      expect(audit).toEqual(stored.audit);
      expect(checksum(entries.map((r) => entryContent(r as never)), (r) => r.id)).toBe(before.entries);
      expect(checksum(audit, (r) => r.seq)).toBe(before.audit);
      // Already the latest: not one byte of any row changes.
      if (version === LATEST) expect(checksum(entries, (r) => r.id)).toBe(before.rows);
      // Every row has the latest version's index fields, and the range index answers.
      expect(entries.filter((r) => typeof r.wide !== 'number' || typeof r.from !== 'number' || typeof r.to !== 'number')).toEqual([]);
      const all = await occurrencesBetween(current, Date.UTC(2025, 11, 1), Date.UTC(2026, 0, 8), 'UTC');
      expect(all.length).toBeGreaterThan(0);
      figure.versions.push(`v${version} ${before.entries.slice(0, 8)}/${before.audit.slice(0, 8)}`);
    } catch (error) {
      figure.crashes++;
      throw error;
    } finally {
      current?.close();
    }
  }, 120_000);
});

afterAll(() => {
  recordTrust({
    area: 'Faults and upgrades', check: `Dexie upgrades, versions ${SCHEMA.map((s) => s.version).join(', ')} → ${LATEST} (rows)`,
    tried: figure.tried, crashes: figure.crashes, bypasses: 0, lost: figure.lost, note: `checksums equal: ${figure.versions.join('; ')}`,
  });
});
