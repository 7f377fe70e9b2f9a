import ICAL from 'ical.js';
import type { QuietPeriod } from '../check/types';

export class IcsError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'IcsError';
  }
}

/** The quiet periods of an ICS calendar: events marked `X-PORTAVOCE-KIND:quiet-period`, topics in CATEGORIES. */
export function quietPeriodsFromIcs(text: string): QuietPeriod[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    throw new IcsError(`not a valid calendar: ${message}`, line ? Number(line) : undefined);
  }
  const periods: QuietPeriod[] = [];
  for (const vevent of root.getAllSubcomponents('vevent')) {
    if (String(vevent.getFirstPropertyValue('x-portavoce-kind') ?? '').toLowerCase() !== 'quiet-period') continue;
    const event = new ICAL.Event(vevent);
    const topics = vevent
      .getAllProperties('categories')
      .flatMap((property) => property.getValues().map(String))
      .map((topic) => topic.trim())
      .filter(Boolean);
    periods.push({
      id: event.uid || `${event.summary}@${event.startDate?.toString()}`,
      title: event.summary ?? '',
      start: event.startDate.toJSDate().toISOString(),
      ...(event.endDate ? { end: event.endDate.toJSDate().toISOString() } : {}),
      topics,
    });
  }
  return periods;
}
