// re2js as the browser's engine module sees it (utils/build/engine-bundle.ts aliases 're2js' to this file):
// re2js is 47 kB gzipped and only patterns the native path cannot run safely need it, so it is a separate
// file that the content script loads and hands over with provideRe2() before compiling a policy that has
// such a pattern (policyNeedsRe2). Node, the CLI and the tests import the real 're2js' and never see this.
import type * as Re2 from 're2js';

type Re2Module = typeof Re2;
let loaded: Re2Module | null = null;

export function provideRe2(module: Re2Module): void {
  loaded = module;
}

function re2(): Re2Module {
  if (loaded === null) throw new Error('re2js is not loaded (policyNeedsRe2 decides when it is)');
  return loaded;
}

/** The members of RE2JS that the pattern rule uses, forwarded to the loaded module. */
export const RE2JS = {
  compile: (pattern: string, flags?: number) => re2().RE2JS.compile(pattern, flags),
  quote: (text: string) => re2().RE2JS.quote(text),
  get CASE_INSENSITIVE() {
    return re2().RE2JS.CASE_INSENSITIVE;
  },
} as unknown as Re2Module['RE2JS'];
export type RE2JS = Re2.RE2JS;

/** `instanceof` works against the loaded module's class. */
export const RE2JSSyntaxException = class {
  static [Symbol.hasInstance](value: unknown): boolean {
    return loaded !== null && value instanceof loaded.RE2JSSyntaxException;
  }
} as unknown as Re2Module['RE2JSSyntaxException'];
