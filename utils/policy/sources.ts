import type { Policy } from './schema';
import { PolicyError } from './issues';
import type { PolicySourceKind, PolicySources, ProblemCode, SourceProblem, SourceSlot } from './source-state';
import { MAX_POLICY_BYTES } from './parse';
import { loadPolicyText } from './load';
import { validatePolicy, errorText } from './validate';

export * from './source-state';

export interface ResolvedPolicy {
  policy: Policy;
  source: PolicySourceKind;
  origin: string | null;
  loadedAt: string;
}

/** The highest source holding a good policy; the demo when none does (a source that never loaded does not hide the ones below). */
export function resolveActive(sources: PolicySources, demo: { policy: Policy; loadedAt: string }): ResolvedPolicy {
  for (const kind of ['managed', 'url', 'file'] as const) {
    const slot = sources[kind];
    if (slot?.policy) return { policy: slot.policy, source: kind, origin: slot.origin, loadedAt: slot.loadedAt ?? demo.loadedAt };
  }
  return { policy: demo.policy, source: 'demo', origin: null, loadedAt: demo.loadedAt };
}

export function newSlot(origin: string): SourceSlot {
  return { origin, policy: null, loadedAt: null, checkedAt: null, etag: null, error: null };
}

export function problemOf(error: unknown, at: string, message?: string, code: ProblemCode = 'unreachable'): SourceProblem {
  if (error instanceof PolicyError) return { code: 'invalid', message: message ?? 'the policy is not valid', issues: error.issues, at };
  return { code, message: message ?? errorText(error), issues: [], at };
}

/** Validates a policy IT gave in managed storage: JSON text (located errors) or, on Firefox, an object. */
export function loadManagedPolicy(value: string | object): Policy {
  return typeof value === 'string' ? loadPolicyText(value, 'managed policy') : validatePolicy(value);
}

/** Only https, or http on this machine: a policy decides what people may publish, it must not be swapped in transit. */
export function checkPolicyUrl(input: string): { ok: true; url: string; origin: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: 'not a URL' };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { ok: false, error: 'the URL must start with https://' };
  if (url.username || url.password) return { ok: false, error: 'the URL must not contain a user name or password' };
  url.hash = '';
  return { ok: true, url: url.href, origin: `${url.protocol}//${url.hostname}/*` };
}

export type FetchOutcome =
  | { kind: 'unchanged' }
  | { kind: 'loaded'; policy: Policy; etag: string | null }
  | { kind: 'failed'; error: unknown; message: string; code: ProblemCode };

export const FETCH_TIMEOUT_MS = 20_000;

/** Asks the URL for the policy, with If-None-Match when an ETag is known; never throws. */
export async function fetchPolicy(url: string, etag: string | null, fetchImpl: typeof fetch = fetch): Promise<FetchOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: etag ? { 'If-None-Match': etag, Accept: 'application/json, application/yaml, text/yaml, */*' } : { Accept: 'application/json, application/yaml, text/yaml, */*' },
      // Our own conditional request: the HTTP cache must neither answer for the server nor hide its 304.
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'failed', error, code: 'unreachable', message: `could not reach ${url}: ${errorText(error)}` };
  }
  if (response.status === 304 && etag) return { kind: 'unchanged' };
  if (!response.ok) return { kind: 'failed', error: null, code: 'http', message: `${url} answered HTTP ${response.status}` };
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_POLICY_BYTES) return { kind: 'failed', error: null, code: 'too-big', message: `the policy at ${url} is over 1 MB` };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return { kind: 'failed', error, code: 'unreachable', message: `could not read ${url}: ${errorText(error)}` };
  }
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  try {
    return { kind: 'loaded', policy: loadPolicyText(bytes, name), etag: response.headers.get('etag') };
  } catch (error) {
    return { kind: 'failed', error, code: 'invalid', message: `the policy at ${url} is not valid` };
  }
}

/** A URL slot after a fetch: a good policy replaces the last good one; a failure keeps it and records why. */
export function afterFetch(slot: SourceSlot, outcome: FetchOutcome, at: string): SourceSlot {
  switch (outcome.kind) {
    case 'unchanged':
      return { ...slot, checkedAt: at, error: null };
    case 'loaded':
      return { ...slot, policy: outcome.policy, etag: outcome.etag, loadedAt: at, checkedAt: at, error: null };
    case 'failed':
      return { ...slot, checkedAt: at, error: problemOf(outcome.error, at, outcome.message, outcome.code) };
  }
}
