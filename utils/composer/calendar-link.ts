import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { Platform, QuietPeriod } from '../check/types';
import { plannedTodayText, type ComposerCalendar } from '../calendar/composer-calendar';
import type { Message } from '../messages';
import { composerCalendarItem } from '../storage';
import type { ComposerSession } from './session';

/**
 * The composer's link to the calendar: the snapshot the extension publishes in storage.local (quiet periods,
 * today's slots; content scripts never open the database), and "published" back to the background when a
 * post goes out. Its listeners are registered after the gate's: an event the gate holds never reaches them.
 */
export function calendarLink(
  ctx: ContentScriptContext,
  platform: Platform,
  sessions: () => Iterable<ComposerSession>,
  memberId: () => string | null,
  changed: () => void,
) {
  let calendar: ComposerCalendar | null = null;
  const set = (value: ComposerCalendar | null) => {
    calendar = value;
    changed();
  };
  void composerCalendarItem.getValue().then(set, () => undefined);
  const unwatch = composerCalendarItem.watch(set);
  ctx.onInvalidated(unwatch);

  function published(group: ComposerSession[]): void {
    const member = memberId();
    if (!member) return;
    const topics = [...new Set(group.flatMap((s) => s.result?.topics.map((t) => t.id) ?? []))];
    const message: Message = { type: 'calendar:published', platform, memberId: member, topics, at: new Date().toISOString() };
    void browser.runtime.sendMessage(message).catch(() => undefined);
  }

  ctx.addEventListener(window, 'click', (event: MouseEvent) => {
    try {
      const path = event.composedPath();
      const all = [...sessions()];
      for (const session of all) {
        const control = session.controls().find((c) => path.includes(c));
        if (!control) continue;
        const group = all.filter((s) => s.controls().includes(control));
        // A real click the gate let through, or the gate's own click after "Publish anyway".
        if (event.isTrusted || group.some((s) => s.allowOnce === control)) published(group);
        return;
      }
    } catch (error) {
      console.warn('Portavoce calendar:', error);
    }
  }, { capture: true });

  ctx.addEventListener(window, 'keydown', (event: KeyboardEvent) => {
    try {
      if (!event.isTrusted) return;
      const path = event.composedPath();
      for (const session of sessions()) {
        if (!path.includes(session.editor)) continue;
        if (session.sendsOn(event)) published([session]);
        return;
      }
    } catch (error) {
      console.warn('Portavoce calendar:', error);
    }
  }, { capture: true });

  return {
    /** For the engine's context: the quiet periods of the snapshot (the engine keeps those in force now). */
    quietPeriods: (): QuietPeriod[] => calendar?.quietPeriods ?? [],
    plannedToday: (): string | null => plannedTodayText(calendar, memberId(), platform, Date.now()),
  };
}
