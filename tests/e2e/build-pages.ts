// Bundles the composer test pages (tests/fixtures/pages/src: each top-level .ts/.tsx is an entry,
// each top-level .html a page shell) into tests/e2e/.artifacts/pages/. Skips the work when nothing
// under src (nor this file, nor package-lock.json) is newer than the last build.
// As a command: node utils/cli/run-ts.mjs tests/e2e/build-pages.ts [--force]
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PAGES_SRC = join(ROOT, 'tests/fixtures/pages/src');
export const PAGES_OUT = join(ROOT, 'tests/e2e/.artifacts/pages');
const STAMP = join(PAGES_OUT, '.stamp');

// Loaded at run time, not imported: run-ts.mjs bundles this file, and esbuild's own JS API cannot be bundled.
const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function pagesAreFresh(): boolean {
  if (!existsSync(STAMP)) return false;
  const inputs = [PAGES_SRC, fileURLToPath(import.meta.url), join(ROOT, 'package-lock.json')].filter((p) => existsSync(p));
  return Math.max(...inputs.map(newestMtime)) < statSync(STAMP).mtimeMs;
}

export interface BuildResult {
  outDir: string;
  /** False when the cached build was still fresh. */
  built: boolean;
  files: string[];
}

export async function buildPages(options: { force?: boolean } = {}): Promise<BuildResult> {
  const sources = readdirSync(PAGES_SRC);
  if (!options.force && pagesAreFresh()) return { outDir: PAGES_OUT, built: false, files: readdirSync(PAGES_OUT) };
  mkdirSync(PAGES_OUT, { recursive: true });
  const entryPoints = sources.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts')).map((f) => join(PAGES_SRC, f));
  await esbuild.build({
    entryPoints,
    outdir: PAGES_OUT,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'react',
    loader: { '.css': 'text' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'error',
  });
  for (const f of sources.filter((f) => f.endsWith('.html'))) copyFileSync(join(PAGES_SRC, f), join(PAGES_OUT, f));
  writeFileSync(STAMP, new Date().toISOString());
  return { outDir: PAGES_OUT, built: true, files: readdirSync(PAGES_OUT) };
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const started = Date.now();
  const result = await buildPages({ force: process.argv.includes('--force') });
  console.log(`${result.built ? 'Built' : 'Up to date:'} ${result.files.filter((f) => !f.startsWith('.')).join(', ')} in ${result.outDir} (${Date.now() - started} ms)`);
}
