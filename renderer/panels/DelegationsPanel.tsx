import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { delegations, searchDelegations, type Delegation, type DelegationKind } from '../../shared/domain/delegations';

const kinds: readonly DelegationKind[] = ['member-state', 'observer-state', 'organization', 'group'];
const shownAtOnce = 60;

/** Right panel tab: the registry of delegations (States, observers, the EU, groups), searchable in English or Chinese. */
export function DelegationsPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const [query, setQuery] = useState('');
  const counts = useMemo(() => Object.fromEntries(kinds.map((kind) => [kind, delegations.filter((entry) => entry.kind === kind).length])), []);
  const shown: readonly Delegation[] = query.trim() === ''
    ? delegations.filter((entry) => entry.kind === 'group' || entry.kind === 'organization')
    : searchDelegations(query, shownAtOnce);
  return (
    <div className="zd-delegations">
      <p className="zd-muted">{kinds.map((kind) => t(`delegations.count.${kind}`, { count: counts[kind] })).join(' · ')}</p>
      <input
        type="search" className="zd-search" value={query} onChange={(event) => setQuery(event.target.value)}
        placeholder={t('delegations.search')} aria-label={t('delegations.search')}
      />
      <ul className="zd-delegation-list">
        {shown.map((entry) => (
          <li key={entry.code} title={entry.names[language === 'zh' ? 'en' : 'zh']}>
            <code>{entry.short ?? entry.code}</code> {entry.names[language]}
            {entry.members !== undefined && <span className="zd-muted"> · {t('delegations.members', { count: entry.members.length })}</span>}
          </li>
        ))}
        {shown.length === 0 && <li className="zd-muted">{t('delegations.none')}</li>}
      </ul>
    </div>
  );
}
