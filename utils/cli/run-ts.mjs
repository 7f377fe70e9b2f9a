#!/usr/bin/env node
// Runs a TypeScript entry (the CLI, benchmarks, the start script) by bundling it in memory with
// esbuild first: JSON word lists and CommonJS packages load the same way as in the extension build.
// Usage as a command: node utils/cli/run-ts.mjs FILE.ts [ARGS…]
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Each of our modules keeps its own import.meta.url (for fixtures beside it), not the bundle's.
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

export async function importTs(path) {
  const bundle = await build({
    entryPoints: [path],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [keepImportMetaUrl],
  });
  const dir = mkdtempSync(join(tmpdir(), 'portavoce-run-'));
  const file = join(dir, 'entry.mjs');
  writeFileSync(file, bundle.outputFiles[0].contents);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [, , entry, ...rest] = process.argv;
  if (!entry) {
    console.error('usage: node utils/cli/run-ts.mjs FILE.ts [ARGS…]');
    process.exit(2);
  }
  process.argv = [process.argv[0], resolve(entry), ...rest];
  await importTs(resolve(entry));
}
