import { useEffect, useRef, useState } from 'preact/hooks';
import { calendarEntrySchema, KINDS, newEntryId, STATUSES, type CalendarEntry, type CalendarEntryInput } from '../../utils/calendar/entry';
import { PLATFORMS } from '../../utils/check/types';
import type { Translate } from '../../utils/i18n';
import { addDays, isDate, localZone } from '../../utils/calendar/time';

export interface Choice {
  id: string;
  label: string;
}

interface Props {
  t: Translate;
  /** The entry to edit, or a new one's defaults. */
  initial: CalendarEntry | null;
  day: string;
  members: Choice[];
  topics: Choice[];
  me: string | null;
  onSave(entry: CalendarEntryInput): Promise<string | null>;
  onCancel(): void;
}

const RECURRENCES = ['', 'FREQ=DAILY', 'FREQ=WEEKLY', 'FREQ=MONTHLY', 'FREQ=YEARLY'] as const;
type Fields = Record<string, string>;

/** The form's flat fields from an entry. */
function fieldsOf(e: CalendarEntry | null, day: string, me: string | null): Fields & { topics: string; platforms: string } {
  const allDay = e ? isDate(e.start) : false;
  return {
    title: e?.title ?? '',
    kind: e?.kind ?? 'slot',
    allDay: allDay ? '1' : '',
    startDate: e?.start.slice(0, 10) ?? day,
    startTime: e && !allDay ? e.start.slice(11, 16) : '09:00',
    endDate: e?.end ? (allDay ? addDays(e.end, -1) : e.end.slice(0, 10)) : '',
    endTime: e?.end && !allDay ? e.end.slice(11, 16) : '',
    tz: e?.tz ?? localZone(),
    memberId: e ? e.memberId ?? '' : me ?? '',
    topics: (e?.topics ?? []).join(' '),
    platforms: (e?.platforms ?? []).join(' '),
    status: e?.status ?? 'planned',
    rrule: e?.rrule ?? '',
    notes: e?.notes ?? '',
    link: e?.link ?? '',
  };
}

/** The entry the fields describe (validated by the caller with the zod schema). */
function entryOf(f: Fields, initial: CalendarEntry | null): CalendarEntryInput {
  const allDay = f.allDay === '1';
  const start = allDay ? f.startDate! : `${f.startDate}T${f.startTime}`;
  let end: string | undefined;
  if (allDay && f.endDate) end = addDays(f.endDate, 1); // the form shows the last day; ICS keeps the day after
  else if (!allDay && (f.endDate || f.endTime)) end = `${f.endDate || f.startDate}T${f.endTime || f.startTime}`;
  const { from: _f, to: _t, wide: _w, ...base } = (initial ?? {}) as CalendarEntry & Record<string, unknown>;
  return {
    ...(base as Partial<CalendarEntry>),
    id: initial?.id ?? newEntryId(),
    title: f.title!,
    kind: f.kind as CalendarEntry['kind'],
    start,
    ...(end ? { end } : { end: undefined }),
    tz: allDay ? undefined : f.tz,
    memberId: f.memberId || undefined,
    topics: f.topics!.split(/\s+/).filter(Boolean),
    platforms: f.platforms!.split(/\s+/).filter(Boolean) as CalendarEntry['platforms'],
    status: f.status as CalendarEntry['status'],
    rrule: f.rrule?.trim() || undefined,
    notes: f.notes || undefined,
    link: f.link?.trim() || undefined,
  };
}

/** Which form field shows a schema issue at `path`. */
function fieldOfIssue(path: PropertyKey[]): string {
  const key = String(path[0] ?? 'title');
  return key === 'start' ? 'startDate' : key === 'end' ? 'endDate' : key;
}

