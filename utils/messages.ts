import { z } from 'zod';
import { auditEntrySchema } from './audit/entry';
import { PLATFORMS } from './check/types';

/** A policy file's text: the loader refuses anything over 1 MB, so a longer message is not a policy. */
const MAX_POLICY_CHARS = 1024 * 1024;

/** A composer published a post (after the gate, if any): the background marks the matching slot published. */
const calendarPublished = z.strictObject({
  type: z.literal('calendar:published'),
  platform: z.enum(PLATFORMS),
  memberId: z.string().min(1).max(200),
  topics: z.array(z.string().max(200)).max(100),
  at: z.iso.datetime(),
});

/**
 * Every message a page-side script may send the background: one discriminated union, checked where it arrives.
 * One line per member and no comments inside the array: WXT's auto-import scan (mlly) otherwise reads `z` as
 * a second export of this file and the build fails; a longer schema goes in a const above.
 */
export const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('audit:append'), entry: auditEntrySchema }),
  z.strictObject({ type: z.literal('options:open') }),
  z.strictObject({ type: z.literal('policy:ensure') }),
  calendarPublished,
  z.strictObject({ type: z.literal('calendar:refresh-feed') }),
  z.strictObject({ type: z.literal('audit:list') }),
  z.strictObject({ type: z.literal('audit:clear') }),
  z.strictObject({ type: z.literal('member:set'), memberId: z.string().max(200).nullable() }),
  z.strictObject({ type: z.literal('policy:import'), name: z.string().max(500), text: z.string().max(MAX_POLICY_CHARS) }),
  z.strictObject({ type: z.literal('policy:remove-file') }),
  z.strictObject({ type: z.literal('policy:set-url'), url: z.string().max(2000).nullable() }),
  z.strictObject({ type: z.literal('policy:refresh') }),
]);

/** Messages that change the policy, the profile or the log, or read the log: the extension's own pages only, never a content script. */
export const PAGE_ONLY: ReadonlySet<Message['type']> = new Set([
  'calendar:refresh-feed', 'audit:list', 'audit:clear', 'member:set', 'policy:import', 'policy:remove-file', 'policy:set-url', 'policy:refresh',
] as const);
export type Message = z.infer<typeof messageSchema>;

/** A policy of 1 MB in JSON may need twice that once escaped: the extension's own pages may send that much. */
export const MAX_MESSAGE_BYTES = 3_000_000;
/** What a content script may send at most (it runs beside pages that may try to flood it). */
export const MAX_CONTENT_SCRIPT_MESSAGE_BYTES = 1_000_000;

export type MessageCheck = { ok: true; message: Message } | { ok: false; error: string };

/** Validates a message and its sender: only this extension's own scripts (its pages for PAGE_ONLY), nothing malformed or oversized. */
export function checkMessage(raw: unknown, sender: { id?: string; url?: string }, ownId: string, pageOrigin?: string): MessageCheck {
  if (sender.id !== ownId) return { ok: false, error: 'message from another extension or a page' };
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not plain data' };
  }
  const fromPage = pageOrigin !== undefined && sender.url?.startsWith(pageOrigin) === true;
  const limit = fromPage ? MAX_MESSAGE_BYTES : MAX_CONTENT_SCRIPT_MESSAGE_BYTES;
  if (size > limit) return { ok: false, error: `message of ${size} bytes is over the ${limit} limit` };
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  // With pageOrigin (the extension's own origin), page-only messages must come from an extension page.
  if (pageOrigin !== undefined && PAGE_ONLY.has(parsed.data.type) && !sender.url?.startsWith(pageOrigin)) {
    return { ok: false, error: `${parsed.data.type} is accepted from the extension's pages only` };
  }
  return { ok: true, message: parsed.data };
}
