// The audit log's owner in the background: appends, reads and clears go through one queue, so two
// overrides at once both land and a clear never interleaves with an append.
//
// An override is never lost: it is written ahead to a waiting place (storage.local, else the browser's memory:
// audit-waiting.ts) before any database call, then moved into the database. When the database cannot take it
// (a full disk, no IndexedDB) or does not answer, it stays there and is retried on every append and read of the
// log, every wake of the worker and every minute on an alarm, until it lands. Meanwhile the toolbar button
// shows "!" and the options page says how many entries wait and why.
import { browser } from 'wxt/browser';
import { auditStatusItem, type AuditStatus } from '../../utils/storage';
import { clearAudit, listAudit } from '../../utils/audit/store';
import type { AuditEntry } from '../../utils/audit/entry';
import { db, type AuditRow } from '../../utils/calendar/db';
import { StoreError, asStoreError, transact } from '../../utils/calendar/store';
import { AUDIT_CHANNEL } from '../../utils/audit/changes';
import { addWaiting, forgetWaiting, readWaiting, waitingInMemory } from './audit-waiting';

export const AUDIT_RETRY_ALARM = 'portavoce:audit-retry';
const RETRY_MINUTES = 1;

/**
 * How long a database call of the log may take. On a failing disk Chromium may retry opening its backing store
 * for a long time, or never answer: the queue, and the member's post waiting for the override, must not wait
 * with it. A call that answers later does no harm (moves skip entries already in the log).
 */
export const DATABASE_WAIT_MS = 5_000;
function answerWithin<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreError('failed', `the database did not answer within ${DATABASE_WAIT_MS / 1000} s`)), DATABASE_WAIT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

/** Open options pages listen here and read the log again at once (utils/audit/changes.ts). */
function announce(): void {
  try {
    const channel = new BroadcastChannel(AUDIT_CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel (an old test environment): pages still poll.
  }
}

/** Retries waiting entries on the alarm; call once, synchronously, when the worker starts. */
export function registerAudit(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUDIT_RETRY_ALARM) void flushPendingAudit();
  });
}

/**
 * Moves the waiting entries into the database, oldest first. Idempotent: an entry already there (same time and
 * draft hash) is not added twice if the worker stopped half-way. Entries that no longer validate stay where they
 * were rather than being lost. Throws, keeping them all, when the database cannot take them.
 */
async function movePending(): Promise<number> {
  const { valid } = await readWaiting();
  if (valid.length === 0) return 0;
  const table = db().audit;
  await answerWithin(transact(db(), table, async () => {
    for (const entry of valid) {
      const present = await table.where('at').equals(entry.at).filter((row) => row.draftHash === entry.draftHash).count();
      if (present === 0) await table.add({ ...entry });
    }
  }));
  await forgetWaiting(valid);
  return valid.length;
}

/** The status as last set: storage.local may refuse to keep it (a full disk), this copy does not. */
let status: AuditStatus | null = null;
const storedStatus = () => auditStatusItem.getValue().catch(() => null);

/** What the toolbar and the options page show about waiting entries. */
async function setStatus(problem: AuditStatus['problem'] | null): Promise<void> {
  const pending = (await readWaiting()).valid.length;
  const since = status?.since ?? (await storedStatus())?.since ?? new Date().toISOString();
  status = pending && problem ? { pending, problem, since } : null;
  await auditStatusItem.setValue(status).catch(() => undefined);
  try {
    const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
    await action?.setBadgeText({ text: status ? '!' : '' });
    if (status) await action?.setBadgeBackgroundColor({ color: '#b3261e' });
    await action?.setTitle({ title: status ? `Portavoce: ${pending} audit ${pending === 1 ? 'entry waits' : 'entries wait'} to be saved (${PROBLEM_TEXT[problem!]}); retrying every minute.` : '' });
  } catch {
    // No toolbar button here (a test environment): the options page still says it.
  }
  try {
    if (status && !(await browser.alarms.get(AUDIT_RETRY_ALARM))) await browser.alarms.create(AUDIT_RETRY_ALARM, { periodInMinutes: RETRY_MINUTES });
    else if (!status) await browser.alarms.clear(AUDIT_RETRY_ALARM);
  } catch {
    // The alarm could not be kept (the disk is full): the next append, read or wake retries.
  }
  retryWhileInMemory();
}

/**
 * Entries kept only in this worker's memory are lost if it stops, and it stops when idle: retry them on a
 * timer, whose work (storage and database calls) also keeps the worker running, until they land.
 */
const MEMORY_RETRY_MS = 10_000;
let memoryRetry: ReturnType<typeof setTimeout> | undefined;
function retryWhileInMemory(): void {
  if (memoryRetry !== undefined || waitingInMemory() === 0) return;
  memoryRetry = setTimeout(() => {
    memoryRetry = undefined;
    void flushPendingAudit().finally(retryWhileInMemory);
  }, MEMORY_RETRY_MS);
}

const PROBLEM_TEXT: Record<AuditStatus['problem'], string> = {
  'disk-full': 'the disk is full',
  unavailable: 'this browser cannot save data here',
  failed: 'the database failed',
};

/** Tries the waiting entries now: how many moved and how many still wait. Never throws. */
async function retryPending(): Promise<{ moved: number; waiting: number }> {
  const before = (await readWaiting()).valid.length;
  if (before === 0 && !status && !(await storedStatus())) return { moved: 0, waiting: 0 };
  try {
    const moved = await movePending();
    await setStatus(null);
    return { moved, waiting: 0 };
  } catch (error) {
    await setStatus(asStoreError(error).reason as AuditStatus['problem']);
    return { moved: 0, waiting: before };
  }
}

/** Retries the waiting entries now (the alarm). */
export const flushPendingAudit = () => serial(retryPending).then((r) => (r.moved && announce(), r));

export type AppendResult = { saved: true } | { saved: false; pending: number; problem: AuditStatus['problem'] };

/**
 * Appends an override: written ahead to the waiting place, then moved with any that waited before it (in
 * order of time). When the database cannot take it, or does not answer in time, it stays waiting.
 */
export const appendAuditEntry = async (entry: AuditEntry): Promise<AppendResult> => {
  await addWaiting(entry);
  const result = await serial(async (): Promise<AppendResult> => {
    const { waiting } = await retryPending();
    return waiting === 0 ? { saved: true } : { saved: false, pending: waiting, problem: status?.problem ?? 'failed' };
  });
  announce();
  return result;
};

export interface AuditList {
  entries: AuditRow[];
  /** Overrides that wait to be saved, oldest first, and why (absent when none wait). */
  pending?: AuditEntry[];
  problem?: AuditStatus['problem'];
}

/** The log, newest first. */
export const listAuditEntries = () => serial(() => listAudit());

/** The log as the options page shows it: after one more try of the waiting entries, with them and why; never throws. */
export const readAuditLog = (): Promise<AuditList> =>
  serial(async () => {
    await retryPending();
    const pending = (await readWaiting()).valid;
    const waiting = status ? { pending, problem: status.problem } : {};
    try {
      return { entries: await answerWithin(listAudit()), ...waiting };
    } catch (error) {
      return { entries: [], pending, problem: asStoreError(error).reason as AuditStatus['problem'] };
    }
  });

export const clearAuditEntries = () => serial(() => answerWithin(clearAudit())).then(announce);

/**
 * At every wake: moves the entries v1 kept in storage.local ('audit') into the database, once, and retries
 * any that wait there since the database could not take them.
 */
export function migrateLegacyAudit(): Promise<number> {
  return flushPendingAudit().then((r) => r.moved);
}
