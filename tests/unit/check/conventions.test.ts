import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_KINDS } from '../../../utils/check/rules';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const NOT_KINDS = new Set(['define.ts', 'index.ts', 'overlap.ts']);
const kindFiles = readdirSync(`${root}utils/check/rules`)
  .filter((file) => file.endsWith('.ts') && !NOT_KINDS.has(file))
  .map((file) => file.replace(/\.ts$/, ''));
const readme = readFileSync(`${root}README.md`, 'utf8');
const kinds = RULE_KINDS.map((kind) => kind.kind);

describe('rule kind conventions', () => {
  it('registers every rule file, in alphabetical order', () => {
    expect(kinds).toEqual([...kindFiles].sort());
    expect(kinds).toEqual([...kinds].sort());
  });

  it.each(kinds)('%s has its table-driven test', (kind) => {
    const test = `${root}tests/unit/check/rules/${kind}.test.ts`;
    expect(existsSync(test), `${test} is missing`).toBe(true);
    const source = readFileSync(test, 'utf8');
    expect(source).toMatch(/flags/);
    expect(source).toMatch(/does not flag/);
  });

  it.each(kinds)('%s is documented in the README policy reference', (kind) => {
    expect(readme).toContain(`### \`${kind}\``);
  });

  it.each(RULE_KINDS.map((k) => [k.kind, k] as const))('%s has messages in English and Italian and a summary', (_, kind) => {
    expect(kind.defaultMessage.en.length).toBeGreaterThan(0);
    expect(kind.defaultMessage.it.length).toBeGreaterThan(0);
    expect(kind.summary).not.toMatch(/TODO/);
  });
});
