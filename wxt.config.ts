import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { MANIFEST_KEY, POLICY_URL_HOSTS } from './utils/deploy/manifest';
import { buildEngineModules } from './utils/build/engine-bundle';
import { ENGINE_FILE, RE2JS_FILE } from './utils/composer/engine-files';
import { SITE_MATCHES } from './utils/sites/matches';
import { CONTENT_SCRIPT_BUDGET_KB } from './utils/build/budget';

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
    // The content script imports the engine (and re2js, when a policy needs it) when a compose box mounts:
    // web-accessible to the two sites only, and in Chromium only through the per-session dynamic URL, so a
    // page cannot probe for the extension at a fixed address. Firefox does not support use_dynamic_url
    // (its moz-extension:// addresses are random per install already).
    web_accessible_resources: [
      {
        resources: [ENGINE_FILE, RE2JS_FILE],
        matches: SITE_MATCHES,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
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
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(`/${ENGINE_FILE}`, `/${RE2JS_FILE}`);
    },
    'build:publicAssets': async (wxt, files) => {
      files.push(...(await buildEngineModules(wxt.config.root)));
    },
    // After every build, what a site page loads and when, raw and gzipped (level 9), against the budget.
    'build:done': (wxt, output) => {
      const size = (name: string) => {
        const code = readFileSync(join(wxt.config.outDir, name));
        return { raw: code.length, gzipped: gzipSync(code, { level: 9 }).length };
      };
      const scripts = output.steps.flatMap((step) => step.chunks)
        .map((chunk) => chunk.fileName)
        .filter((name) => name.startsWith('content-scripts/') && name.endsWith('.js'));
      for (const name of scripts) {
        const { raw, gzipped } = size(name);
        const label = scripts.length === 1 ? 'content script' : `content script ${name}`;
        const verdict = gzipped <= CONTENT_SCRIPT_BUDGET_KB * 1000 ? '' : ' — OVER BUDGET';
        wxt.logger.info(`${label}: ${kB(raw)}, ${kB(gzipped)} gzipped (target ≤ ${CONTENT_SCRIPT_BUDGET_KB} kB)${verdict}; on every LinkedIn and X page`);
      }
      const lazy: [string, string][] = [
        [ENGINE_FILE, 'when the first compose box mounts'],
        [RE2JS_FILE, 'besides, only for a policy with a pattern the native path cannot run'],
      ];
      for (const [name, when] of lazy) {
        const { raw, gzipped } = size(name);
        wxt.logger.info(`${name}: ${kB(raw)}, ${kB(gzipped)} gzipped; ${when}`);
      }
    },
  },
});
