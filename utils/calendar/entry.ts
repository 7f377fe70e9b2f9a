/** One entry of the editorial plan (issue 4 owns this shape; the zod schema lives beside it). */
export interface CalendarEntry {
  /** Stable: the ICS UID where one exists. */
  id: string;
  title: string;
  /** ISO 8601; all-day entries are dates (YYYY-MM-DD). */
  start: string;
  end?: string;
  kind: 'slot' | 'quiet-period' | 'event';
  topics: string[];
  memberId?: string;
  platforms: Array<'x' | 'linkedin'>;
  status: 'idea' | 'planned' | 'drafted' | 'published' | 'skipped';
  notes?: string;
  source: string;
}
