import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { MANIFEST_KEY, POLICY_URL_HOSTS } from './utils/deploy/manifest';

/** The content script's size budget, gzipped (it runs on every LinkedIn and X page). */
const CONTENT_SCRIPT_TARGET_KB = 60;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export default defineConfig({
  // A build directory of its own when two runs share a checkout (see tests/e2e/harness.ts).
  outDir: process.env.PORTAVOCE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // A policy URL's host is asked for when the member sets it (options page), one origin at a time.
    optional_host_permissions: POLICY_URL_HOSTS,
    // Chrome and Edge: the pinned extension id (public key only) and what IT may set in managed storage.
    ...(browser === 'firefox' ? {} : { key: MANIFEST_KEY, storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'portavoce@portavoce.example',
              strict_min_version: '140.0',
              // Drafts never leave the device: nothing is collected.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // One line per content script after every build: raw and gzipped (level 9) size against the budget.
    'build:done': (wxt, output) => {
      const files = output.steps.flatMap((step) => step.chunks)
        .map((chunk) => chunk.fileName)
        .filter((name) => name.startsWith('content-scripts/') && name.endsWith('.js'));
      for (const name of files) {
        const code = readFileSync(join(wxt.config.outDir, name));
        const gzipped = gzipSync(code, { level: 9 }).length;
        const label = files.length === 1 ? 'content script' : `content script ${name}`;
        wxt.logger.info(`${label}: ${kB(code.length)}, ${kB(gzipped)} gzipped (target ≤ ${CONTENT_SCRIPT_TARGET_KB} kB)`);
      }
    },
  },
});
