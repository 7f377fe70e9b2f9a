import type { ListChange, PolicyDiff } from '../../utils/policy/diff';
import type { Translator } from '../i18n/useTranslator';

/** What applying a policy changes: rules, topics and members added, removed and changed, and top-level settings. */
export function DiffSummary({ tr: { t }, diff }: { tr: Translator; diff: PolicyDiff }) {
  if (diff.same) return <p data-diff="same">{t('options.diff.same')}</p>;
  const lists: [string, ListChange][] = [
    [t('options.diff.rules'), diff.rules],
    [t('options.diff.topics'), diff.topics],
    [t('options.diff.members'), diff.members],
  ];
  return (
    <ul class="diff" data-diff="changes">
      {lists.map(([label, change]) => {
        const parts = [
          ['added', t('options.diff.added', change.added.length), change.added],
          ['removed', t('options.diff.removed', change.removed.length), change.removed],
          ['changed', t('options.diff.changed', change.changed.length), change.changed],
        ] as const;
        const shown = parts.filter(([, , ids]) => ids.length > 0);
        return (
          <li key={label}>
            <strong>{label}:</strong>{' '}
            {shown.length === 0 ? t('options.diff.unchanged') : shown.map(([kind, text, ids], i) => (
              <span key={kind} data-diff-kind={kind}>
                {i > 0 ? '; ' : ''}{text} ({ids.join(', ')})
              </span>
            ))}
          </li>
        );
      })}
      {diff.settings.length > 0 && (
        <li><strong>{t('options.diff.settings')}:</strong> {diff.settings.join(', ')}</li>
      )}
    </ul>
  );
}
