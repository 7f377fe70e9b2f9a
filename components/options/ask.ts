import { browser } from 'wxt/browser';
import type { Message } from '../../utils/messages';

export type Reply = { ok: true } | { ok: false; error: string };

/** Sends the background one message of the protocol and returns its reply. */
export async function ask<T = Reply>(message: Message): Promise<T> {
  return (await browser.runtime.sendMessage(message)) as T;
}
