// The calendar's background work: the team feed on an alarm, the snapshot composers read, and "published".
import { browser } from 'wxt/browser';
import { db } from '../../utils/calendar/db';
import { dropOtherFeeds, feedOrigin, refreshFeed, type FeedState } from '../../utils/calendar/feed';
import { occurrencesOfDays } from '../../utils/calendar/query';
import { slotFor, watchSnapshot, computeSnapshot, type Publication } from '../../utils/calendar/snapshot';
import { setStatus } from '../../utils/calendar/store';
import { addDays, dayIn, localZone } from '../../utils/calendar/time';
import { activePolicyItem, calendarFeedStateItem, calendarFeedUrlItem, composerCalendarItem } from '../../utils/storage';

export const FEED_ALARM = 'portavoce:calendar-feed';
export const SNAPSHOT_ALARM = 'portavoce:calendar-snapshot';
export const FEED_REFRESH_MINUTES = 60;
/** The snapshot covers yesterday to the day after tomorrow; refreshing it every half hour keeps "today" right. */
const SNAPSHOT_MINUTES = 30;

/** Listeners and the snapshot publisher; call once, synchronously, when the worker starts. */
export function registerCalendar(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void refreshFeedNow();
    if (alarm.name === SNAPSHOT_ALARM) void publishSnapshot();
  });
  calendarFeedUrlItem.watch(() => void refreshFeedNow());
  activePolicyItem.watch((next, previous) => {
    if (next?.policy.calendarFeed !== previous?.policy.calendarFeed) void refreshFeedNow();
  });
  // While the worker is awake, every change to the calendar (from any view) reaches the composers within a second.
  watchSnapshot(db(), (calendar) => composerCalendarItem.setValue(calendar), SNAPSHOT_MINUTES * 60_000);
  void startCalendar().catch((error) => console.error('Portavoce calendar:', error));
}

async function startCalendar(): Promise<void> {
  if (!(await browser.alarms.get(SNAPSHOT_ALARM))) await browser.alarms.create(SNAPSHOT_ALARM, { periodInMinutes: SNAPSHOT_MINUTES });
  const url = await feedUrl();
  const state = await calendarFeedStateItem.getValue();
  const due = !state?.lastAttempt || state.url !== url || Date.now() - Date.parse(state.lastAttempt) > FEED_REFRESH_MINUTES * 60_000;
  if (url && due) await refreshFeedNow();
  else await scheduleFeed(url);
}

async function publishSnapshot(): Promise<void> {
  await composerCalendarItem.setValue(await computeSnapshot(db()));
}

/** The feed in use: the one set in the options, else the policy's `calendarFeed`. */
export async function feedUrl(): Promise<string | null> {
  return (await calendarFeedUrlItem.getValue()) ?? (await activePolicyItem.getValue())?.policy.calendarFeed ?? null;
}

async function scheduleFeed(url: string | null): Promise<void> {
  const existing = await browser.alarms.get(FEED_ALARM);
  if (!url) {
    if (existing) await browser.alarms.clear(FEED_ALARM);
  } else if (!existing) {
    await browser.alarms.create(FEED_ALARM, { periodInMinutes: FEED_REFRESH_MINUTES, delayInMinutes: FEED_REFRESH_MINUTES });
  }
}

let running: Promise<FeedState | null> | null = null;
let again = false;

/** Refreshes the feed now (the alarm, a changed URL, "Refresh now"); one at a time, the latest request wins. */
export function refreshFeedNow(): Promise<FeedState | null> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let state: FeedState | null;
    do {
      again = false;
      state = await refreshOnce();
    } while (again);
    return state;
  })().finally(() => {
    running = null;
  });
  return running;
}

async function refreshOnce(): Promise<FeedState | null> {
  const url = await feedUrl();
  await scheduleFeed(url);
  if (!url) {
    await dropOtherFeeds(db(), null);
    await calendarFeedStateItem.setValue(null);
    return null;
  }
  const state = await refreshFeed(db(), url, await calendarFeedStateItem.getValue());
  if (!state.lastError) await dropOtherFeeds(db(), url);
  else if (!(await browser.permissions.contains({ origins: [feedOrigin(url)] }).catch(() => true))) {
    state.lastError += ` — Portavoce may not read ${new URL(url).hostname}: allow it in the options.`;
  }
  await calendarFeedStateItem.setValue(state);
  return state;
}

/** Marks the slot a composer's publication fulfils; returns it, or null when none matches. */
export async function markPublished(p: Publication): Promise<{ id: string; title: string } | null> {
  const tz = localZone();
  const day = dayIn(Date.parse(p.at), tz);
  const slot = slotFor(await occurrencesOfDays(db(), day, addDays(day, 1), tz), p, tz);
  if (!slot) return null;
  await setStatus(db(), slot.entry.id, slot.entry.rrule ? slot.seriesDay : null, 'published', { publishedAt: p.at });
  return { id: slot.entry.id, title: slot.entry.title };
}
