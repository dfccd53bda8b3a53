import { useTranslation } from 'react-i18next';
import type { SyncSession } from '../app/syncSession';
import { useOnlinePeople, useSyncState } from '../app/useSyncSession';
import { useSyncReasonText } from './ShareDialog';

/**
 * The connection indicator of the status bar: offline, connecting, synced, error or read-only,
 * with the reason in its tooltip. A click opens the Share dialog.
 */
export function SyncIndicator({ sync, onShare }: { sync: SyncSession; onShare: () => void }) {
  const { t } = useTranslation();
  const state = useSyncState(sync);
  const reasonText = useSyncReasonText();
  const status = state?.status ?? 'offline';
  const label = t(`sync.status.${status}`);
  const reason = reasonText(state);
  return (
    <button
      type="button" className={`zd-sync-indicator zd-sync-${status}`} data-sync-status={status} onClick={onShare}
      title={[t('sync.indicator', { status: label }), reason].filter(Boolean).join('\n')}
    >
      <span className="zd-sync-dot" aria-hidden="true">●</span> {label}
    </button>
  );
}

/** Who else is online in the shared workspace: a chip per person, in their cursor's colour. */
export function OnlinePeople({ sync }: { sync: SyncSession }) {
  const { t } = useTranslation();
  const people = useOnlinePeople(sync);
  if (people.length === 0) return null;
  return (
    <ul className="zd-online" aria-label={t('sync.online')} title={t('sync.onlineCount', { count: people.length })}>
      {people.map((person) => (
        <li key={person.clientId} className="zd-online-person" style={{ borderColor: person.colour }}>
          <span className="zd-online-dot" style={{ backgroundColor: person.colour }} aria-hidden="true" />
          {person.name}
        </li>
      ))}
    </ul>
  );
}

/** A banner while the invite token only reads: the text is not editable, and this says why. */
export function ReadOnlyNotice({ sync }: { sync: SyncSession }) {
  const { t } = useTranslation();
  const state = useSyncState(sync);
  if (state?.status !== 'read-only') return null;
  return <div className="zd-banner zd-banner-notice" role="status">{t('sync.readOnly')}</div>;
}
