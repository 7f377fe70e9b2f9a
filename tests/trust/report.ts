// npm run report:trust — runs the trust tests (tests/trust and tests/e2e/trust-*.e2e.test.ts), then prints
// one table of what each tried and what came of it: rejected, crashes, bypasses, data lost.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustFigure } from './figures';

const dir = mkdtempSync(join(tmpdir(), 'portavoce-trust-'));
const env = { ...process.env, PORTAVOCE_TRUST_DIR: dir };
const runs: [string, string[]][] = [
  ['unit', ['vitest', 'run', 'tests/trust']],
  ['browser', ['vitest', 'run', '-c', 'tests/e2e/vitest.e2e.config.ts', 'tests/e2e/trust-']],
  // The failure-isolation half of composer-safety only (its other half types 2,000 characters per editor).
  ['browser: failure isolation', ['vitest', 'run', '-c', 'tests/e2e/vitest.e2e.config.ts', 'tests/e2e/composer-safety', '-t', 'failure isolation']],
];
const failed: string[] = [];
for (const [name, args] of runs) {
  console.log(`\n— trust tests (${name}): npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, { env, stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}

const file = join(dir, 'figures.jsonl');
const figures: TrustFigure[] = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
rmSync(dir, { recursive: true, force: true });

const header = ['area', 'check', 'tried', 'rejected', 'crashes', 'bypasses', 'lost', 'figure'];
const rows = figures
  .sort((a, b) => a.area.localeCompare(b.area) || a.check.localeCompare(b.check))
  .map((f) => [f.area, f.check, f.tried.toLocaleString('en'), f.rejected === undefined ? '—' : f.rejected.toLocaleString('en'), String(f.crashes), String(f.bypasses), String(f.lost), f.note || (f.tried === 0 ? 'not run (skipped; see README)' : '')]);
const total = (key: 'crashes' | 'bypasses' | 'lost') => figures.reduce((sum, f) => sum + f[key], 0);
console.log(`\nTrust report, ${new Date().toISOString().slice(0, 10)} (Node ${process.version}):\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nTotal: ${figures.reduce((s, f) => s + f.tried, 0).toLocaleString('en')} inputs tried, ${total('crashes')} crashes, ${total('bypasses')} bypasses, ${total('lost')} lost.`);
if (failed.length) {
  console.log(`Failing trust tests: ${failed.join(', ')} (see above).`);
  process.exit(1);
}
