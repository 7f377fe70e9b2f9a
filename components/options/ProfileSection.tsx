import type { Policy } from '../../utils/policy/schema';
import type { PolicySources } from '../../utils/policy/source-state';
import type { Translator } from '../i18n/useTranslator';
import { ask } from './ask';
import { localized } from './format';

interface Props {
  tr: Translator;
  policy: Policy;
  memberId: string | null;
  profile: PolicySources['profile'];
}

/** Who am I: the member this browser speaks for, chosen from the active policy, or set (and maybe locked) by IT. */
export function ProfileSection({ tr: { t, locale }, policy, memberId, profile }: Props) {
  const locked = profile?.locked === true;
  const member = policy.members.find((m) => m.id === memberId) ?? null;
  const topics = new Map(policy.topics.map((topic) => [topic.id, topic]));
  return (
    <section id="profile" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('options.profile.title')}</h2>
      <p class="hint">{t('options.profile.intro')}</p>
      <label for="member-select">{t('options.profile.label')}</label>
      <select
        id="member-select"
        data-member-select
        value={memberId ?? ''}
        disabled={locked}
        aria-describedby={locked ? 'member-locked' : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          void ask({ type: 'member:set', memberId: value === '' ? null : value });
        }}
      >
        <option value="">{t('options.profile.none')}</option>
        {policy.members.map((m) => (
          <option key={m.id} value={m.id}>{m.role ? `${m.name} — ${m.role}` : m.name}</option>
        ))}
        {memberId && !member && <option value={memberId}>{memberId}</option>}
      </select>
      {locked && (
        <p id="member-locked" class="locked" data-member-locked>
          <span aria-hidden="true">🔒 </span>{t('options.profile.locked')}
        </p>
      )}
      {!locked && profile?.memberId && <p class="hint">{t('options.profile.suggested')}</p>}
      {memberId && !member && <p class="warn" role="status">{t('options.profile.unknown', [memberId])}</p>}
      {member && (
        <dl class="facts" data-member-profile={member.id}>
          <dt>{t('options.profile.role')}</dt>
          <dd>{member.role ?? '—'}</dd>
          <dt>{t('options.profile.topics')}</dt>
          <dd>
            {member.topics.length === 0 ? '—' : (
              <ul class="chips">
                {member.topics.map((id) => {
                  const topic = topics.get(id);
                  return <li key={id} class="chip">{topic ? localized(topic.label, locale) : id}{topic?.restricted ? ` · ${t('options.profile.restricted')}` : ''}</li>;
                })}
              </ul>
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}
