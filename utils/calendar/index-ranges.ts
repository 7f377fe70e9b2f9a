// Which stored entries a range of time needs, as index ranges: shared by the Dexie query (./query.ts) and the
// popup's first read without Dexie (./read-without-dexie.ts), so that both read exactly the same rows.
import type { EntryRow } from './db';
import { DAY_MS } from './time';

/** Entries shorter than this (bounds included) are "short": found by a range on `from` alone. */
export const SHORT_SPAN = 3 * DAY_MS;

/** A range of one index of the entries table, in the terms of Dexie's `where(index).between(...)`. */
export interface IndexRange {
  index: '[wide+from]' | '[wide+to]';
  lower: [number, number];
  upper: [number, number];
  includeLower: boolean;
  includeUpper: boolean;
}

/**
 * Every entry that may overlap [rangeStart, rangeEnd), in two index ranges, never a table scan: short entries
 * by where they start, long and recurring ones by where they end (see db.ts and occurrences.ts boundsOf).
 */
export function rangesOverlapping(rangeStart: number, rangeEnd: number): [short: IndexRange, wide: IndexRange] {
  return [
    { index: '[wide+from]', lower: [0, rangeStart - SHORT_SPAN], upper: [0, rangeEnd], includeLower: true, includeUpper: false },
    { index: '[wide+to]', lower: [1, rangeStart], upper: [1, Infinity], includeLower: true, includeUpper: true },
  ];
}

/**
 * The rows of the two ranges worth expanding (the bounds hold every occurrence, wherever it is viewed): a short
 * entry that ended before the range (most of the short range, which starts SHORT_SPAN early), a long or
 * recurring one that starts after it (rrule is the cost), cannot reach into it.
 */
export function rowsToExpand(short: readonly EntryRow[], wide: readonly EntryRow[], rangeStart: number, rangeEnd: number): EntryRow[] {
  return [...short.filter((row) => !(row.to < rangeStart)), ...wide.filter((row) => !(row.from >= rangeEnd))];
}
