import { describe, expect, it, afterAll } from 'vitest';
import { PolicyError } from '../../utils/policy/issues';
import { tryLoadPolicyText } from '../../utils/policy/load';
import { malformedPolicies } from './malformed-policies';
import { recordTrust } from './figures';

const corpus = malformedPolicies();
let rejected = 0;
let crashes = 0;
let accepted = 0;

describe('malformed policies', () => {
  it('the corpus holds at least 200 files', () => expect(corpus.length).toBeGreaterThanOrEqual(200));

  it.each(corpus.map((entry) => [entry.name, entry] as const))('refuses %s with a located error', (_, { input }) => {
    let result: ReturnType<typeof tryLoadPolicyText>;
    try {
      result = tryLoadPolicyText(input, 'policy.yaml');
    } catch (error) {
      crashes++;
      throw error;
    }
    if (result.ok) accepted++;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    rejected++;
    expect(result.error).toBeInstanceOf(PolicyError);
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) {
      // Located: a line, or a path into the policy; a whole-file problem names the file.
      const located = issue.line !== undefined || issue.path.length > 0;
      expect(located || result.error.message.startsWith('policy.yaml: ')).toBe(true);
      expect(issue.message.length).toBeGreaterThan(5);
    }
  });
});

afterAll(() => {
  recordTrust({ area: 'Hostile input', check: 'malformed policies', tried: corpus.length, rejected, crashes, bypasses: accepted, lost: 0 });
});
