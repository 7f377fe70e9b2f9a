// A classic script in popup.html's head: the first screen's reads start before the popup's modules load
// (see components/calendar/early-read.ts).
import { startEarlyReads } from '../../components/calendar/early-read';

export default defineUnlistedScript(() => startEarlyReads());
