import { useEffect, useState } from 'preact/hooks';
import type { CalendarEntry, CalendarEntryInput } from '../../utils/calendar/entry';
import { STATUSES, type EntryStatus } from '../../utils/calendar/entry-values';
import type { Occurrence } from '../../utils/calendar/occurrences';
import { byStart, matchesFilters, splitToday, type Filters } from '../../utils/calendar/occurrence-lists';
import { addDays, addMonths, dayIn, monthStart, weekStart } from '../../utils/calendar/time';
import { PLATFORMS, type Platform } from '../../utils/check/types';
import { activePolicyItem, composerCalendarItem, memberItem } from '../../utils/storage';
import type { Policy } from '../../utils/policy/schema';
import type { Translate } from '../../utils/i18n';
import { useTranslator } from '../i18n/useTranslator';
import { EntryRow, type RowActions } from './EntryRow';
import { LazyEntryForm, loadEntryForm } from './LazyEntryForm';
import { loadLiveData, useLive } from './useLive';
import { dayLabel } from './format';
import { TODAY_SPAN_DAYS, type PopupStart } from './popup-start';
import { afterTodayShown, COMING_MARK, ELEMENT_TIMING, TODAY_MARK } from './today-shown';

// Not on the first screen (today): writes, their errors' texts (zod and the store come with them) and ICS
// files load when used, or ahead once the popup is idle; Dexie and the queries once today is painted.
const store = () => import('../../utils/calendar/store');
const db = () => loadLiveData().then((data) => data.db());
const problem = () => import('./storage-problem');
const transfer = () => import('./transfer');
const whenIdle = (work: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200));

type View = 'today' | 'agenda' | 'week' | 'month';
const AGENDA_DAYS = 30;

/** The range of days a view shows around `anchor`. */
function rangeOf(view: View, anchor: string): [string, string] {
  if (view === 'today') return [anchor, addDays(anchor, TODAY_SPAN_DAYS)];
  if (view === 'agenda') return [anchor, addDays(anchor, AGENDA_DAYS)];
  if (view === 'week') return [weekStart(anchor), addDays(weekStart(anchor), 7)];
  const first = weekStart(monthStart(anchor));
  return [first, addDays(first, 42)];
}

/** Occurrences of two overlapping queries (a period spanning today and the coming days is in both), once each, by start. */
function withoutRepeats(list: Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return list.filter((o) => !seen.has(o.key) && (seen.add(o.key), true)).sort(byStart);
}

function labelOf(label: Policy['topics'][number]['label'], locale: string): string {
  return typeof label === 'string' ? label : (label as Record<string, string>)[locale] ?? label.en ?? Object.values(label)[0] ?? '';
}

/** The lazily loaded text of a storage error (./storage-problem.ts). */
function StorageError({ error, t }: { error: unknown; t: Translate }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => void problem().then((p) => setText(p.storeErrorText(error, t)), () => setText(String(error))), [error, t]);
  return text === null ? null : <p class="notice error" role="alert" data-storage-error="">{text}</p>;
}

