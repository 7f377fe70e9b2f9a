// The entry's closed sets, without zod: the popup's first screen needs them, not the validation (./entry.ts).

export const KINDS = ['slot', 'quiet-period', 'event'] as const;
export type EntryKind = (typeof KINDS)[number];
export const STATUSES = ['idea', 'planned', 'drafted', 'published', 'skipped'] as const;
export type EntryStatus = (typeof STATUSES)[number];
/** Where an entry came from: made here (or imported from a file), or a team feed's URL. */
export const LOCAL_SOURCE = 'local';
