import { describe, expect, it } from 'vitest';
import { checkMessage, MAX_MESSAGE_BYTES } from '../../utils/messages';

const ID = 'mpmceomafdnfbndnlnlakmipfgbkinde';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: `${ORIGIN}options.html` };
const contentScript = { id: ID, url: 'https://x.com/home' };
const contentScript_ = contentScript;

describe('checkMessage', () => {
  it.each([
    ['policy:import from the options page', { type: 'policy:import', name: 'p.yaml', text: 'version: 1' }, page],
    ['policy:set-url (null removes it)', { type: 'policy:set-url', url: null }, page],
    ['member:set', { type: 'member:set', memberId: 'giulia' }, page],
    ['audit:list', { type: 'audit:list' }, page],
    ['policy:ensure from a content script', { type: 'policy:ensure' }, contentScript],
    ['options:open from a content script', { type: 'options:open' }, contentScript],
  ])('accepts %s', (_name, message, sender) => {
    expect(checkMessage(message, sender, ID, ORIGIN)).toEqual({ ok: true, message });
  });

  it.each([
    ['another extension', { type: 'audit:list' }, { id: 'other', url: 'chrome-extension://other/x.html' }, /another extension/],
    ['a web page (no id)', { type: 'policy:ensure' }, { url: 'https://evil.example/' }, /another extension or a page/],
    ['a content script clearing the log', { type: 'audit:clear' }, contentScript, /extension's pages only/],
    ['a content script importing a policy', { type: 'policy:import', name: 'x', text: 'x' }, contentScript, /extension's pages only/],
    ['a content script choosing the member', { type: 'member:set', memberId: 'x' }, contentScript, /extension's pages only/],
    ['an unknown type', { type: 'policy:delete-everything' }, page, /type/],
    ['an extra key', { type: 'audit:list', all: true }, page, /Unrecognized key/],
    ['a wrong type of value', { type: 'policy:set-url', url: 42 }, page, /url/],
    ['an oversized message', { type: 'policy:import', name: 'x', text: 'x'.repeat(MAX_MESSAGE_BYTES) }, page, /over the/],
    ['not plain data', { type: 'audit:list', self: null as unknown }, page, /./],
  ])('refuses %s', (_name, message, sender, error) => {
    if ((message as { self?: unknown }).self === null) (message as { self?: unknown }).self = message; // a cycle
    const checked = checkMessage(message, sender, ID, ORIGIN);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(error);
  });

  it('accepts a policy of the largest size the loader takes', () => {
    const text = 'é'.repeat(1024 * 1024);
    expect(checkMessage({ type: 'policy:import', name: 'big.yaml', text }, page, ID, ORIGIN).ok).toBe(true);
  });
});

/** One valid example of every message type, with who may send it. */
const EXAMPLES: Record<string, { message: Record<string, unknown>; contentScript: boolean }> = {
  'audit:append': {
    message: {
      type: 'audit:append',
      entry: { at: '2026-11-27T10:00:00.000Z', platform: 'x', surface: 'post', memberId: 'giulia', rules: [{ id: 'confidential', level: 'error' }], reason: 'Approved by legal', policyName: 'Acme', policyVersion: 1, draftHash: 'a'.repeat(64) },
    },
    contentScript: true,
  },
  'options:open': { message: { type: 'options:open' }, contentScript: true },
  'policy:ensure': { message: { type: 'policy:ensure' }, contentScript: true },
  'calendar:published': { message: { type: 'calendar:published', platform: 'linkedin', memberId: 'giulia', topics: ['events'], at: '2026-11-27T10:00:00.000Z' }, contentScript: true },
  'calendar:refresh-feed': { message: { type: 'calendar:refresh-feed' }, contentScript: false },
  'audit:list': { message: { type: 'audit:list' }, contentScript: false },
  'audit:clear': { message: { type: 'audit:clear' }, contentScript: false },
  'member:set': { message: { type: 'member:set', memberId: null }, contentScript: false },
  'policy:import': { message: { type: 'policy:import', name: 'p.yaml', text: 'version: 1\nname: A\n' }, contentScript: false },
  'policy:remove-file': { message: { type: 'policy:remove-file' }, contentScript: false },
  'policy:set-url': { message: { type: 'policy:set-url', url: 'https://intranet.example/policy.yaml' }, contentScript: false },
  'policy:refresh': { message: { type: 'policy:refresh' }, contentScript: false },
};

describe('every message type', () => {
  it('has an example here (a new type needs its row)', async () => {
    const { messageSchema } = await import('../../utils/messages');
    const types = messageSchema.options.map((option) => (option.shape.type as { value: string }).value).sort();
    expect(Object.keys(EXAMPLES).sort()).toEqual(types);
  });

  describe.each(Object.entries(EXAMPLES))('%s', (_type, { message, contentScript }) => {
    it('is accepted from the extension pages, and from content scripts only where they need it', () => {
      expect(checkMessage(message, page, ID, ORIGIN).ok).toBe(true);
      expect(checkMessage(message, contentScript ? contentScript_ : page, ID, ORIGIN).ok).toBe(true);
      expect(checkMessage(message, contentScript_, ID, ORIGIN).ok).toBe(contentScript);
    });

    it('is refused from another extension and from a web page', () => {
      expect(checkMessage(message, { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' }, ID, ORIGIN).ok).toBe(false);
      expect(checkMessage(message, { url: 'https://x.com/home' }, ID, ORIGIN).ok).toBe(false);
    });

    it('is refused with an extra field, at the top and inside', () => {
      expect(checkMessage({ ...message, extra: 1 }, page, ID, ORIGIN).ok).toBe(false);
      const entry = (message as { entry?: object }).entry;
      if (entry) expect(checkMessage({ ...message, entry: { ...entry, draft: 'the text' } }, page, ID, ORIGIN).ok).toBe(false);
    });

    it('is refused over 1 MB from a content script', () => {
      const padded = { ...message, padding: 'x'.repeat(1_000_001) };
      const checked = checkMessage(padded, contentScript_, ID, ORIGIN);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.error).toMatch(/over the 1000000 limit/);
    });
  });
});
