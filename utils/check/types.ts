export const PLATFORMS = ['x', 'linkedin'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const SURFACES = ['post', 'reply', 'quote', 'comment', 'message'] as const;
export type Surface = (typeof SURFACES)[number];
export const LEVELS = ['suggestion', 'warning', 'error'] as const;
export type Level = (typeof LEVELS)[number];
export const LOCALES = ['en', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Draft {
  text: string;
  platform: Platform;
  surface: Surface;
}

/** A calendar entry in force that silences topics (an earnings quiet period, an embargo). */
export interface QuietPeriod {
  id: string;
  title: string;
  /** ISO date or date-time. */
  start: string;
  /** ISO date or date-time; absent means open-ended. */
  end?: string;
  topics: string[];
}

export interface CheckContext {
  /** The member writing; absent means no profile chosen yet (topics are reported, not judged). */
  memberId?: string;
  /** Epoch milliseconds. Absent: every quiet period given is taken as in force (the engine never reads the clock). */
  now?: number;
  /** Quiet periods from the calendar; the engine keeps those in force at `now`. */
  quietPeriods?: QuietPeriod[];
}

export interface Finding {
  ruleId: string;
  kind: string;
  level: Level;
  /** UTF-16 offsets into the original draft text. */
  start: number;
  end: number;
  match: string;
  message: string;
  /** Replacements for text[start, end), best first. */
  suggestions: string[];
}

export interface TopicReport {
  id: string;
  label: string;
  restricted: boolean;
  /** Whether the member covers it; null when no member is chosen. */
  covered: boolean | null;
  /** Where its keywords and hashtags matched. */
  spans: Span[];
}

export interface Span {
  start: number;
  end: number;
}

export interface CheckResult {
  findings: Finding[];
  topics: TopicReport[];
}
