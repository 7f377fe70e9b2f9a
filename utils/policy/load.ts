import { PolicyError } from './issues';
import { decodePolicyBytes, parsePolicyText } from './parse';
import type { Policy } from './schema';
import { errorText, validatePolicy } from './validate';

export type LoadResult = { ok: true; policy: Policy } | { ok: false; error: PolicyError };

/**
 * Reads a policy file (YAML or JSON, as text or UTF-8 bytes) and validates it.
 * Throws PolicyError and nothing else: any unexpected failure becomes an issue too.
 */
export function loadPolicyText(input: string | Uint8Array, source?: string): Policy {
  try {
    const text = typeof input === 'string' ? input : decodePolicyBytes(toBytes(input));
    const { data, locate } = parsePolicyText(text, source);
    return validatePolicy(data, locate);
  } catch (error) {
    if (error instanceof PolicyError) throw error.source === source ? error : new PolicyError(error.issues, source);
    const message =
      error instanceof RangeError
        ? 'the policy is nested too deeply to read'
        : `internal error while reading the policy: ${errorText(error)}`;
    throw new PolicyError([{ path: [], message }], source);
  }
}

export function tryLoadPolicyText(input: string | Uint8Array, source?: string): LoadResult {
  try {
    return { ok: true, policy: loadPolicyText(input, source) };
  } catch (error) {
    // loadPolicyText throws nothing else; the check keeps the type honest.
    return { ok: false, error: error instanceof PolicyError ? error : new PolicyError([{ path: [], message: errorText(error) }], source) };
  }
}

function toBytes(input: unknown): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new PolicyError([{ path: [], message: `expected the policy as text or bytes, got ${typeof input}` }]);
}
