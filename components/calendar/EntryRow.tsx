import type { Occurrence } from '../../utils/calendar/occurrences';
import type { Translate } from '../../utils/i18n';
import { dayLabel, lastDay, timeLabel } from './format';
import { RowMenu, type MenuItem } from './RowMenu';

export interface RowActions {
  edit(o: Occurrence): void;
  duplicate(o: Occurrence): void;
  remove(o: Occurrence): void;
  mark(o: Occurrence, status: 'published' | 'skipped' | 'planned'): void;
}

interface Props {
  o: Occurrence;
  t: Translate;
  locale: string;
  tz: string;
  memberName(id: string | undefined): string;
  topicLabel(id: string): string;
  actions: RowActions;
  compact?: boolean;
  /** Element Timing identifier for the row's first text (the popup benchmark's "today is painted"). */
  mark?: string;
}

/** What can be done with an occurrence: built when its menu opens. */
function menuItems(o: Occurrence, t: Translate, actions: RowActions): MenuItem[] {
  const done = o.status === 'published' || o.status === 'skipped';
  return [
    ...(o.entry.kind === 'slot' && !done
      ? [
          { action: 'mark-published', label: t('popup.markPublished'), run: () => actions.mark(o, 'published') },
          { action: 'mark-skipped', label: t('popup.markSkipped'), run: () => actions.mark(o, 'skipped') },
        ]
      : []),
    ...(done ? [{ action: 'mark-planned', label: t('popup.reopen'), run: () => actions.mark(o, 'planned') }] : []),
    { action: 'edit', label: t('popup.edit'), run: () => actions.edit(o) },
    { action: 'duplicate', label: t('popup.duplicate'), run: () => actions.duplicate(o) },
    { action: 'delete', label: t('popup.delete'), run: () => actions.remove(o) },
  ];
}

/** One occurrence: the popup's `[data-entry]` testing hook (DESIGN.md) and its actions. */
export function EntryRow({ o, t, locale, tz, memberName, topicLabel, actions, compact, mark }: Props) {
  const e = o.entry;
  const until = o.end - o.start > 86_400_000 + 3_600_000 || (!o.allDay && lastDay(o, tz) !== o.day) ? lastDay(o, tz) : null;
  return (
    <li
      class={`entry kind-${e.kind} status-${o.status}`}
      data-entry=""
      data-id={e.id}
      data-date={o.day}
      data-kind={e.kind}
      data-topic={e.topics.join(' ')}
      data-member={e.memberId ?? ''}
      data-status={o.status}
    >
      <div class="entry-main">
        <span class="entry-time" {...(mark ? { elementtiming: mark } : {})}>{timeLabel(o, locale, tz, t('popup.allDay'))}</span>
        {compact ? (
          <button type="button" class="entry-title link" data-action="edit" onClick={() => actions.edit(o)}>{e.title}</button>
        ) : (
          <span class="entry-title">{e.title}</span>
        )}
        {!compact && (
          <span class="entry-meta">
            {e.kind !== 'slot' && <span class="tag">{t(`calendar.kind.${e.kind === 'quiet-period' ? 'quietPeriod' : e.kind}`)}</span>}
            <span>{memberName(e.memberId)}</span>
            {e.platforms.map((p) => <span key={p} class="tag">{t(`calendar.platform.${p}`)}</span>)}
            {e.topics.map((id) => <span key={id} class="tag topic">{topicLabel(id)}</span>)}
            {until && <span>{t('popup.until', [dayLabel(until, locale, { day: 'numeric', month: 'short' })])}</span>}
            <span class={`status s-${o.status}`}>{t(`calendar.status.${o.status}`)}</span>
            {o.link && <a href={o.link} target="_blank" rel="noreferrer noopener">{t('calendar.field.link')}</a>}
          </span>
        )}
      </div>
      {!compact && <RowMenu label={t('popup.actions', [e.title])} items={() => menuItems(o, t, actions)} />}
    </li>
  );
}
