// Firefox: the MV3 build passes Mozilla's linter (web-ext lint, offline: addons-linter runs locally) with no
// errors, and declares that it collects nothing. Builds `${PORTAVOCE_OUT_DIR}/firefox-mv3` when stale.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './build-pages';
import { ensureFirefoxBuilt, FIREFOX_DIR } from './harness';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

beforeAll(() => void ensureFirefoxBuilt(), 180_000);

describe('Firefox MV3 build', () => {
  it('passes web-ext lint with no errors', () => {
    const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, WEB_EXT_NO_INPUT: 'true' }, timeout: 400_000,
    });
    const report = JSON.parse(result.stdout) as { summary: { errors: number }; errors: LintMessage[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? 'manifest'})`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 420_000);

  it('declares that it collects no data, and carries no Chrome-only keys', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.key).toBeUndefined();
    expect(manifest.storage).toBeUndefined();
  });
});
