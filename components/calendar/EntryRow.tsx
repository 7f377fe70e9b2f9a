import type { Occurrence } from '../../utils/calendar/occurrences';
import type { Translate } from '../../utils/i18n';
import { dayLabel, lastDay, timeLabel } from './format';

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

/** One occurrence: the popup's `[data-entry]` testing hook (DESIGN.md) and its actions. */
export function EntryRow({ o, t, locale, tz, memberName, topicLabel, actions, compact, mark }: Props) {
  const e = o.entry;
  const until = o.end - o.start > 86_400_000 + 3_600_000 || (!o.allDay && lastDay(o, tz) !== o.day) ? lastDay(o, tz) : null;
  const done = o.status === 'published' || o.status === 'skipped';
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
      {!compact && (
        <div class="entry-actions">
          {e.kind === 'slot' && !done && (
            <>
              <button type="button" data-action="mark-published" onClick={() => actions.mark(o, 'published')}>{t('popup.markPublished')}</button>
              <button type="button" data-action="mark-skipped" onClick={() => actions.mark(o, 'skipped')}>{t('popup.markSkipped')}</button>
            </>
          )}
          {done && <button type="button" data-action="mark-planned" onClick={() => actions.mark(o, 'planned')}>{t('popup.reopen')}</button>}
          <button type="button" data-action="edit" aria-label={`${t('popup.edit')}: ${e.title}`} onClick={() => actions.edit(o)}>{t('popup.edit')}</button>
          <button type="button" data-action="duplicate" aria-label={`${t('popup.duplicate')}: ${e.title}`} onClick={() => actions.duplicate(o)}>{t('popup.duplicate')}</button>
          <button type="button" data-action="delete" aria-label={`${t('popup.delete')}: ${e.title}`} onClick={() => actions.remove(o)}>{t('popup.delete')}</button>
        </div>
      )}
    </li>
  );
}
