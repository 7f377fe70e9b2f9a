import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../utils/cli/main';
import { lineAndColumn } from '../../../utils/cli/format';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = join(root, 'tests/fixtures/policies/example.yaml');
const dir = mkdtempSync(join(tmpdir(), 'portavoce-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdin: async () => stdin });
  return { code, out, err };
}

describe('portavoce check', () => {
  it('prints file:line:col level rule message and exits 1 on errors', async () => {
    const draft = file('draft.txt', 'Hello team.\nOur 😀 Project Phoenix is live');
    const { code, out } = await run(['check', '--policy', example, draft]);
    expect(code).toBe(1);
    expect(out).toContain(`${draft}:2:7 error confidential «Project Phoenix» è riservato.`);
  });

  it('exits 0 when only warnings and suggestions are found', async () => {
    const { code, out } = await run(['check', '--policy', example, '-'], 'Wow!!! great day');
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^<stdin>:1:4 suggestion exclamations /)]);
  });

  it('prints one JSON object per input with findings and topics', async () => {
    const a = file('a.txt', 'Il fatturato cresce');
    const b = file('b.txt', 'Nothing here');
    const { code, out } = await run(['check', '--policy', example, '--member', 'giulia', '--format', 'json', a, b]);
    expect(code).toBe(1);
    const [first, second] = out.map((line) => JSON.parse(line));
    expect(first.file).toBe(a);
    expect(first.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['topics']);
    expect(first.topics.map((t: { id: string; covered: boolean }) => [t.id, t.covered])).toEqual([['financial-results', false]]);
    expect(second).toEqual({ file: b, findings: [], topics: [] });
  });

  it('applies quiet periods from --calendar at --now', async () => {
    const ics = file('plan.ics', [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
      'BEGIN:VEVENT', 'UID:quiet-1', 'DTSTAMP:20261101T000000Z', 'SUMMARY:Q4 earnings quiet period',
      'DTSTART;VALUE=DATE:20261120', 'DTEND;VALUE=DATE:20261205', 'CATEGORIES:financial-results',
      'X-PORTAVOCE-KIND:quiet-period', 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n'));
    const args = ['check', '--policy', example, '--member', 'marco', '--calendar', ics];
    const during = await run([...args, '--now', '2026-11-27T10:00:00Z', '-'], 'Revenue grew');
    expect(during.code).toBe(1);
    expect(during.out.join('\n')).toMatch(/error quiet-periods .*Q4 earnings quiet period/);
    const after = await run([...args, '--now', '2026-12-10T10:00:00Z', '-'], 'Revenue grew');
    expect(after).toMatchObject({ code: 0, out: [] });
  });

  it.each([
    [['check'], /--policy FILE is required/],
    [['check', '--policy', example, '--platform', 'facebook'], /--platform must be one of x, linkedin/],
    [['check', '--policy', example, '--now', 'yesterday'], /--now must be an ISO date-time/],
    [['check', '--policy', example, '--member', 'mario'], /unknown member "mario"; the policy's members are: giulia, marco, sara/],
    [['check', '--policy', '/nonexistent.yaml'], /cannot read \/nonexistent.yaml: ENOENT/],
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });
});

describe('portavoce lint-policy', () => {
  it('summarizes a valid policy in one line', async () => {
    const { code, out } = await run(['lint-policy', example]);
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/OK: “Acme Italia — social media policy”, format 1, 16 rules of 15 kinds, 6 topics, 3 members/)]);
  });

  it('prints located errors and exits 2', async () => {
    const bad = file('bad.yaml', 'version: 1\nname: Bad\nrules:\n  - id: a\n    kind: terms\n    levle: error\n    terms: [x]\n');
    const { code, err } = await run(['lint-policy', bad]);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(`${bad}:6:5`);
    expect(err.join('\n')).toMatch(/did you mean "level"/);
  });
});

describe('the installed bin', () => {
  it('runs through npx portavoce', () => {
    const result = spawnSync('npx', ['--no-install', 'portavoce', 'check', '--policy', example, '-'], {
      cwd: root, input: 'INV-123456', encoding: 'utf8',
    });
    expect(result.stdout).toMatch(/<stdin>:1:1 error invoice-numbers/);
    expect(result.status).toBe(1);
  });

  it('prints usage', () => {
    expect(execFileSync('node', [join(root, 'utils/cli/portavoce.mjs'), '--help'], { encoding: 'utf8' })).toMatch(/^Usage:/);
  });
});

describe('lineAndColumn', () => {
  it.each([
    ['abc', 2, 1, 3],
    ['a\r\nb', 3, 2, 1],
    ['a\rb', 2, 2, 1],
    ['😀x', 2, 1, 2],
  ])('%j at %d is %d:%d', (text, offset, line, column) => {
    expect(lineAndColumn(text, offset)).toEqual({ line, column });
  });
});
