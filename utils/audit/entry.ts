import { z } from 'zod';
import { LEVELS, PLATFORMS, SURFACES } from '../check/types';

/** One override of the publish gate: who published past which findings, and why. Never the draft's text. */
export const auditEntrySchema = z.strictObject({
  at: z.iso.datetime(),
  platform: z.enum(PLATFORMS),
  surface: z.enum(SURFACES),
  memberId: z.string().max(200).nullable(),
  rules: z.array(z.strictObject({ id: z.string().max(200), level: z.enum(LEVELS) })).max(500),
  reason: z.string().trim().min(3).max(1000),
  policyName: z.string().max(500),
  policyVersion: z.number().int(),
  /** SHA-256 of the draft, hex: proves which text was published without keeping it. */
  draftHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
