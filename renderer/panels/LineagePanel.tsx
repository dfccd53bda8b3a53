import { useEffect, useMemo, useState } from 'react';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PassageWithSource, ZeroDraftApi } from '../../shared/api/contract';
import { allLinks } from '../../shared/domain/links';
import { computeNumbering } from '../../shared/schema/numbering';
import { proposalView } from '../../shared/schema/proposalViews';
import { diffText, type TextSegment } from '../../shared/schema/revisionComparison';
import type { EditorStore } from '../editor/editorStore';
import { TextSegments } from '../components/TextSegments';
import { useParagraphAtCursor } from './useParagraphAtCursor';
import { useProposals } from './useProposals';
import { negotiationTexts, restoredRevision, useRevisions } from './useRevisions';

/** A paragraph (with its sub-paragraphs) as it reads in one text, or null when it is not there. */
function paragraphIn(clean: ProseMirrorNode, paragraphId: string): { label: string; text: string } | null {
  const blocks = computeNumbering(clean).blocks;
  const index = blocks.findIndex((block) => block.id === paragraphId);
  if (index < 0) return null;
  const parts = [clean.nodeAt(blocks[index]!.pos)?.textContent ?? ''];
  for (const block of blocks.slice(index + 1)) {
    if (block.kind !== 'subparagraph') break;
    parts.push(`${block.label} ${clean.nodeAt(block.pos)?.textContent ?? ''}`);
  }
  return { label: blocks[index]!.label, text: parts.join('\n') };
}

interface LineageStep { name: string; date: string; label: string | null; segments: TextSegment[] }

/**
 * Right panel tab: the lineage of the paragraph at the cursor: its text in every revision (each
 * against the one before), its proposals round by round with their outcomes, and its inputs.
 */
export function LineagePanel({ api, handle, doc, store }: { api: ZeroDraftApi; handle: string; doc: Y.Doc; store: EditorStore }) {
  const { t } = useTranslation();
  const paragraph = useParagraphAtCursor(store);
  const revisions = useRevisions(doc);
  const proposals = useProposals(doc);
  const [passages, setPassages] = useState<PassageWithSource[]>([]);
  const steps = useMemo((): LineageStep[] => {
    if (paragraph === null) return [];
    const texts = [
      ...revisions.map((revision) => ({ name: revision.name, date: revision.date, clean: restoredRevision(doc, revision.id).clean })),
      // The current text is the editor's own document: no rebuilding it from the Y.Doc.
      { name: t('compare.current'), date: '', clean: proposalView(store.getState()?.doc ?? negotiationTexts(doc).text, new Map(proposals.map((proposal) => [proposal.id, proposal])), 'clean') },
    ];
    let previous: string | null = null;
    return texts.map(({ name, date, clean }) => {
      const found = paragraphIn(clean, paragraph.id);
      const text = found?.text ?? '';
      // Each text against the one before; the first as it stands.
      const segments = previous === null ? [{ text, change: 'same' as const }] : diffText(previous, text);
      previous = text;
      return { name, date, label: found?.label ?? null, segments };
    });
  }, [doc, paragraph, proposals, revisions, store, t]);
  const own = proposals.filter((proposal) => paragraph !== null && proposal.paragraphId === paragraph.id);
  const rounds = [...new Set(own.map((proposal) => proposal.round))].sort((a, b) => a - b);
  const links = paragraph === null ? [] : allLinks(doc).filter((link) => link.paragraphId === paragraph.id);
  const linkKey = links.map((link) => link.passageId).join(',');

  useEffect(() => {
    if (linkKey === '') { setPassages([]); return; }
    let current = true;
    void api.inputs.passagesByIds(handle, linkKey.split(',')).then((found) => { if (current) setPassages(found); }, () => undefined);
    return () => { current = false; };
  }, [api, handle, linkKey]);

  if (paragraph === null) return <p className="zd-muted">{t('panel.noParagraph')}</p>;
  return (
    <div className="zd-lineage">
      <h3>{t('lineage.title', { number: paragraph.number })}</h3>
      <section aria-label={t('lineage.revisions')}>
        <h4>{t('lineage.revisions')}</h4>
        {revisions.length === 0 && <p className="zd-muted">{t('lineage.noRevisions')}</p>}
        <ol className="zd-lineage-steps">
          {steps.map((step, index) => (
            <li key={index} data-revision={step.name}>
              <strong>{step.name}</strong> <span className="zd-muted">{step.date} {step.label === null ? t('lineage.absent') : step.label}</span>
              <div className="zd-lineage-text"><TextSegments segments={step.segments} /></div>
            </li>
          ))}
        </ol>
      </section>
      <section aria-label={t('lineage.proposals')}>
        <h4>{t('lineage.proposals')}</h4>
        {own.length === 0 && <p className="zd-muted">{t('proposal.none')}</p>}
        {rounds.map((round) => (
          <div key={round}>
            <h5>{t('mode.roundNumber', { number: round })}</h5>
            <ul>
              {own.filter((proposal) => proposal.round === round).map((proposal) => (
                <li key={proposal.id}>{proposal.proposers.join(', ')} · {t(`proposal.kind.${proposal.kind}`)} · <strong>{t(`proposal.status.${proposal.status}`)}</strong></li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section aria-label={t('lineage.inputs')}>
        <h4>{t('lineage.inputs')}</h4>
        {links.length === 0 && <p className="zd-muted">{t('lineage.noInputs')}</p>}
        <ul>
          {links.map((link) => {
            const passage = passages.find((candidate) => candidate.id === link.passageId);
            return <li key={link.id}>{t(`sources.kind.${link.kind}`)}: {passage === undefined ? link.passageId : `${passage.source.title}${passage.number === null ? '' : `, ${passage.number}`}`}</li>;
          })}
        </ul>
      </section>
    </div>
  );
}
