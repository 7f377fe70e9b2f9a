// Where the lazily loaded parts of the content script live in the extension (built by
// utils/build/engine-bundle.ts, web-accessible to the site pages only, through the dynamic URL).

/** The engine: compile(policy) and check(draft). No policy data: the policy comes from storage. */
export const ENGINE_FILE = 'engine/engine.js';
/** re2js, for the patterns the native RegExp path cannot run safely; loaded only for a policy that has one. */
export const RE2JS_FILE = 'engine/re2js.js';
