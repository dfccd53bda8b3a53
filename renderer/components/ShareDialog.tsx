import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../shared/api/contract';
import type { SyncSession } from '../app/syncSession';
import { useSyncState } from '../app/useSyncSession';
import './sync.css';

/** What the dialog says about a sync state: the status, and why when something is wrong. */
export function useSyncReasonText(): (state: SyncState | null) => string | null {
  const { t } = useTranslation();
  return (state) => {
    if (state === null || state.reason === null) return state?.status === 'read-only' ? t('sync.readOnly') : null;
    return t(`sync.reason.${state.reason}`);
  };
}

/**
 * The Share dialog: the sync server, the room, the invite token and the name others see.
 * Connect stores them in the workspace (the token in the OS keychain where there is one, which
 * the dialog says) and connects; errors are told in words (wrong, expired or revoked token,
 * server unreachable).
 */
export function ShareDialog({ sync, onClose }: { sync: SyncSession; onClose: () => void }) {
  const { t } = useTranslation();
  const state = useSyncState(sync);
  const reasonText = useSyncReasonText();
  const settings = state?.settings ?? null;
  const [url, setUrl] = useState(settings?.url ?? '');
  const [room, setRoom] = useState(settings?.room ?? '');
  const [token, setToken] = useState('');
  const [name, setName] = useState(settings?.name ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  useEffect(() => {
    // The settings arrive with the host's first answer when the dialog opens early.
    if (settings === null) return;
    setUrl((value) => value || settings.url);
    setRoom((value) => value || settings.room);
    setName((value) => value || settings.name);
  }, [settings]);

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    action().then(() => setToken(''), (error: unknown) => setFailure(error instanceof Error ? error.message : String(error))).finally(() => setBusy(false));
  };
  const status = state?.status ?? 'offline';
  const connected = status !== 'offline' || state?.reason === 'unreachable';
  const explanation = failure ?? reasonText(state);

  return (
    <div className="zd-dialog-backdrop" role="presentation" onKeyDown={(event) => { if (event.key === 'Escape') onClose(); }}>
      <form
        className="zd-dialog zd-share-dialog" role="dialog" aria-modal="true" aria-label={t('sync.shareTitle')}
        onSubmit={(event) => { event.preventDefault(); run(() => sync.connect({ url: url.trim(), room: room.trim(), token: token.trim(), name: name.trim() })); }}
      >
        <h2>{t('sync.shareTitle')}</h2>
        <p className={`zd-sync-line zd-sync-${status}`} role="status" data-sync-status={status}>
          <span className="zd-sync-dot" aria-hidden="true">●</span> {t(`sync.status.${status}`)}
        </p>
        {explanation !== null && <p className={status === 'error' || failure !== null ? 'zd-share-error' : 'zd-muted'} role="alert">{explanation}</p>}
        <label className="zd-field">{t('sync.url')}
          <input ref={firstField} name="sync-url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder={t('sync.urlHint')} spellCheck={false} required />
        </label>
        <label className="zd-field">{t('sync.room')}
          <input name="sync-room" value={room} onChange={(event) => setRoom(event.target.value)} placeholder={t('sync.roomHint')} spellCheck={false} required />
        </label>
        <label className="zd-field">{t('sync.token')}
          <input name="sync-token" type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} placeholder={t('sync.tokenHint')} spellCheck={false} required={state?.hasToken !== true} />
        </label>
        {state?.hasToken === true && <p className="zd-muted">{t('sync.tokenStored')}</p>}
        <p className="zd-muted">{state?.tokenStorage === 'keychain' ? t('sync.keychain') : t('sync.noKeychain')}</p>
        <label className="zd-field">{t('sync.name')}
          <input name="sync-name" value={name} onChange={(event) => setName(event.target.value)} placeholder={t('sync.nameHint')} required />
        </label>
        <p className="zd-muted">{t('sync.offlineKept')}</p>
        <div className="zd-dialog-actions">
          {connected && <button type="button" disabled={busy} onClick={() => run(() => sync.disconnect())}>{t('sync.disconnect')}</button>}
          <button type="button" onClick={onClose}>{t('sync.close')}</button>
          <button type="submit" className="zd-primary" disabled={busy}>{t('sync.connect')}</button>
        </div>
      </form>
    </div>
  );
}
