import { describe, expect, it } from 'vitest';
import { checkMessage, MAX_MESSAGE_BYTES } from '../../utils/messages';

const ID = 'mpmceomafdnfbndnlnlakmipfgbkinde';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: `${ORIGIN}options.html` };
const contentScript = { id: ID, url: 'https://x.com/home' };

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
