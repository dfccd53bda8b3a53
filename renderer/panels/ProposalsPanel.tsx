import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { delegationLabel, findDelegation, searchDelegations } from '../../shared/domain/delegations';
import { addOpponent, addSupporter, decide } from '../../shared/domain/proposals';
import type { Proposal } from '../../shared/domain/proposalTypes';
import type { EditorStore } from '../editor/editorStore';
import { attribution, delegationColor } from './proposalStyles';
import { useParagraphAtCursor } from './useParagraphAtCursor';
import { useProposals } from './useProposals';

const decisionsBy = 'Co-facilitators';

function ProposalItem({ proposal, doc, onError }: { proposal: Proposal; doc: Y.Doc; onError: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const [code, setCode] = useState('');
  const name = (value: string): string => { const found = findDelegation(value); return found === undefined ? value : delegationLabel(found, language); };
  const run = (action: () => void): void => { try { action(); } catch (error) { onError(error instanceof Error ? error.message : String(error)); } };
  const pending = proposal.status === 'pending' || proposal.status === 'conflict';
  const delegation = searchDelegations(code, 1)[0];
  return (
    <li className={`zd-proposal zd-proposal-${proposal.status}`} data-pid={proposal.id}>
      <div>
        <strong style={{ color: delegationColor(proposal.proposers[0] ?? '') }}>{proposal.proposers.map(name).join(', ')}</strong>
        {' '}<span className="zd-muted">{t(`proposal.kind.${proposal.kind}`)} · {t(`proposal.status.${proposal.status}`)}</span>
      </div>
      <div className="zd-muted">{attribution(proposal, name, { supported: t('proposal.supported'), opposed: t('proposal.opposed'), status: (status) => t(`proposal.status.${status}`) })}</div>
      <div className="zd-proposal-actions">
        {pending ? (
          <>
            <button type="button" onClick={() => run(() => decide(doc, proposal.id, { type: 'accept', by: decisionsBy }))}>{t('proposal.accept')}</button>
            <button type="button" onClick={() => run(() => decide(doc, proposal.id, { type: 'reject', by: decisionsBy }))}>{t('proposal.reject')}</button>
            <button type="button" onClick={() => run(() => decide(doc, proposal.id, { type: 'withdraw', by: proposal.proposers[0] ?? decisionsBy }))}>{t('proposal.withdraw')}</button>
          </>
        ) : (
          <button type="button" onClick={() => run(() => decide(doc, proposal.id, { type: 'reopen', by: decisionsBy }))}>{t('proposal.reopen')}</button>
        )}
      </div>
      <div className="zd-proposal-actions">
        <input value={code} onChange={(event) => setCode(event.target.value)} placeholder={t('proposal.delegation')} aria-label={t('proposal.delegation')} />
        <button type="button" disabled={delegation === undefined} onClick={() => run(() => { addSupporter(doc, proposal.id, delegation!.code); setCode(''); })}>{t('proposal.support')}</button>
        <button type="button" disabled={delegation === undefined} onClick={() => run(() => { addOpponent(doc, proposal.id, delegation!.code); setCode(''); })}>{t('proposal.oppose')}</button>
      </div>
    </li>
  );
}

/** Right panel tab: the proposals on the paragraph at the cursor (or the whole text), and their decisions. */
export function ProposalsPanel({ doc, store }: { doc: Y.Doc; store: EditorStore }) {
  const { t } = useTranslation();
  const paragraph = useParagraphAtCursor(store);
  const proposals = useProposals(doc);
  const [whole, setWhole] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = whole ? proposals : proposals.filter((proposal) => paragraph !== null && proposal.paragraphId === paragraph.id);
  return (
    <div className="zd-proposals">
      <div className="zd-sources-head">
        <h3>{whole ? t('proposal.all', { count: proposals.length }) : paragraph === null ? t('proposal.noParagraph') : t('proposal.title', { number: paragraph.number, count: shown.length })}</h3>
        <label className="zd-check"><input type="checkbox" checked={whole} onChange={(event) => setWhole(event.target.checked)} /> {t('proposal.whole')}</label>
      </div>
      {error !== null && <p className="zd-error" role="alert">{error}</p>}
      <ul className="zd-proposal-list">{shown.map((proposal) => <ProposalItem key={proposal.id} proposal={proposal} doc={doc} onError={setError} />)}</ul>
      {shown.length === 0 && <p className="zd-muted">{t('proposal.none')}</p>}
    </div>
  );
}
