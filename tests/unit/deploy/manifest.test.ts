import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, MANIFEST_KEY } from '../../../utils/deploy/manifest';

describe('the pinned extension id', () => {
  it('is the one Chrome derives from the manifest key', () => {
    const hex = createHash('sha256').update(Buffer.from(MANIFEST_KEY, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')).toBe(EXTENSION_ID);
  });
  it('is the id the README gives administrators', () => {
    expect(readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')).toContain(EXTENSION_ID);
  });
  it('the key is a public key only', () => {
    expect(MANIFEST_KEY.startsWith('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A')).toBe(true); // SubjectPublicKeyInfo, RSA 2048
  });
});

describe('managed_schema.json', () => {
  const schema = JSON.parse(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8')) as {
    type: string; properties: Record<string, { type: string }>;
  };
  it('describes what readManagedConfig reads, with types Chrome can carry', () => {
    expect(schema.type).toBe('object');
    expect(Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, v.type]))).toEqual({
      policy: 'string', policyUrl: 'string', refreshMinutes: 'integer', memberId: 'string', lockMember: 'boolean',
    });
  });
});