/** The popup: the editorial calendar, opening on today (`start`: what its first screen needs, read before it). */
export function CalendarPopup({ start }: { start: PopupStart }) {
  const { t, locale } = useTranslator(start.translator);
  const tz = start.tz;
  const today = dayIn(Date.now(), tz);
  const [view, setView] = useState<View>('today');
  const [anchor, setAnchor] = useState(start.today);
  const [filters, setFilters] = useState<Filters>({});
  const [policy, setPolicy] = useState<Policy | null>(start.policy);
  const [me, setMe] = useState<string | null>(start.me);
  const [editing, setEditing] = useState<{ entry: CalendarEntry | null } | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    const unwatch = [activePolicyItem.watch((a) => setPolicy(a?.policy ?? null)), memberItem.watch(setMe)];
    // Once today is on screen and the popup idle (loading them took the processor from today's first frame):
    // composers learn of changes made here even while the background sleeps, and the form and the store are
    // loaded before they are asked for.
    let stop = () => {};
    let closed = false;
    void afterTodayShown().then(() => whenIdle(() => {
      if (closed) return;
      void loadLiveData().then((data) => {
        if (!closed) stop = data.watchSnapshot(data.db(), (calendar) => composerCalendarItem.setValue(calendar));
      }, () => {});
      void loadEntryForm().catch(() => {});
      void store().catch(() => {});
    }));
    return () => ((closed = true), unwatch.forEach((u) => u()), stop());
  }, []);

  const [from, to] = rangeOf(view, anchor);
  // The today view asks for today first (the seed, painted at once), then for the coming days once today
  // is on screen: most of the view's rows, and of the work of expanding recurrences, are theirs.
  const todayView = view === 'today';
  const head = useLive((d) => d.occurrencesOfDays(d.db(), from, todayView ? addDays(from, 1) : to, tz), [from, to, tz, todayView], start.seed);
  // The first paint holds today alone; the coming days (most of the view's rows) follow once it is on screen.
  const tail = useLive(
    (d) => (todayView ? d.occurrencesOfDays(d.db(), addDays(from, 1), to, tz) : Promise.resolve(null)),
    [from, to, tz, todayView],
    start.coming,
  );
  const live = { value: head.value && tail.value ? withoutRepeats([...head.value, ...tail.value]) : head.value, error: head.error ?? tail.error };
  const comingLoaded = !todayView || tail.value != null;
  const search = filters.search?.trim() ?? '';
  const found = useLive((d) => (search ? d.searchEntries(d.db(), search) : Promise.resolve(null)), [search]);
  const shown = (live.value ?? []).filter((o) => matchesFilters(o, { ...filters, search: undefined }, me));

  useEffect(() => {
    // The popup benchmark's mark where Element Timing is missing (see ./today-shown.ts): after today's first paint.
    if (!ELEMENT_TIMING && live.value && view === 'today' && !document.documentElement.dataset.todayShown) {
      document.documentElement.dataset.todayShown = String(performance.now());
    }
  }, [live.value, view]);

  const members = (policy?.members ?? []).map((m) => ({ id: m.id, label: m.name }));
  const topics = (policy?.topics ?? []).map((x) => ({ id: x.id, label: labelOf(x.label, locale) }));
  const memberName = (id: string | undefined) => (id ? members.find((m) => m.id === id)?.label ?? id : t('popup.team'));
  const topicLabel = (id: string) => topics.find((x) => x.id === id)?.label ?? id;

  const report = (error: unknown) =>
    void problem().then((p) => p.storeErrorText(error, t), () => String(error)).then((text) => setNotice({ text, error: true }));
  const actions: RowActions = {
    edit: (o) => setEditing({ entry: o.entry }),
    duplicate: (o) => void Promise.all([store(), db()]).then(([s, database]) => s.duplicateEntry(database, o.entry.id)).then((copy) => (setNotice({ text: t('popup.duplicated') }), setEditing({ entry: copy })), report),
    remove: (o) => {
      if (!confirm(t('popup.confirmDelete', [o.entry.title]))) return;
      void Promise.all([store(), db()]).then(([s, database]) => s.deleteEntry(database, o.entry.id)).then(() => setNotice({ text: t('popup.deleted') }), report);
    },
    mark: (o, status: EntryStatus) => void Promise.all([store(), db()]).then(([s, database]) => s.setStatus(database, o.entry.id, o.entry.rrule ? o.seriesDay : null, status)).catch(report),
  };
  const save = async (input: CalendarEntryInput): Promise<string | null> => {
    const s = await store();
    try {
      await s.saveEntry(await db(), input);
      setEditing(null);
      setNotice({ text: t('popup.saved') });
      return null;
    } catch (error) {
      return error instanceof s.StoreError && error.reason === 'invalid' ? error.message : (await problem()).storeErrorText(error, t);
    }
  };

  const row = (o: Occurrence, compact = false, mark?: string) => (
    <EntryRow key={o.key} o={o} t={t} locale={locale} tz={tz} memberName={memberName} topicLabel={topicLabel} actions={actions} compact={compact} mark={mark} />
  );
  // Today's sections carry the Element Timing mark (./today-shown.ts): the benchmark's "today is on screen".
  const section = (title: string, list: Occurrence[], name: string) => (
    <section class="section" data-section={name}>
      <h2>{title}</h2>
      {list.length === 0 ? <p class="empty" {...{ elementtiming: TODAY_MARK }}>{t('popup.nothing')}</p> : <ul class="entries">{list.map((o, i) => row(o, false, i === 0 ? TODAY_MARK : undefined))}</ul>}
    </section>
  );
  const byDay = (list: Occurrence[]) => {
    const days = new Map<string, Occurrence[]>();
    for (const o of list) days.set(o.day < from ? from : o.day, [...(days.get(o.day < from ? from : o.day) ?? []), o]);
    return days;
  };

  let body;
  if (editing) {
    body = (
      <LazyEntryForm t={t} initial={editing.entry} day={anchor} members={members} topics={topics} me={me} onSave={save} onCancel={() => setEditing(null)} />
    );
  } else if (search) {
    const list = found.value ?? [];
    body = (
      <section class="section" data-section="search">
        <h2>{t('popup.results')}</h2>
        {list.length === 0 ? <p class="empty">{t('popup.nothing')}</p> : (
          <ul class="entries">
            {list.map((e) => (
              <li key={e.id} class="entry" data-result={e.id}>
                <span class="entry-time">{e.start.slice(0, 10)}</span>
                <button type="button" class="entry-title link" data-action="edit" onClick={() => setEditing({ entry: e })}>{e.title}</button>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  } else if (view === 'today') {
    const split = splitToday(shown, Date.now(), anchor, me);
    const coming = byDay(split.coming);
    body = (
      <>
        {me && section(t('popup.yourSlots'), split.mine, 'mine')}
        {section(me ? t('popup.teamSlots') : t('popup.todaySlots'), split.team, 'team')}
        {split.quiet.length > 0 && section(t('popup.quietNow'), split.quiet, 'quiet')}
        <section class="section" data-section="coming">
          <h2>{t('popup.coming')}</h2>
          {!comingLoaded ? null : coming.size === 0 ? <p class="empty" {...{ elementtiming: COMING_MARK }}>{t('popup.nothing')}</p> : [...coming].map(([day, list], d) => (
            <div key={day} class="day">
              <h3>{dayLabel(day, locale)}</h3>
              <ul class="entries">{list.map((o, i) => row(o, false, d === 0 && i === 0 ? COMING_MARK : undefined))}</ul>
            </div>
          ))}
        </section>
      </>
    );
  } else if (view === 'agenda') {
    const days = byDay(shown);
    body = days.size === 0 ? <p class="empty">{t('popup.nothing')}</p> : (
      <>{[...days].map(([day, list]) => (
        <section key={day} class="day" data-day={day}>
          <h3>{dayLabel(day, locale)}</h3>
          <ul class="entries">{list.map((o) => row(o))}</ul>
        </section>
      ))}</>
    );
  } else {
    const days = byDay(shown);
    const count = view === 'week' ? 7 : 42;
    body = (
      <div class={`grid grid-${view}`} role="grid" aria-label={t(`popup.${view}`)}>
        {Array.from({ length: count }, (_, i) => {
          const day = addDays(from, i);
          const list = days.get(day) ?? [];
          const outside = view === 'month' && day.slice(0, 7) !== anchor.slice(0, 7);
          return (
            <div key={day} role="gridcell" class={`cell${day === today ? ' is-today' : ''}${outside ? ' outside' : ''}`} data-day={day}>
              <div class="cell-day">{dayLabel(day, locale, view === 'week' ? { weekday: 'short', day: 'numeric' } : { day: 'numeric' })}</div>
              <ul class="entries">{list.map((o) => row(o, true))}</ul>
            </div>
          );
        })}
      </div>
    );
  }

  const step = (n: number) =>
    setAnchor((a) => (view === 'month' ? addMonths(a, n) : view === 'week' ? addDays(a, 7 * n) : addDays(a, view === 'agenda' ? AGENDA_DAYS * n : n)));
  const setFilter = (key: keyof Filters) => (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    const value = target.type === 'checkbox' ? target.checked : target.value || undefined;
    setFilters((old) => ({ ...old, [key]: value }));
  };

  return (
    <main class="popup" data-view-current={view}>
      <header>
        <h1>{t('popup.title')}</h1>
        <nav class="views" aria-label={t('popup.views')}>
          {(['today', 'agenda', 'week', 'month'] as const).map((v) => (
            <button key={v} type="button" data-view={v} aria-pressed={view === v} onClick={() => (setView(v), v === 'today' && setAnchor(today))}>
              {t(`popup.${v}`)}
            </button>
          ))}
        </nav>
      </header>
      <div class="toolbar">
        <button type="button" data-action="previous" aria-label={t('popup.previous')} onClick={() => step(-1)}>‹</button>
        <span class="range" aria-live="polite">{view === 'month' ? dayLabel(anchor, locale, { month: 'long', year: 'numeric' }) : dayLabel(anchor, locale)}</span>
        <button type="button" data-action="next" aria-label={t('popup.next')} onClick={() => step(1)}>›</button>
        <button type="button" class="primary" data-action="new-entry" onClick={() => setEditing({ entry: null })}>{t('popup.new')}</button>
      </div>
      <div class="filters">
        <input type="search" data-filter="search" placeholder={t('popup.search')} aria-label={t('popup.search')} value={filters.search ?? ''} onInput={setFilter('search')} />
        <label class="check"><input type="checkbox" data-filter="mine" checked={!!filters.mine} disabled={!me} onChange={setFilter('mine')} />{t('popup.mine')}</label>
        <select data-filter="member" aria-label={t('calendar.field.member')} value={filters.member ?? ''} onChange={setFilter('member')}>
          <option value="">{t('popup.allMembers')}</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </select>
        <select data-filter="topic" aria-label={t('calendar.field.topics')} value={filters.topic ?? ''} onChange={setFilter('topic')}>
          <option value="">{t('popup.allTopics')}</option>
          {topics.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
        </select>
        <select data-filter="platform" aria-label={t('calendar.field.platforms')} value={filters.platform ?? ''} onChange={setFilter('platform')}>
          <option value="">{t('popup.allPlatforms')}</option>
          {PLATFORMS.map((p: Platform) => <option key={p} value={p}>{t(`calendar.platform.${p}`)}</option>)}
        </select>
        <select data-filter="status" aria-label={t('calendar.field.status')} value={filters.status ?? ''} onChange={setFilter('status')}>
          <option value="">{t('popup.allStatuses')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`calendar.status.${s}`)}</option>)}
        </select>
      </div>
      {notice && (
        <p class={`notice${notice.error ? ' error' : ''}`} role={notice.error ? 'alert' : 'status'} data-notice="">
          {notice.text} <button type="button" class="link" aria-label={t('popup.dismiss')} onClick={() => setNotice(null)}>×</button>
        </p>
      )}
      {live.error ? <StorageError error={live.error} t={t} /> : null}
      <div class="body">{body}</div>
      <footer>
        <label class="file">
          {t('popup.import')}
          <input
            type="file"
            accept=".ics,text/calendar"
            data-import="ics"
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void transfer().then((x) => x.importIcsFile(file, tz, async (entries) => (await store()).putMany(await db(), entries))).then((r) => setNotice(r.ok ? { text: t('popup.imported', [String(r.added), String(r.updated)]) } : { text: r.line ? t('popup.importFailedAt', [String(r.line), r.message]) : t('popup.importFailed', [r.message]), error: true }), report);
            }}
          />
        </label>
        <button type="button" data-action="export-ics" onClick={() => void transfer().then(async (x) => x.downloadText(await x.exportIcsText(await db()), 'portavoce-calendar.ics', 'text/calendar')).catch(report)}>
          {t('popup.export')}
        </button>
        <a href="/options.html#calendar" target="_blank" data-action="open-settings">{t('popup.settings')}</a>
      </footer>
    </main>
  );
}
