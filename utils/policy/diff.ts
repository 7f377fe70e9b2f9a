import type { Policy } from './schema';

export interface ListChange {
  added: string[];
  removed: string[];
  changed: string[];
}

/** What applying `next` instead of `current` changes, for the confirmation before an import. */
export interface PolicyDiff {
  rules: ListChange;
  topics: ListChange;
  members: ListChange;
  /** Top-level settings that differ: name, locale, gate, platforms, calendarFeed. */
  settings: string[];
  /** Nothing at all differs. */
  same: boolean;
}

const SETTINGS = ['name', 'locale', 'gate', 'platforms', 'calendarFeed'] as const;

export function diffPolicies(current: Policy, next: Policy): PolicyDiff {
  const rules = diffById(current.rules as { id: string }[], next.rules as { id: string }[]);
  const topics = diffById(current.topics, next.topics);
  const members = diffById(current.members, next.members);
  const settings = SETTINGS.filter((key) => stable(current[key]) !== stable(next[key]));
  const lists = [rules, topics, members];
  const same = settings.length === 0 && lists.every((l) => !l.added.length && !l.removed.length && !l.changed.length)
    && stable(current.rules.map((r) => r.id)) === stable(next.rules.map((r) => r.id));
  return { rules, topics, members, settings, same };
}

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[]): ListChange {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  return {
    added: after.filter((item) => !old.has(item.id)).map((item) => item.id),
    removed: before.filter((item) => !now.has(item.id)).map((item) => item.id),
    changed: after.filter((item) => old.has(item.id) && stable(old.get(item.id)) !== stable(item)).map((item) => item.id),
  };
}

/** JSON with object keys sorted: `{a, b}` and `{b, a}` are the same rule. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  ) ?? 'undefined';
}

/** A short fingerprint of a policy (FNV-1a over its stable JSON): equal policies, equal prints. */
export function policyFingerprint(policy: Policy): string {
  const text = stable(policy);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length.toString(16)}`;
}
