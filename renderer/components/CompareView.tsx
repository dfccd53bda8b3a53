import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FullView } from './FullView';
import type * as Y from 'yjs';
import { compareNegotiations, type ComparedBlock } from '../../shared/schema/revisionComparison';
import { TextSegments } from './TextSegments';
import { negotiationTexts, restoredRevision, useRevisions } from '../panels/useRevisions';

/** The current text, as a choice beside the saved revisions. */
export const currentText = 'current';

function BlockLabel({ block }: { block: ComparedBlock }) {
  if (block.kind === 'section') return null;
  if (block.renumbered && block.oldLabel !== null && block.newLabel !== null) {
    return <span className="zd-compare-label"><del>{block.oldLabel}</del> <ins>{block.newLabel}</ins></span>;
  }
  return <span className="zd-compare-label">{block.newLabel ?? block.oldLabel}</span>;
}

/**
 * Full view: the redline between two revisions (or a revision and the current text), block by
 * block through stable ids, with the renumbering map (old paragraph number to new).
 */
export function CompareView({ doc, initialOlder, onClose, onExport }: {
  doc: Y.Doc; initialOlder: string; onClose: () => void; onExport: (revision: string | null, against: string) => void;
}) {
  const { t } = useTranslation();
  const revisions = useRevisions(doc);
  const [older, setOlder] = useState(initialOlder);
  const [newer, setNewer] = useState<string>(currentText);
  const comparison = useMemo(() => {
    const oldText = restoredRevision(doc, older).clean;
    const newText = newer === currentText ? negotiationTexts(doc).clean : restoredRevision(doc, newer).clean;
    return compareNegotiations(oldText, newText);
  }, [doc, older, newer]);
  const nameOf = (id: string): string => (id === currentText ? t('compare.current') : revisions.find((revision) => revision.id === id)?.name ?? id);
  const renumbered = [...comparison.renumbering].filter(([from, to]) => from !== to);

  return (
    <FullView className="zd-compare" label={t('compare.title')} onClose={onClose}>
      <header className="zd-row">
        <h2>{t('compare.title')}</h2>
        <label>{t('compare.older')}{' '}
          <select value={older} onChange={(event) => setOlder(event.target.value)}>
            {revisions.map((revision) => <option key={revision.id} value={revision.id}>{revision.name}</option>)}
          </select>
        </label>
        <label>{t('compare.newer')}{' '}
          <select value={newer} onChange={(event) => setNewer(event.target.value)}>
            <option value={currentText}>{t('compare.current')}</option>
            {revisions.map((revision) => <option key={revision.id} value={revision.id}>{revision.name}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => onExport(newer === currentText ? null : newer, older)}>{t('compare.export')}</button>
        <button type="button" onClick={onClose}>{t('compare.close')}</button>
      </header>
      <p className="zd-muted" role="status">{t('compare.summary', { older: nameOf(older), newer: nameOf(newer), ...comparison.counts })}</p>
      <div className="zd-compare-body">
        <article className="zd-redline" aria-label={t('compare.redline')}>
          {comparison.titleBlock.filter((line) => line.oldText !== line.newText).map((line) => (
            <p key={line.field} className="zd-compare-title"><TextSegments segments={line.segments} /></p>
          ))}
          {comparison.blocks.map((block, index) => (
            <p key={`${block.id}-${index}`} className={`zd-compare-block zd-compare-${block.kind} zd-change-${block.change}`} data-block={block.id}>
              <BlockLabel block={block} /> <TextSegments segments={block.segments} />
              {block.change === 'moved' && <span className="zd-muted"> {t('compare.moved')}</span>}
            </p>
          ))}
        </article>
        <aside className="zd-renumbering" aria-label={t('compare.renumbering')}>
          <h3>{t('compare.renumbering')}</h3>
          {renumbered.length === 0 ? <p className="zd-muted">{t('compare.noRenumbering')}</p> : (
            <table>
              <thead><tr><th>{nameOf(older)}</th><th>{nameOf(newer)}</th></tr></thead>
              <tbody>
                {renumbered.map(([from, to]) => <tr key={from}><td>{from}</td><td>{to ?? t('compare.deleted')}</td></tr>)}
              </tbody>
            </table>
          )}
        </aside>
      </div>
    </FullView>
  );
}
