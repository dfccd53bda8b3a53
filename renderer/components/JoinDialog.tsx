import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedWorkspace, SyncConnectRequest } from '../../shared/api/contract';

/**
 * Join a shared negotiation on this machine: where to keep the workspace file, and the
 * invitation (server, room, token, name). The host creates an empty workspace, receives the
 * whole negotiation from the server, then opens it; a refusal leaves nothing behind.
 */
export function JoinDialog({ defaultDirectory, onJoin, onCancel }: {
  defaultDirectory: string;
  onJoin: (path: string, request: SyncConnectRequest) => Promise<OpenedWorkspace>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [path, setPath] = useState(`${defaultDirectory}/shared-negotiation.zdraft`);
  const [request, setRequest] = useState<SyncConnectRequest>({ url: '', room: '', token: '', name: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof SyncConnectRequest, label: string, hint: string) => (
    <label className="zd-field">
      {label}
      <input name={key} value={request[key]} placeholder={hint} spellCheck={false} onChange={(event) => setRequest({ ...request, [key]: event.target.value })} />
    </label>
  );
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await onJoin(path.trim(), { ...request, url: request.url.trim(), room: request.room.trim(), token: request.token.trim() });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return (
    <div className="zd-dialog-backdrop" role="presentation" onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}>
      <form className="zd-dialog" role="dialog" aria-modal="true" aria-label={t('join.title')} onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <h2>{t('join.title')}</h2>
        <p className="zd-muted">{t('join.intro')}</p>
        <label className="zd-field">
          {t('join.path')}
          <input name="path" value={path} spellCheck={false} onChange={(event) => setPath(event.target.value)} />
        </label>
        {field('url', t('sync.url'), t('sync.urlHint'))}
        {field('room', t('sync.room'), t('sync.roomHint'))}
        {field('token', t('sync.token'), t('sync.tokenHint'))}
        {field('name', t('sync.name'), t('sync.nameHint'))}
        {busy && <p role="status">{t('join.receiving')}</p>}
        {error !== null && <p role="alert" className="zd-error">{error}</p>}
        <div className="zd-dialog-actions">
          <button type="button" onClick={onCancel}>{t('dialog.cancel')}</button>
          <button type="submit" className="zd-primary" disabled={busy}>{t('join.join')}</button>
        </div>
      </form>
    </div>
  );
}
