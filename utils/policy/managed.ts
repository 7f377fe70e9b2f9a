import { z } from 'zod';

/**
 * What IT can set through the browsers' enterprise policy (public/managed_schema.json on Chrome and Edge,
 * policies.json "3rdparty" on Firefox). Chrome drops values its schema cannot describe and a JSON schema
 * cannot express the policy's own unions, so the policy travels as JSON text (or a URL).
 */
export interface ManagedConfig {
  /** The policy as JSON text (an object is accepted too: Firefox keeps objects). */
  policy: string | object | null;
  policyUrl: string | null;
  memberId: string | null;
  lockMember: boolean;
  refreshMinutes: number | null;
}

const managedSchema = z.object({
  policy: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  policyUrl: z.string().optional(),
  memberId: z.string().optional(),
  lockMember: z.boolean().optional(),
  refreshMinutes: z.number().int().optional(),
});

/** Reads storage.managed's raw values; null when IT configured nothing Portavoce uses. Unknown keys are ignored. */
export function readManagedConfig(raw: unknown): { config: ManagedConfig | null; problems: string[] } {
  const parsed = managedSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return { config: null, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'managed storage'}: ${i.message}`) };
  }
  const d = parsed.data;
  const text = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  const policy = typeof d.policy === 'string' ? text(d.policy) : (d.policy ?? null);
  const config: ManagedConfig = {
    policy,
    policyUrl: text(d.policyUrl),
    memberId: text(d.memberId),
    lockMember: d.lockMember ?? false,
    refreshMinutes: d.refreshMinutes ?? null,
  };
  const empty = config.policy === null && config.policyUrl === null && config.memberId === null && !config.lockMember;
  return { config: empty ? null : config, problems: [] };
}
