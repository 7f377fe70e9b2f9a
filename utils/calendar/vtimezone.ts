import { DAY_MS, zoneOffset } from './time';

function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

function floatingText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/**
 * VTIMEZONE components for IANA zones over the years used (RFC 5545 wants one per TZID), built from the
 * browser's own zone data: one observance per transition, found by day and then to the minute.
 */
export function vtimezones(zones: ReadonlyMap<string, { from: number; to: number }>): string[] {
  const out: string[] = [];
  for (const [tz, { from, to }] of zones) {
    const first = Date.UTC(from, 0, 1);
    const last = Date.UTC(Math.min(to, from + 30) + 1, 0, 1);
    const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
    const observance = (at: number, before: number, after: number) => {
      const kind = after > before ? 'DAYLIGHT' : 'STANDARD';
      lines.push(`BEGIN:${kind}`, `DTSTART:${floatingText(at + before)}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${kind}`);
    };
    let previous = zoneOffset(first, tz);
    observance(first, previous, previous);
    for (let day = first + DAY_MS; day <= last; day += DAY_MS) {
      const offset = zoneOffset(day, tz);
      if (offset === previous) continue;
      let lo = day - DAY_MS;
      let hi = day;
      while (hi - lo > 60_000) {
        const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
        if (zoneOffset(mid, tz) === previous) lo = mid;
        else hi = mid;
      }
      observance(hi, previous, offset);
      previous = offset;
    }
    lines.push('END:VTIMEZONE');
    out.push(lines.join('\r\n'));
  }
  return out;
}
