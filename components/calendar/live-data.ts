// What the popup needs once today is on screen: Dexie, the database and its queries (rrule with them).
// Loaded through loadLiveData (./useLive.ts), never imported statically by the first screen's modules.
export { liveQuery } from 'dexie';
export { db } from '../../utils/calendar/db';
export { surfaceOpenFailure } from '../../utils/calendar/open-failure';
export { occurrencesOfDays, searchEntries } from '../../utils/calendar/query';
export { watchSnapshot } from '../../utils/calendar/snapshot';
