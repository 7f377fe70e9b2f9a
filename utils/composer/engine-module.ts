// The engine as the content script loads it: bundled by utils/build/engine-bundle.ts into ENGINE_FILE, an
// ES module imported when the first compose box mounts (utils/composer/engine-loader.ts). Its 're2js'
// is the stand-in of ../check/rules/pattern/re2-lazy.ts, filled by provideRe2 when policyNeedsRe2.
import type { Policy } from '../policy/schema';
import { runsOnRe2 } from '../check/rules/pattern/matcher';

export { compile, compileInSlices } from '../check/engine';
export { provideRe2 } from '../check/rules/pattern/re2-lazy';

/** Whether compiling this policy needs re2js: it has a pattern that the native RegExp path cannot run safely. */
export function policyNeedsRe2(policy: Policy): boolean {
  return policy.rules.some((rule) => {
    const { kind, pattern, ignoreCase } = rule as { kind: string; pattern?: unknown; ignoreCase?: unknown };
    return kind === 'pattern' && typeof pattern === 'string' && runsOnRe2(pattern, ignoreCase === true);
  });
}
