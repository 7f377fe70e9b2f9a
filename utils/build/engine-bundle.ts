// Builds the content script's lazily loaded parts (utils/composer/engine-files.ts) with esbuild, as ES
// modules: WXT bundles content scripts as one IIFE each, without code splitting, so they are built here
// and added to the extension as generated files (wxt.config.ts, build:publicAssets).
//
// - ENGINE_FILE: utils/composer/engine-module.ts, with 're2js' replaced by the stand-in that the
//   content script fills when a policy needs it (utils/check/rules/pattern/re2-lazy.ts).
// - RE2JS_FILE: re2js itself.
// Each file is self-contained: under use_dynamic_url Chromium resolves a module's relative imports
// against the extension's static address, which the page may not load, so neither imports the other.
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { ENGINE_FILE, RE2JS_FILE } from '../composer/engine-files';

export interface BuiltModule {
  relativeDest: string;
  contents: string;
}

/** Browsers the extension supports (Chromium's current releases, Firefox ≥ 140 as in the manifest). */
const TARGET = ['chrome120', 'firefox140'];

/**
 * twitter-text's regular-expression modules import core-js 2 polyfills for RegExp, String#replace and
 * Array#indexOf, which every supported browser has natively: they would only add weight.
 */
const noCoreJs: Plugin = {
  name: 'no-core-js',
  setup(b) {
    b.onResolve({ filter: /^core-js\// }, (args) => ({ path: args.path, namespace: 'no-core-js' }));
    b.onLoad({ filter: /.*/, namespace: 'no-core-js' }, () => ({ contents: '', loader: 'js' }));
  },
};

function lazyRe2(root: string): Plugin {
  const standIn = join(root, 'utils/check/rules/pattern/re2-lazy.ts');
  return {
    name: 'lazy-re2js',
    setup(b) {
      b.onResolve({ filter: /^re2js$/ }, (args) => (args.importer === standIn ? undefined : { path: standIn }));
    },
  };
}

async function bundle(root: string, entry: { path: string } | { contents: string }, plugins: Plugin[]): Promise<string> {
  const result = await build({
    ...('path' in entry
      ? { entryPoints: [entry.path] }
      : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } }),
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: TARGET,
    minify: true,
    legalComments: 'eof',
    write: false,
    logLevel: 'warning',
    plugins,
  });
  return result.outputFiles[0]!.text;
}

export async function buildEngineModules(root: string): Promise<BuiltModule[]> {
  const [engine, re2js] = await Promise.all([
    bundle(root, { path: join(root, 'utils/composer/engine-module.ts') }, [noCoreJs, lazyRe2(root)]),
    bundle(root, { contents: "export { RE2JS, RE2JSSyntaxException } from 're2js';" }, []),
  ]);
  return [
    { relativeDest: ENGINE_FILE, contents: engine },
    { relativeDest: RE2JS_FILE, contents: re2js },
  ];
}
