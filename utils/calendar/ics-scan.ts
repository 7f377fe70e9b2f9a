// A line-located first pass over an ICS file: ical.js parses, but does not say where a file is broken.
import { KINDS, STATUSES } from './entry';
import { PLATFORMS } from '../check/types';

export class IcsError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'IcsError';
  }
}

export interface ContentLine {
  /** 1-based physical line where the (folded) content line starts. */
  line: number;
  name: string;
  text: string;
}

/** Lines unfolded (RFC 5545 3.1), each with the physical line it starts on. */
export function unfold(text: string): ContentLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: ContentLine[] = [];
  physical.forEach((raw, i) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length) out[out.length - 1]!.text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ line: i + 1, name: '', text: raw });
  });
  for (const l of out) l.name = (/^[A-Za-z0-9-]+/.exec(l.text)?.[0] ?? '').toUpperCase();
  return out;
}

const PARAM = String.raw`;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*`;
const CONTENT_LINE = new RegExp(String.raw`^[A-Za-z0-9-]+(?:${PARAM})*:`);
const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;
const DATE_PROPS = new Set(['DTSTART', 'DTEND', 'EXDATE', 'RECURRENCE-ID', 'DTSTAMP', 'LAST-MODIFIED', 'CREATED']);

function valueOf(l: ContentLine): string {
  const m = CONTENT_LINE.exec(l.text);
  return m ? l.text.slice(m[0].length) : '';
}

function checkDate(value: string, l: ContentLine): void {
  for (const part of value.split(',')) {
    const m = DATE_VALUE.exec(part.trim());
    const [mo, d, h, mi, s] = m ? [m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) : [];
    if (!m || mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 60)
      throw new IcsError(`${l.name} has "${part}", not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)`, l.line);
  }
}

function checkOneOf(value: string, allowed: readonly string[], l: ContentLine, list = false): void {
  const values = list ? value.split(',').map((v) => v.trim()).filter(Boolean) : [value.trim()];
  for (const v of values) {
    if (!allowed.includes(v.toLowerCase())) throw new IcsError(`${l.name} is "${v}"; expected one of ${allowed.join(', ')}`, l.line);
  }
}

/** iCalendar 2.0 (RFC 5545) is what Portavoce reads; `VERSION:min;max` is fine when 2.0 is within. */
function checkVersion(value: string, l: ContentLine): void {
  const [min, max = min] = value.split(';').map((v) => Number.parseFloat(v.trim()));
  if (min! <= 2 && max! >= 2) return;
  if (min! > 2) throw new IcsError(`this calendar is iCalendar version ${value.trim()}, newer than the 2.0 Portavoce reads: update Portavoce or export it as iCalendar 2.0`, l.line);
  throw new IcsError(`VERSION:${value.trim()} is not iCalendar 2.0 (a vCalendar 1.0 file?): export the calendar as iCalendar 2.0`, l.line);
}

/** Throws an IcsError naming the first line that is not a well-formed calendar. */
export function scanIcs(text: string): ContentLine[] {
  const lines = unfold(text);
  if (lines.length === 0 || lines[0]!.text.trim().toUpperCase() !== 'BEGIN:VCALENDAR')
    throw new IcsError('not a calendar: the file must start with BEGIN:VCALENDAR', lines[0]?.line ?? 1);
  const stack: string[] = [];
  for (const l of lines) {
    if (!CONTENT_LINE.test(l.text)) throw new IcsError(`"${l.text.slice(0, 60)}" is not a NAME:value line`, l.line);
    const value = valueOf(l);
    if (l.name === 'BEGIN') stack.push(value.trim().toUpperCase());
    else if (l.name === 'END') {
      const open = stack.pop();
      if (open !== value.trim().toUpperCase()) throw new IcsError(`END:${value} closes ${open ? `BEGIN:${open}` : 'nothing'}`, l.line);
      if (stack.length === 0 && l !== lines[lines.length - 1]) throw new IcsError('content after END:VCALENDAR', l.line + 1);
    } else if (stack.length === 1 && l.name === 'VERSION') {
      checkVersion(value, l);
    } else if (stack.at(-1) === 'VEVENT') {
      if (DATE_PROPS.has(l.name) && !/VALUE=PERIOD/i.test(l.text)) checkDate(value, l);
      else if (l.name === 'X-PORTAVOCE-KIND') checkOneOf(value, KINDS, l);
      else if (l.name === 'X-PORTAVOCE-STATUS') checkOneOf(value, STATUSES, l);
      else if (l.name === 'X-PORTAVOCE-PLATFORMS') checkOneOf(value, PLATFORMS, l, true);
      else if (l.name === 'RRULE' && !/^(?:[A-Z]+=[A-Z0-9,+-]+;?)+$/i.test(value.trim()))
        throw new IcsError(`RRULE "${value}" is not a recurrence rule`, l.line);
    }
  }
  if (stack.length) throw new IcsError(`BEGIN:${stack.at(-1)} is never closed`, lines.at(-1)!.line);
  return lines;
}
