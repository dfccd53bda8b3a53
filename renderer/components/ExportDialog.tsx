import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullView } from './FullView';
import type * as Y from 'yjs';
import { exportKindFormats, type ExportFileFormat, type ExportKind, type ExportOutcome, type HostInfo, type ZeroDraftApi } from '../../shared/api/contract';
import { useRevisions } from '../panels/useRevisions';

/** What the dialog opens with. */
export interface ExportPreset {
  kind: ExportKind;
  /** A revision id, or null for the current text. */
  revision: string | null;
  against: string | null;
}

const kinds = Object.keys(exportKindFormats) as ExportKind[];

/** A file name for an export: workspace, revision and kind, with the format's extension. */
function suggestedPath(directory: string, workspace: string, revisionName: string | null, kind: ExportKind, format: ExportFileFormat): string {
  const base = [workspace, revisionName, kind].filter((part) => part !== null && part !== '').join(' - ').replace(/[\\/:*?"<>|]+/g, '-');
  const separator = directory.includes('\\') && !directory.includes('/') ? '\\' : '/';
  return `${directory.replace(/[\\/]+$/, '')}${separator}${base}.${format}`;
}

/**
 * Export dialog: which document (clean draft, compilation, comparison, proposals table, Akoma
 * Ntoso), of which revision, in which format, to which file; the host writes it off the UI
 * thread, with progress and a Stop button. The workspace is never changed.
 */
export function ExportDialog({ api, host, handle, doc, workspaceName, preset, onClose }: {
  api: ZeroDraftApi; host: HostInfo; handle: string; doc: Y.Doc; workspaceName: string; preset: ExportPreset; onClose: () => void;
}) {
  const { t } = useTranslation();
  const revisions = useRevisions(doc);
  const [kind, setKind] = useState<ExportKind>(preset.kind);
  const [format, setFormat] = useState<ExportFileFormat>(exportKindFormats[preset.kind][0]!);
  const [revision, setRevision] = useState<string | null>(preset.revision);
  const [against, setAgainst] = useState<string | null>(preset.against ?? revisions[0]?.id ?? null);
  const [path, setPath] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revisionName = revision === null ? null : revisions.find((candidate) => candidate.id === revision)?.name ?? null;
  const target = path ?? suggestedPath(host.defaultDirectory, workspaceName, revisionName, kind, format);

  useEffect(() => api.exports.onDidExportProgress((event) => { if (event.handle === handle) setProgress(event.fraction); }), [api, handle]);

  const chooseKind = (next: ExportKind): void => {
    setKind(next);
    if (!exportKindFormats[next].includes(format)) setFormat(exportKindFormats[next][0]!);
  };
  const choosePath = async (): Promise<void> => {
    const picked = await api.app.pickWorkspacePath('export');
    if (picked !== null) setPath(/\.[a-z]+$/i.test(picked) ? picked : `${picked}.${format}`);
  };
  const run = async (): Promise<void> => {
    setError(null);
    setOutcome(null);
    setProgress(0);
    try {
      setOutcome(await api.exports.run(handle, { kind, format, revision, against: kind === 'comparison' ? against : null, outPath: target }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setProgress(null);
    }
  };

  return (
    <FullView className="zd-export" label={t('exportDialog.title')} onClose={onClose}>
      <h2>{t('exportDialog.title')}</h2>
      <label>{t('exportDialog.kind')}{' '}
        <select value={kind} onChange={(event) => chooseKind(event.target.value as ExportKind)}>
          {kinds.map((name) => <option key={name} value={name}>{t(`exportDialog.kinds.${name}`)}</option>)}
        </select>
      </label>
      <label>{t('exportDialog.format')}{' '}
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFileFormat)}>
          {exportKindFormats[kind].map((name) => <option key={name} value={name}>{name.toUpperCase()}</option>)}
        </select>
      </label>
      <label>{t('exportDialog.revision')}{' '}
        <select value={revision ?? ''} onChange={(event) => setRevision(event.target.value === '' ? null : event.target.value)}>
          <option value="">{t('compare.current')}</option>
          {revisions.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}</option>)}
        </select>
      </label>
      {kind === 'comparison' && (
        <label>{t('exportDialog.against')}{' '}
          <select value={against ?? ''} onChange={(event) => setAgainst(event.target.value === '' ? null : event.target.value)}>
            {revisions.length === 0 && <option value="">{t('exportDialog.noRevision')}</option>}
            {revisions.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}</option>)}
          </select>
        </label>
      )}
      <label>{t('exportDialog.path')}{' '}
        <input value={target} size={60} aria-label={t('exportDialog.path')} onChange={(event) => setPath(event.target.value)} />
      </label>
      {host.canPickFiles && <button type="button" onClick={() => void choosePath()}>{t('dialog.browse')}</button>}
      {progress !== null && <progress max={1} value={progress} aria-label={t('exportDialog.progress')} />}
      {outcome !== null && <p role="status" className="zd-export-done">{t('exportDialog.done', { path: outcome.path, size: Math.max(1, Math.round(outcome.bytes / 1024)) })}</p>}
      {error !== null && <p role="alert" className="zd-error">{error}</p>}
      <div className="zd-row">
        {progress === null
          ? <button type="button" onClick={() => void run()}>{t('exportDialog.export')}</button>
          : <button type="button" onClick={() => void api.exports.cancel(handle)}>{t('exportDialog.stop')}</button>}
        <button type="button" onClick={onClose}>{t('compare.close')}</button>
      </div>
    </FullView>
  );
}
