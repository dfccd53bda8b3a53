import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentWorkspace } from '../../shared/api/contract';

/** What the dialog asks for. */
export type WorkspaceDialogMode = 'open' | 'create';

/**
 * The New / Open dialog of the browser host (the desktop app uses native dialogs): a path,
 * for New the choice of starting from the sample, and the Recent list.
 */
export function WorkspaceDialog({ mode, defaultDirectory, recent, onSubmit, onCancel }: {
  mode: WorkspaceDialogMode;
  defaultDirectory: string;
  recent: RecentWorkspace[];
  onSubmit: (path: string, sample: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [path, setPath] = useState(mode === 'create' ? `${defaultDirectory}/negotiation.zdraft` : '');
  const [sample, setSample] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  return (
    <div className="zd-dialog-backdrop" role="presentation" onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}>
      <form
        className="zd-dialog" role="dialog" aria-modal="true" aria-label={mode === 'create' ? t('dialog.newTitle') : t('dialog.openTitle')}
        onSubmit={(event) => { event.preventDefault(); if (path.trim() !== '') onSubmit(path.trim(), sample); }}
      >
        <h2>{mode === 'create' ? t('dialog.newTitle') : t('dialog.openTitle')}</h2>
        <label className="zd-field">
          {t('dialog.path')}
          <input ref={inputRef} name="path" value={path} onChange={(event) => setPath(event.target.value)} placeholder={t('dialog.pathHint')} spellCheck={false} />
        </label>
        {mode === 'create' && (
          <label className="zd-check"><input type="checkbox" checked={sample} onChange={(event) => setSample(event.target.checked)} /> {t('dialog.sample')}</label>
        )}
        {mode === 'open' && (
          <section className="zd-recent">
            <h3>{t('menu.recent')}</h3>
            {recent.length === 0 ? <p className="zd-muted">{t('menu.noRecent')}</p> : (
              <ul>
                {recent.map((entry) => (
                  <li key={entry.path}>
                    <button type="button" disabled={!entry.exists} onClick={() => onSubmit(entry.path, false)} title={entry.path}>
                      {entry.name} {entry.exists ? '' : t('menu.missing')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <div className="zd-dialog-actions">
          <button type="button" onClick={onCancel}>{t('dialog.cancel')}</button>
          <button type="submit" className="zd-primary">{mode === 'create' ? t('dialog.create') : t('dialog.open')}</button>
        </div>
      </form>
    </div>
  );
}
