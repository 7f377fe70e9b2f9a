// The one owner of the active policy. Sources, highest first: IT's managed storage (policy text or URL),
// a URL the member set, an imported file, the embedded demo. Each source keeps its last good policy through
// failures; the active policy is the highest source holding one, written only when it really changes so
// that content scripts recompile once.
import { browser } from 'wxt/browser';
import { activePolicyItem, memberItem, policySourcesItem, type ActivePolicy } from '../../utils/storage';
import { policySchema, type Policy } from '../../utils/policy/schema';
import { DEMO_POLICY } from '../../utils/policy/demo';
import { policyFingerprint } from '../../utils/policy/diff';
import { readManagedConfig, type ManagedConfig } from '../../utils/policy/managed';
import { loadPolicyText } from '../../utils/policy/load';
import { PolicyError } from '../../utils/policy/issues';
import {
  afterFetch, checkPolicyUrl, fetchPolicy, loadManagedPolicy, newSlot, problemOf, resolveActive,
  type PolicySources, type SourceSlot,
} from '../../utils/policy/sources';

export const REFRESH_ALARM = 'portavoce:policy-refresh';
export const DEFAULT_REFRESH_MINUTES = 30;
/** The managed slot's origin when IT gave the policy as text rather than a URL. */
const MANAGED_TEXT = 'managed storage';
const RECHECK_AFTER_MS = 5 * 60_000;

const now = () => new Date().toISOString();

let queue: Promise<unknown> = Promise.resolve();
/** Every change to the sources and the active policy, one at a time. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

/** Applies `change` to the stored sources and re-resolves the active policy. */
function update(change: (sources: PolicySources) => PolicySources | Promise<PolicySources>): Promise<ActivePolicy> {
  return serial(async () => {
    const before = await policySourcesItem.getValue();
    const after = await change(before);
    if (after !== before) await policySourcesItem.setValue(after);
    return writeActive(after);
  });
}

let demo: Policy | undefined;

async function writeActive(sources: PolicySources): Promise<ActivePolicy> {
  const current = await activePolicyItem.getValue();
  demo ??= policySchema.parse(DEMO_POLICY);
  const resolved = resolveActive(sources, { policy: demo, loadedAt: current?.source === 'demo' ? current.loadedAt : now() });
  const fingerprint = policyFingerprint(resolved.policy);
  if (current && current.fingerprint === fingerprint && current.source === resolved.source && current.origin === resolved.origin) return current;
  const active: ActivePolicy = { ...resolved, fingerprint };
  await activePolicyItem.setValue(active);
  return active;
}

/** The active policy, set up on first use (the demo on a new install). */
export function ensureActivePolicy(): Promise<ActivePolicy> {
  return update((sources) => sources);
}

/** Listeners: the refresh alarm and changes IT makes to managed storage. Call once, synchronously, at start. */
export function registerPolicySources(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshPolicies();
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void syncManaged();
  });
}

/** At install, at browser start and whenever the worker wakes: managed storage, the alarm, the active policy. */
export async function startPolicySources(): Promise<ActivePolicy> {
  await syncManaged();
  await scheduleRefresh();
  return ensureActivePolicy();
}

async function readManaged(): Promise<ManagedConfig | null> {
  try {
    const { config, problems } = readManagedConfig(await browser.storage.managed.get());
    if (problems.length) console.warn('Portavoce managed storage:', problems.join('; '));
    return config;
  } catch {
    return null; // Firefox throws when no policies.json configures the extension
  }
}

/** Reads IT's settings and applies them: the managed policy (validated; an invalid one keeps the last good) and the member lock. */
export async function syncManaged(): Promise<void> {
  const config = await readManaged();
  const url = config && config.policy === null && config.policyUrl ? checkPolicyUrl(config.policyUrl) : null;
  const previousMember = (await policySourcesItem.getValue()).profile?.memberId ?? null;
  await update((sources) => {
    const profile = config && (config.memberId !== null || config.lockMember) ? { memberId: config.memberId, locked: config.lockMember } : null;
    const at = now();
    let managed: SourceSlot | null = null;
    if (config?.policy != null) {
      const slot = sources.managed?.origin === MANAGED_TEXT ? sources.managed : { ...newSlot(MANAGED_TEXT), policy: sources.managed?.policy ?? null, loadedAt: sources.managed?.loadedAt ?? null };
      try {
        const policy = loadManagedPolicy(config.policy);
        const same = slot.policy && policyFingerprint(slot.policy) === policyFingerprint(policy);
        managed = { ...slot, policy, loadedAt: same ? slot.loadedAt : at, checkedAt: at, error: null };
      } catch (error) {
        managed = { ...slot, checkedAt: at, error: problemOf(error, at, 'the managed policy is not valid') };
      }
    } else if (url) {
      // A new URL keeps the last good managed policy until its first fetch succeeds.
      const origin = url.ok ? url.url : config!.policyUrl!;
      managed = sources.managed?.origin === origin ? sources.managed : { ...newSlot(origin), policy: sources.managed?.policy ?? null, loadedAt: sources.managed?.loadedAt ?? null };
      if (!url.ok) managed = { ...managed, error: { code: 'unreachable', message: `managed policyUrl: ${url.error}`, issues: [], at } };
    }
    return { ...sources, managed, profile };
  });
  // IT's member: always when locked; otherwise a suggestion, applied when IT changes it or nobody chose yet,
  // so the worker waking up does not undo the member's own choice.
  if (config?.memberId) {
    const current = await memberItem.getValue();
    const apply = config.lockMember || current === null || previousMember !== config.memberId;
    if (apply && current !== config.memberId) await memberItem.setValue(config.memberId);
  }
  if (url?.ok) {
    const slot = (await policySourcesItem.getValue()).managed;
    // The worker wakes often: a URL checked in the last few minutes waits for the alarm.
    if (!slot?.checkedAt || Date.now() - Date.parse(slot.checkedAt) > RECHECK_AFTER_MS) await refreshSlot('managed');
  }
  await scheduleRefresh(config?.refreshMinutes ?? undefined);
}

