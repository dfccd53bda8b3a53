import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostInfo, ImportPreview, ZeroDraftApi } from '../../shared/api/contract';
import { sourceKinds, type InputSource, type PassageDraft, type SourceKind } from '../../shared/domain/inputs';
import type { ProcessEvent } from '../../shared/domain/processTemplate';

/**
 * Import of an input: a file (path on this machine, or the native dialog in the desktop app) or
 * pasted text; the host reads it off the UI thread with progress; the preview lets the user set
 * the source's facts and drop passages before saving.
 */
export function ImportDialog({ api, host, handle, events, onClose, onSaved }: {
  api: ZeroDraftApi; host: HostInfo; handle: string; events: ProcessEvent[]; onClose: () => void; onSaved: (source: InputSource) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const [path, setPath] = useState('');
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [kind, setKind] = useState<SourceKind>('thematic-session-summary');
  const [eventId, setEventId] = useState('');
  const [title, setTitle] = useState('');
  const [kept, setKept] = useState<boolean[]>([]);

  useEffect(() => api.inputs.onDidImportProgress((event) => { if (event.handle === handle) setProgress(event.fraction); }), [api, handle]);

  const read = async (request: { path?: string; text?: string }): Promise<void> => {
    setError(null);
    setProgress(0);
    try {
      const result = await api.inputs.previewImport(handle, request);
      setPreview(result);
      setTitle(result.title);
      setKept(result.passages.map(() => true));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setProgress(null);
    }
  };

  const browse = async (): Promise<void> => {
    const picked = await api.app.pickWorkspacePath('import');
    if (picked !== null) { setPath(picked); await read({ path: picked }); }
  };

  const save = async (): Promise<void> => {
    if (preview === null) return;
    const passages: PassageDraft[] = preview.passages.filter((_, index) => kept[index]);
    try {
      const source = await api.inputs.saveImport(handle, {
        kind, title: title.trim() || preview.title, eventId: eventId === '' ? null : eventId, date: null,
        language: preview.language, author: null, fileName: preview.fileName,
      }, passages);
      onSaved(source);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <div className="zd-dialog-backdrop" role="presentation" onKeyDown={(event) => { if (event.key === 'Escape') onClose(); }}>
      <div className="zd-dialog zd-import-dialog" role="dialog" aria-modal="true" aria-label={t('import.title')}>
        <h2>{t('import.title')}</h2>
        {preview === null ? (
          <>
            <label className="zd-field">{t('import.path')}
              <span className="zd-row">
                <input name="import-path" value={path} onChange={(event) => setPath(event.target.value)} placeholder={t('import.pathHint')} spellCheck={false} />
                {host.canPickFiles && <button type="button" onClick={() => void browse()}>{t('dialog.browse')}</button>}
                <button type="button" disabled={path.trim() === '' || progress !== null} onClick={() => void read({ path: path.trim() })}>{t('import.read')}</button>
              </span>
            </label>
            <label className="zd-field">{t('import.paste')}
              <textarea name="import-text" rows={6} value={text} onChange={(event) => setText(event.target.value)} />
            </label>
            <button type="button" disabled={text.trim() === '' || progress !== null} onClick={() => void read({ text })}>{t('import.readText')}</button>
            {progress !== null && (
              <div className="zd-row">
                <progress value={progress} max={1} aria-label={t('import.reading')} />
                <button type="button" onClick={() => void api.inputs.cancelImport(handle)}>{t('import.stop')}</button>
              </div>
            )}
          </>
        ) : (
          <>
            {preview.duplicateOf !== null && <p className="zd-error">{t('import.duplicate', { title: preview.duplicateOf.title })}</p>}
            <label className="zd-field">{t('import.sourceTitle')}<input name="import-title" value={title} onChange={(event) => setTitle(event.target.value)} /></label>
            <div className="zd-row">
              <select value={kind} onChange={(event) => setKind(event.target.value as SourceKind)} aria-label={t('import.kind')}>
                {sourceKinds.map((option) => <option key={option} value={option}>{t(`sourceKind.${option}`)}</option>)}
              </select>
              <select value={eventId} onChange={(event) => setEventId(event.target.value)} aria-label={t('import.event')}>
                <option value="">{t('import.noEvent')}</option>
                {events.map((event) => <option key={event.id} value={event.id}>{event.title[language]}</option>)}
              </select>
              <span className="zd-muted">{preview.language} · {preview.format}</span>
            </div>
            <ol className="zd-preview-passages">
              {preview.passages.map((passage, index) => (
                <li key={index} className={kept[index] ? '' : 'zd-dropped'}>
                  <label><input type="checkbox" checked={kept[index] ?? true} onChange={(event) => setKept(kept.map((value, position) => (position === index ? event.target.checked : value)))} />
                    {passage.number !== null && <strong>{passage.number} </strong>}{passage.text}</label>
                </li>
              ))}
            </ol>
          </>
        )}
        {error !== null && <p className="zd-error" role="alert">{error}</p>}
        <div className="zd-dialog-actions">
          <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
          {preview !== null && <button type="button" className="zd-primary" disabled={!kept.some(Boolean)} onClick={() => void save()}>{t('import.save', { count: kept.filter(Boolean).length })}</button>}
        </div>
      </div>
    </div>
  );
}
