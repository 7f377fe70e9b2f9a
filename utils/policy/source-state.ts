import type { Policy } from './schema';
import type { PolicyIssue } from './issues';

// The policy sources' stored state: types and constants only, so storage.ts (read by content scripts)
// does not pull the policy parser into their bundle. The logic is in sources.ts.

/** Where the active policy comes from, highest first: IT's managed storage, a URL, an imported file, the demo. */
export const SOURCE_ORDER = ['managed', 'url', 'file', 'demo'] as const;
export type PolicySourceKind = (typeof SOURCE_ORDER)[number];

/** Why a source's latest attempt failed: a sentence, and the located issues when the policy itself was wrong. */
export type ProblemCode = 'invalid' | 'unreachable' | 'http' | 'too-big' | 'permission';

export interface SourceProblem {
  /** What kind of failure, for the page to say in its language; `message` has the details (English). */
  code: ProblemCode;
  message: string;
  issues: PolicyIssue[];
  at: string;
}

/** One source's state: its last good policy (kept through failures) and its latest failure. */
export interface SourceSlot {
  /** The file's name or the URL ('managed storage' for a policy IT gave as text). */
  origin: string;
  policy: Policy | null;
  /** When the last good policy was taken. */
  loadedAt: string | null;
  /** When the URL was last asked, whatever the answer. */
  checkedAt: string | null;
  etag: string | null;
  error: SourceProblem | null;
}

export interface PolicySources {
  managed: SourceSlot | null;
  url: SourceSlot | null;
  file: SourceSlot | null;
  /** The member IT set and whether it is locked; null when IT set none. */
  profile: { memberId: string | null; locked: boolean } | null;
}

export const NO_SOURCES: PolicySources = { managed: null, url: null, file: null, profile: null };