/** Create or edit an entry: every field validated by the entry's zod schema, one clear message per field. */
export function EntryForm({ t, initial, day, members, topics, me, onSave, onCancel }: Props) {
  const [f, setF] = useState(() => fieldsOf(initial, day, me));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, select')?.focus(), []);
  const set = (name: string) => (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    setF((old) => ({ ...old, [name]: target.type === 'checkbox' ? (target.checked ? '1' : '') : target.value }));
  };
  const toggle = (name: 'topics' | 'platforms', id: string) => (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    setF((old) => {
      const list = old[name].split(/\s+/).filter(Boolean).filter((x) => x !== id);
      return { ...old, [name]: (on ? [...list, id] : list).join(' ') };
    });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const input = entryOf(f, initial);
    const parsed = calendarEntrySchema.safeParse(input);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[fieldOfIssue(issue.path)] ??= issue.message;
      setErrors(next);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
    setFailure(await onSave(input));
  };
  const error = (name: string) =>
    errors[name] ? <span class="field-error" id={`err-${name}`} data-error={name} role="alert">{errors[name]}</span> : null;
  const aria = (name: string) => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `err-${name}` } : {});
  const allDay = f.allDay === '1';
  const knownTopics = [...topics, ...f.topics.split(/\s+/).filter((id) => id && !topics.some((x) => x.id === id)).map((id) => ({ id, label: id }))];
  const recurrence = (RECURRENCES as readonly string[]).includes(f.rrule!) ? f.rrule : 'custom';
  return (
    <form ref={formRef} class="entry-form" data-entry-form="" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} noValidate>
      <h2>{initial ? t('calendar.form.editTitle') : t('calendar.form.newTitle')}</h2>
      <label>
        {t('calendar.field.title')}
        <input name="title" value={f.title} onInput={set('title')} {...aria('title')} />
        {error('title')}
      </label>
      <div class="row">
        <label>
          {t('calendar.field.kind')}
          <select name="kind" value={f.kind} onChange={set('kind')}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`calendar.kind.${k === 'quiet-period' ? 'quietPeriod' : k}`)}</option>)}
          </select>
        </label>
        <label>
          {t('calendar.field.status')}
          <select name="status" value={f.status} onChange={set('status')}>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`calendar.status.${s}`)}</option>)}
          </select>
        </label>
      </div>
      <label class="check">
        <input type="checkbox" name="allDay" checked={allDay} onChange={set('allDay')} />
        {t('calendar.field.allDay')}
      </label>
      <div class="row">
        <label>
          {t('calendar.field.start')}
          <input type="date" name="startDate" value={f.startDate} onInput={set('startDate')} {...aria('startDate')} />
        </label>
        {!allDay && (
          <label>
            {t('calendar.field.time')}
            <input type="time" name="startTime" value={f.startTime} onInput={set('startTime')} />
          </label>
        )}
      </div>
      {error('startDate')}
      <div class="row">
        <label>
          {allDay ? t('calendar.field.lastDay') : t('calendar.field.end')}
          <input type="date" name="endDate" value={f.endDate} onInput={set('endDate')} {...aria('endDate')} />
        </label>
        {!allDay && (
          <label>
            {t('calendar.field.time')}
            <input type="time" name="endTime" value={f.endTime} onInput={set('endTime')} />
          </label>
        )}
      </div>
      {error('endDate')}
      {!allDay && (
        <label>
          {t('calendar.field.timeZone')}
          <input name="tz" list="pv-zones" value={f.tz} onInput={set('tz')} {...aria('tz')} />
          <datalist id="pv-zones">{zones().map((z) => <option key={z} value={z} />)}</datalist>
          {error('tz')}
        </label>
      )}
      <label>
        {t('calendar.field.recurrence')}
        <select name="recurrence" value={recurrence} onChange={(e) => { const v = (e.currentTarget as HTMLSelectElement).value; setF((o) => ({ ...o, rrule: v === 'custom' ? o.rrule || 'FREQ=WEEKLY;BYDAY=MO' : v })); }}>
          <option value="">{t('calendar.recurrence.none')}</option>
          <option value="FREQ=DAILY">{t('calendar.recurrence.daily')}</option>
          <option value="FREQ=WEEKLY">{t('calendar.recurrence.weekly')}</option>
          <option value="FREQ=MONTHLY">{t('calendar.recurrence.monthly')}</option>
          <option value="FREQ=YEARLY">{t('calendar.recurrence.yearly')}</option>
          <option value="custom">{t('calendar.recurrence.custom')}</option>
        </select>
      </label>
      {recurrence === 'custom' && (
        <label>
          RRULE
          <input name="rrule" value={f.rrule} onInput={set('rrule')} {...aria('rrule')} />
          {error('rrule')}
        </label>
      )}
      <label>
        {t('calendar.field.member')}
        <select name="memberId" value={f.memberId} onChange={set('memberId')}>
          <option value="">{t('popup.team')}</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
          {f.memberId && !members.some((m) => m.id === f.memberId) && <option value={f.memberId}>{f.memberId}</option>}
        </select>
      </label>
      <fieldset>
        <legend>{t('calendar.field.platforms')}</legend>
        {PLATFORMS.map((p) => (
          <label key={p} class="check">
            <input type="checkbox" name={`platform-${p}`} checked={f.platforms.split(' ').includes(p)} onChange={toggle('platforms', p)} />
            {t(`calendar.platform.${p}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('calendar.field.topics')}</legend>
        {knownTopics.map((topic) => (
          <label key={topic.id} class="check">
            <input type="checkbox" name={`topic-${topic.id}`} checked={f.topics.split(' ').includes(topic.id)} onChange={toggle('topics', topic.id)} />
            {topic.label}
          </label>
        ))}
        {error('topics')}
      </fieldset>
      <label>
        {t('calendar.field.link')}
        <input type="url" name="link" value={f.link} onInput={set('link')} {...aria('link')} />
        {error('link')}
      </label>
      <label>
        {t('calendar.field.notes')}
        <textarea name="notes" rows={3} value={f.notes} onInput={set('notes')} {...aria('notes')} />
        {error('notes')}
      </label>
      {failure && <p class="field-error" role="alert" data-form-error="">{failure}</p>}
      <div class="row buttons">
        <button type="submit" class="primary" data-action="save">{t('calendar.form.save')}</button>
        <button type="button" data-action="cancel" onClick={onCancel}>{t('calendar.form.cancel')}</button>
      </div>
    </form>
  );
}

let zoneList: string[] | null = null;
function zones(): string[] {
  return (zoneList ??= (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC']);
}
