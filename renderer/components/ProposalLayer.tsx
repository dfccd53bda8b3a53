import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { delegationLabel, findDelegation } from '../../shared/domain/delegations';
import { attribution, proposalStyleSheet, type ProposalView } from '../panels/proposalStyles';
import { useProposals } from '../panels/useProposals';

/** Draws proposals in the text (colour and status, as a style sheet) and shows their attribution on hover. */
export function ProposalLayer({ doc, view }: { doc: Y.Doc; view: ProposalView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const proposals = useProposals(doc);
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  useEffect(() => {
    const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
    const name = (code: string): string => { const found = findDelegation(code); return found === undefined ? code : delegationLabel(found, language); };
    const over = (event: MouseEvent): void => {
      const element = event.target as HTMLElement | null;
      const target = element?.closest?.('.zd-text [data-pid]') as HTMLElement | null;
      const block = element?.closest?.('.zd-text [data-id]') as HTMLElement | null;
      // Marked words first; else a paragraph someone proposes to move.
      const proposal = target !== null ? byId.get(target.dataset.pid ?? '')
        : proposals.find((candidate) => candidate.kind === 'move' && candidate.status === 'pending' && candidate.paragraphId === block?.dataset.id);
      if (proposal === undefined) { setTip(null); return; }
      setTip({ text: attribution(proposal, name, { supported: t('proposal.supported'), opposed: t('proposal.opposed'), status: (status) => t(`proposal.status.${status}`) }), x: event.clientX, y: event.clientY });
    };
    document.addEventListener('mouseover', over);
    return () => document.removeEventListener('mouseover', over);
  }, [proposals, language, t]);
  return (
    <>
      <style>{proposalStyleSheet(proposals, view)}</style>
      {tip !== null && <div className="zd-tooltip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 16 }}>{tip.text}</div>}
    </>
  );
}
