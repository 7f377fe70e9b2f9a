import { formatIssue } from '../../utils/policy/issues';
import type { PolicySourceKind, SourceProblem } from '../../utils/policy/source-state';
import type { Translator } from '../i18n/useTranslator';
import { formatTime } from './format';

interface Props {
  tr: Translator;
  source: PolicySourceKind;
  problem: SourceProblem;
  /** The file or URL name the issues' locations refer to. */
  name?: string;
  /** When the source's last good policy was taken; null when it never had one. */
  lastGood?: string | null;
}

/** A source's failure: what went wrong, every located issue (line:column path message), and what stays active. */
export function PolicyProblem({ tr: { t, locale }, source, problem, name, lastGood }: Props) {
  return (
    <div class="problem" role="alert" data-policy-error data-source={source} data-code={problem.code}>
      <p class="problem-head">
        <strong>{t(`options.problem.${problem.code === 'too-big' ? 'tooBig' : problem.code}` as 'options.problem.invalid')}</strong> <span class="muted">({formatTime(problem.at, locale)})</span>
      </p>
      <p class="detail">{problem.message}</p>
      {problem.issues.length > 0 && (
        <ul class="issues">
          {problem.issues.map((issue, i) => (
            <li key={i} data-line={issue.line} data-column={issue.column}>{formatIssue(issue, name)}</li>
          ))}
        </ul>
      )}
      {lastGood !== undefined && (
        <p class="kept">{lastGood ? t('options.problem.kept', [formatTime(lastGood, locale)]) : t('options.problem.none')}</p>
      )}
    </div>
  );
}
