import { z } from 'zod';
import { auditEntrySchema } from './audit/entry';

/** Every message a page-side script may send the background: one discriminated union, checked where it arrives. */
export const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('audit:append'), entry: auditEntrySchema }),
  z.strictObject({ type: z.literal('options:open') }),
  z.strictObject({ type: z.literal('policy:ensure') }),
]);
export type Message = z.infer<typeof messageSchema>;

export const MAX_MESSAGE_BYTES = 1_000_000;

export type MessageCheck = { ok: true; message: Message } | { ok: false; error: string };

/** Validates a message and its sender: only this extension's own scripts, nothing malformed or oversized. */
export function checkMessage(raw: unknown, sender: { id?: string }, ownId: string): MessageCheck {
  if (sender.id !== ownId) return { ok: false, error: 'message from another extension or a page' };
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not plain data' };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: `message of ${size} bytes is over the ${MAX_MESSAGE_BYTES} limit` };
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, message: parsed.data };
}
