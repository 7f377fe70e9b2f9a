import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '../../utils/calendar/db';
import { feedOrigin, feedUrlProblem, type FeedState } from '../../utils/calendar/feed';
import { BackupError, exportBackup, importBackup } from '../../utils/calendar/backup';
import { putMany } from '../../utils/calendar/store';
import { BACKUP_IMPORT_MAX_BYTES, ImportFileError, readImportFile } from '../../utils/calendar/import-file';
import { localZone } from '../../utils/calendar/time';
import { watchSnapshot } from '../../utils/calendar/snapshot';
import type { Message } from '../../utils/messages';
import { activePolicyItem, calendarFeedStateItem, calendarFeedUrlItem, composerCalendarItem } from '../../utils/storage';
import { useTranslator } from '../i18n/useTranslator';
import { dateTimeLabel } from './format';
import { downloadText, exportIcsText, importIcsFile } from './transfer';
import { storeErrorText } from './storage-problem';

function useItem<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}

/** The calendar's section of the options page: team feed URL and its state, ICS and backup import/export. */
export function CalendarSettings() {
  const { t, locale } = useTranslator();
  const url = useItem(calendarFeedUrlItem);
  const state = useItem<FeedState | null>(calendarFeedStateItem);
  const policyFeed = useItem(activePolicyItem)?.policy.calendarFeed ?? null;
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  const [canRead, setCanRead] = useState(true);
  const inUse = url ?? policyFeed;
  useEffect(() => setDraft(url ?? ''), [url]);
  useEffect(() => watchSnapshot(db(), (c) => composerCalendarItem.setValue(c)), []);
  useEffect(() => {
    if (!inUse) return;
    void browser.permissions.contains({ origins: [feedOrigin(inUse)] }).then(setCanRead, () => setCanRead(true));
  }, [inUse]);

  const fail = (error: unknown) => setNote({ text: storeErrorText(error, t), error: true });
  // No storage in this window (a private window): said at once, not at the first import.
  useEffect(() => void db().open().catch((error) => fail(error)), []);

  /** Asked for inside the click: browsers grant optional permissions only during a user gesture. */
  const askAccess = (feed: string) =>
    browser.permissions.request({ origins: [feedOrigin(feed)] }).then((granted) => {
      setCanRead(granted);
      if (!granted) setNote({ text: t('calendar.settings.permissionDenied'), error: true });
      else void browser.runtime.sendMessage({ type: 'calendar:refresh-feed' } satisfies Message);
    }, () => undefined);

  const save = (event: Event) => {
    event.preventDefault();
    const value = draft.trim().replace(/^webcal:/i, 'https:');
    const problem = feedUrlProblem(value);
    if (problem) return setNote({ text: t('calendar.settings.badUrl', [problem]), error: true });
    void askAccess(value);
    setNote(null);
    void calendarFeedUrlItem.setValue(value); // the background watches it and fetches at once
  };

  return (
    <div class="calendar-settings" data-calendar-settings="">
      <h3>{t('calendar.settings.feedTitle')}</h3>
      <p class="hint">{t('calendar.settings.feedIntro')}</p>
      <form class="row" onSubmit={save}>
        <label for="calendar-feed-url">{t('calendar.settings.feedUrl')}</label>
        <input id="calendar-feed-url" type="url" inputMode="url" placeholder="https://plan.example.com/team.ics" value={draft}
          data-calendar-feed-url="" onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="btn btn-main" data-action="save-feed">{t('calendar.settings.feedSave')}</button>
        {url && <button type="button" class="btn" data-action="remove-feed" onClick={() => void calendarFeedUrlItem.setValue(null)}>{t('calendar.settings.feedRemove')}</button>}
      </form>
      {!url && policyFeed && <p class="hint" data-feed-from-policy="">{t('calendar.settings.feedFromPolicy', [policyFeed])}</p>}
      {!inUse && <p class="hint">{t('calendar.settings.feedNone')}</p>}
      {inUse && !canRead && (
        <button type="button" class="btn" data-action="allow-feed" onClick={() => void askAccess(inUse)}>
          {t('calendar.settings.allowAccess', [new URL(inUse).hostname])}
        </button>
      )}
      {inUse && (
        <dl class="facts" data-feed-state="">
          <dt>{t('calendar.settings.lastRefreshed', [state?.url === inUse && state.lastRefreshed ? dateTimeLabel(state.lastRefreshed, locale) : t('calendar.settings.never')])}</dt>
          {state?.url === inUse && state.count !== undefined && <dd>{t('calendar.settings.entries', [String(state.count)])}</dd>}
          {state?.url === inUse && state.lastError && <dd class="error" data-feed-error>{t('calendar.settings.lastError', [state.lastError])}</dd>}
          <dd>
            <button type="button" class="btn" data-action="refresh-feed" onClick={() => void browser.runtime.sendMessage({ type: 'calendar:refresh-feed' } satisfies Message)}>
              {t('calendar.settings.feedRefresh')}
            </button>
          </dd>
        </dl>
      )}

      <h3>{t('calendar.settings.icsTitle')}</h3>
      <p class="hint">{t('calendar.settings.icsIntro')}</p>
      <div class="row">
        <label class="btn file">
          {t('popup.import')}
          <input type="file" accept=".ics,text/calendar" data-settings-import="ics" onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void importIcsFile(file, localZone(), (entries) => putMany(db(), entries)).then((r) =>
              setNote(r.ok ? { text: t('popup.imported', [String(r.added), String(r.updated)]) }
                : { text: r.line ? t('popup.importFailedAt', [String(r.line), r.message]) : t('popup.importFailed', [r.message]), error: true }), fail);
          }} />
        </label>
        <button type="button" class="btn" data-action="settings-export-ics" onClick={() => void exportIcsText(db()).then((text) => downloadText(text, 'portavoce-calendar.ics', 'text/calendar'), fail)}>
          {t('popup.export')}
        </button>
      </div>

      <h3>{t('calendar.settings.backupTitle')}</h3>
      <p class="hint">{t('calendar.settings.backupIntro')}</p>
      <div class="row">
        <button type="button" class="btn" data-action="export-backup" onClick={() => void exportBackup(db()).then((text) => downloadText(text, `portavoce-calendar-${new Date().toISOString().slice(0, 10)}.json`, 'application/json'), fail)}>
          {t('calendar.settings.backupExport')}
        </button>
        <label class="btn file">
          {t('calendar.settings.backupImport')}
          <input type="file" accept=".json,application/json" data-import="backup" onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) void readImportFile(file, BACKUP_IMPORT_MAX_BYTES, 'backup').then((text) => importBackup(db(), text)).then(
              (n) => setNote({ text: t('calendar.settings.backupImported', [String(n)]) }),
              (error) => (error instanceof BackupError || error instanceof ImportFileError ? setNote({ text: t('calendar.settings.backupRefused', [error.message]), error: true }) : fail(error)),
            );
          }} />
        </label>
      </div>
      {note && <p class={note.error ? 'error' : 'ok'} role={note.error ? 'alert' : 'status'} data-calendar-note="">{note.text}</p>}
    </div>
  );
}
