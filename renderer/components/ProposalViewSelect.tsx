import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { delegationLabel, findDelegation } from '../../shared/domain/delegations';
import type { ProposalView } from '../panels/proposalStyles';
import { useProposals } from '../panels/useProposals';

function viewValue(view: ProposalView): string {
  return typeof view === 'object' ? `delegation:${view.delegation}` : view;
}

/** The view of the text: all proposals (compilation), clean, as if all were accepted, or one delegation's. */
export function ProposalViewSelect({ doc, view, onChange }: { doc: Y.Doc; view: ProposalView; onChange: (view: ProposalView) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const proposals = useProposals(doc);
  const delegations = [...new Set(proposals.flatMap((proposal) => proposal.proposers))].sort();
  return (
    <select
      className="zd-view-select" aria-label={t('view.label')} value={viewValue(view)}
      onChange={(event) => {
        const value = event.target.value;
        onChange(value.startsWith('delegation:') ? { delegation: value.slice('delegation:'.length) } : value as ProposalView);
      }}
    >
      <option value="compilation">{t('view.compilation')}</option>
      <option value="clean">{t('view.clean')}</option>
      <option value="as-accepted">{t('view.asAccepted')}</option>
      {delegations.map((code) => {
        const delegation = findDelegation(code);
        return <option key={code} value={`delegation:${code}`}>{t('view.only', { delegation: delegation === undefined ? code : delegationLabel(delegation, language) })}</option>;
      })}
    </select>
  );
}