/** Fetches the URL of one slot (with its ETag) and keeps the last good policy on failure. */
async function refreshSlot(kind: 'url' | 'managed'): Promise<void> {
  const slot = (await policySourcesItem.getValue())[kind];
  if (!slot || slot.origin === MANAGED_TEXT) return;
  const checked = checkPolicyUrl(slot.origin);
  if (!checked.ok) return;
  let outcome = await fetchPolicy(checked.url, slot.etag);
  if (outcome.kind === 'failed' && outcome.code === 'unreachable' && !(await hasHostAccess(checked.origin))) {
    outcome = { ...outcome, code: 'permission', message: `${outcome.message} (no permission for ${checked.origin}: allow it in the options page, or serve the policy with Access-Control-Allow-Origin)` };
  }
  const at = now();
  await update((sources) => {
    const current = sources[kind];
    // The URL changed while we were fetching: this answer is for the old one.
    if (!current || current.origin !== slot.origin) return sources;
    return { ...sources, [kind]: afterFetch(current, outcome, at) };
  });
}

async function hasHostAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [origin] });
  } catch {
    return false;
  }
}

/** The alarm's work, and "Refresh now": both URLs, and managed storage again. */
export async function refreshPolicies(): Promise<void> {
  await Promise.all([refreshSlot('url'), refreshSlot('managed')]);
}

/** The refresh alarm exists while a URL source does (every `minutes`, IT's choice or 30). */
async function scheduleRefresh(minutes?: number): Promise<void> {
  const sources = await policySourcesItem.getValue();
  const needed = !!sources.url || (!!sources.managed && sources.managed.origin !== MANAGED_TEXT);
  const period = Math.min(Math.max(minutes ?? DEFAULT_REFRESH_MINUTES, 5), 24 * 60);
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (!needed) {
    if (existing) await browser.alarms.clear(REFRESH_ALARM);
    return;
  }
  if (existing?.periodInMinutes !== period) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: period, delayInMinutes: period });
}

export type ImportReply = { ok: true; active: ActivePolicy } | { ok: false; error: string; issues: PolicyError['issues'] };

/** An imported file: validated again here (the page is not trusted to have done it); a bad one changes nothing. */
export async function importPolicyFile(name: string, text: string): Promise<ImportReply> {
  let policy: Policy;
  try {
    policy = loadPolicyText(text, name);
  } catch (error) {
    const issues = error instanceof PolicyError ? error.issues : [];
    return { ok: false, error: String((error as Error).message), issues };
  }
  const at = now();
  const active = await update((sources) => ({ ...sources, file: { ...newSlot(name), policy, loadedAt: at, checkedAt: at } }));
  return { ok: true, active };
}

export function removePolicyFile(): Promise<ActivePolicy> {
  return update((sources) => ({ ...sources, file: null }));
}

/** Sets or removes the member's URL source and fetches it at once. */
export async function setPolicyUrl(input: string | null): Promise<{ ok: true } | { ok: false; error: string }> {
  if (input === null || input.trim() === '') {
    await update((sources) => ({ ...sources, url: null }));
    await scheduleRefresh();
    return { ok: true };
  }
  const checked = checkPolicyUrl(input);
  if (!checked.ok) return checked;
  await update((sources) => ({ ...sources, url: sources.url?.origin === checked.url ? sources.url : newSlot(checked.url) }));
  await scheduleRefresh();
  await refreshSlot('url');
  return { ok: true };
}

/** The member's own choice, unless IT locked it. */
export async function setMember(memberId: string | null): Promise<{ ok: true } | { ok: false; error: string }> {
  const { profile } = await policySourcesItem.getValue();
  if (profile?.locked) return { ok: false, error: 'the member profile is set by your organization' };
  if (memberId === null) await memberItem.removeValue();
  else await memberItem.setValue(memberId);
  return { ok: true };
}
