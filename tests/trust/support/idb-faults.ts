// Faults injected into fake-indexeddb (import after 'fake-indexeddb/auto'): a disk that fills up after
// `allowance` more writes, as IndexedDB reports it (QuotaExceededError, the transaction aborted), and a
// write that fails midway for any other reason (a worker stopped in the middle of a transaction).
const store = globalThis.IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => unknown>;
const original = { put: store.put, add: store.add };

let fault: { allowance: number; error: () => Error } | null = null;
for (const method of ['put', 'add'] as const) {
  store[method] = function (this: unknown, ...args: unknown[]) {
    if (fault && fault.allowance-- <= 0) throw fault.error();
    return original[method].apply(this, args);
  };
}

/** From now on, writes fail after `allowance` more succeed: the disk is full. */
export function diskFullAfter(allowance = 0): void {
  fault = { allowance, error: () => new DOMException('The quota has been exceeded.', 'QuotaExceededError') };
}

/** The next write after `allowance` more fails with `error` (and every one after it, until healed). */
export function failWritesAfter(allowance: number, error: () => Error): void {
  fault = { allowance, error };
}

export function heal(): void {
  fault = null;
}
