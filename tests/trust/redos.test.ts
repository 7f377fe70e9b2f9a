import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../utils/check/engine';
import { tryLoadPolicyText } from '../../utils/policy/load';
import { ATTACK_LENGTH, BENIGN, DANGEROUS } from './redos-corpus';
import { recordTrust } from './figures';

/** "Proven linear": the whole check of the 100,000-character attack string, best of three runs. */
const LIMIT_MS = 100;

function policyWith(pattern: string) {
  return tryLoadPolicyText(JSON.stringify({ version: 1, name: 'ReDoS', rules: [{ id: 'p', kind: 'pattern', level: 'error', pattern }] }), 'policy.json');
}

function bestCheckMs(pattern: string, attack: string, policy: Parameters<typeof compile>[0]): number {
  const engine = compile(policy);
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    engine.check({ text: attack, platform: 'linkedin', surface: 'post' }, {});
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const tally = { rejected: 0, linear: 0, slow: 0, slowest: 0, benignRefused: 0, benignSlowest: 0 };

describe('ReDoS corpus', () => {
  it('holds 50 dangerous and 50 benign patterns with 100,000-character attack strings', () => {
    expect(DANGEROUS).toHaveLength(50);
    expect(BENIGN).toHaveLength(50);
    for (const { attack } of [...DANGEROUS, ...BENIGN]) expect(attack).toHaveLength(ATTACK_LENGTH);
  });

  it.each(DANGEROUS.map((c) => [c.pattern, c] as const))('dangerous %s is refused at load or runs its attack in linear time', (_, { pattern, attack }) => {
    const loaded = policyWith(pattern);
    if (!loaded.ok) {
      tally.rejected++;
      expect(loaded.error.issues[0]!.path).toEqual(['rules', 0, 'pattern']);
      return;
    }
    const ms = bestCheckMs(pattern, attack, loaded.policy);
    tally.slowest = Math.max(tally.slowest, ms);
    if (ms < LIMIT_MS) tally.linear++;
    else tally.slow++;
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it.each(BENIGN.map((c) => [c.pattern, c] as const))('benign %s loads and stays fast', (_, { pattern, attack }) => {
    const loaded = policyWith(pattern);
    if (!loaded.ok) tally.benignRefused++;
    expect(loaded.ok ? '' : loaded.error.message).toBe('');
    if (!loaded.ok) return;
    const ms = bestCheckMs(pattern, attack, loaded.policy);
    tally.benignSlowest = Math.max(tally.benignSlowest, ms);
    expect(ms).toBeLessThan(LIMIT_MS);
  });
});

afterAll(() => {
  recordTrust({
    area: 'Hostile input',
    check: 'ReDoS: 50 dangerous patterns',
    tried: DANGEROUS.length,
    rejected: tally.rejected,
    crashes: 0,
    bypasses: tally.slow,
    lost: 0,
    note: `${tally.rejected} refused at load, ${tally.linear} linear (slowest ${tally.slowest.toFixed(0)} ms on 100,000 chars)`,
  });
  recordTrust({
    area: 'Hostile input',
    check: 'ReDoS: 50 benign patterns',
    tried: BENIGN.length,
    rejected: tally.benignRefused,
    crashes: 0,
    bypasses: 0,
    lost: 0,
    note: `slowest ${tally.benignSlowest.toFixed(0)} ms on 100,000 chars; refused ${tally.benignRefused} (should be 0)`,
  });
});
