import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FullView } from './FullView';
import type * as Y from 'yjs';
import { findRevision } from '../../shared/domain/revisions';
import { computeNumbering } from '../../shared/schema/numbering';
import { restoredRevision } from '../panels/useRevisions';

/** Full view: one saved revision's clean text, read-only, numbered as it was issued. */
export function RevisionView({ doc, revisionId, onClose, onCompare }: { doc: Y.Doc; revisionId: string; onClose: () => void; onCompare: () => void }) {
  const { t } = useTranslation();
  const revision = findRevision(doc, revisionId);
  const lines = useMemo(() => {
    const clean = restoredRevision(doc, revisionId).clean;
    const title = clean.firstChild?.type.name === 'titleBlock' ? clean.firstChild : null;
    const heading = title === null ? [] : [title.attrs.docStatus, title.attrs.docDate, title.attrs.docTitle].map(String).filter((text) => text !== '' && text !== 'null');
    const blocks = computeNumbering(clean).blocks.map((block) => ({
      key: `${block.id}-${block.pos}`, kind: block.kind, label: block.label,
      text: block.kind === 'paragraph' || block.kind === 'subparagraph' ? clean.nodeAt(block.pos)?.textContent ?? '' : block.text,
    }));
    return { heading, blocks };
  }, [doc, revisionId]);

  return (
    <FullView className="zd-revision-view" label={t('revisions.viewTitle', { name: revision.name })} onClose={onClose}>
      <header className="zd-row">
        <h2>{t('revisions.viewTitle', { name: revision.name })}</h2>
        <span className="zd-muted">{revision.date} · {t('revisions.readOnly')}</span>
        <button type="button" onClick={onCompare}>{t('revisions.compare')}</button>
        <button type="button" onClick={onClose}>{t('compare.close')}</button>
      </header>
      <article className="zd-revision-text">
        {lines.heading.map((line, index) => <p key={index} className={index === lines.heading.length - 1 ? 'zd-revision-title' : 'zd-muted'}>{line}</p>)}
        {lines.blocks.map((block) => (
          <p key={block.key} className={`zd-revision-${block.kind}`}>{block.label !== '' && <span className="zd-compare-label">{block.label} </span>}{block.text}</p>
        ))}
      </article>
    </FullView>
  );
}
