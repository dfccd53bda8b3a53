import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { delegationLabel, findDelegation, searchDelegations } from '../../shared/domain/delegations';
import { addOpponent, addSupporter, proposalsMap } from '../../shared/domain/proposals';
import { proposalTexts } from '../../shared/schema/proposalViews';
import type { Proposal } from '../../shared/domain/proposalTypes';
import type { EditorStore } from '../editor/editorStore';
import { decideProposal, decisionOrigin } from '../editor/proposalCommands';
import { documentLayout } from '../../shared/domain/documentLayout';
import { attribution, delegationColor } from './proposalStyles';
import { useParagraphAtCursor } from './useParagraphAtCursor';
import { useProposals } from './useProposals';

const decisionsBy = 'Co-facilitators';

function ProposalItem({ proposal, doc, text, others, onError }: {
  proposal: Proposal; doc: Y.Doc; text: { inserted: string; deleted: string } | undefined; others: Proposal[]; onError: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const [code, setCode] = useState('');
  const name = (value: string): string => { const found = findDelegation(value); return found === undefined ? value : delegationLabel(found, language); };
  const run = (action: () => void): void => { try { action(); } catch (error) { onError(error instanceof Error ? error.message : String(error)); } };
  const pending = proposal.status === 'pending' || proposal.status === 'conflict';
  const delegation = searchDelegations(code, 1)[0];
  const [into, setInto] = useState('');
  return (
    <li className={`zd-proposal zd-proposal-${proposal.status}`} data-pid={proposal.id}>
      <div>
        <strong style={{ color: delegationColor(proposal.proposers[0] ?? '') }}>{proposal.proposers.map(name).join(', ')}</strong>
        {' '}<span className="zd-muted">{t(`proposal.kind.${proposal.kind}`)} · {t(`proposal.status.${proposal.status}`)}</span>
      </div>
      {text !== undefined && (text.deleted !== '' || text.inserted !== '') && (
        <div className="zd-proposal-text">
          {text.deleted !== '' && <del>{text.deleted}</del>}{text.deleted !== '' && text.inserted !== '' && ' → '}{text.inserted !== '' && <ins>{text.inserted}</ins>}
        </div>
      )}
      {text === undefined && <div className="zd-muted">{t('proposal.textGone')}</div>}
      <div className="zd-muted">{attribution(proposal, name, { supported: t('proposal.supported'), opposed: t('proposal.opposed'), status: (status) => t(`proposal.status.${status}`) })}</div>
      <div className="zd-proposal-actions">
        {pending ? (
          <>
            <button type="button" onClick={() => run(() => decideProposal(doc, proposal.id, { type: 'accept', by: decisionsBy }))}>{t('proposal.accept')}</button>
            <button type="button" onClick={() => run(() => decideProposal(doc, proposal.id, { type: 'reject', by: decisionsBy }))}>{t('proposal.reject')}</button>
            <button type="button" onClick={() => run(() => decideProposal(doc, proposal.id, { type: 'withdraw', by: proposal.proposers[0] ?? decisionsBy }))}>{t('proposal.withdraw')}</button>
            {others.length > 0 && (
              <>
                <select value={into} onChange={(event) => setInto(event.target.value)} aria-label={t('proposal.mergeInto')}>
                  <option value="">{t('proposal.mergeInto')}</option>
                  {others.map((other) => <option key={other.id} value={other.id}>{other.proposers.map(name).join(', ')} · {t(`proposal.kind.${other.kind}`)}</option>)}
                </select>
                <button type="button" disabled={into === ''} onClick={() => run(() => decideProposal(doc, proposal.id, { type: 'merge', by: decisionsBy, into }))}>{t('proposal.merge')}</button>
              </>
            )}
          </>
        ) : (
          <button type="button" onClick={() => run(() => decideProposal(doc, proposal.id, { type: 'reopen', by: decisionsBy }))}>{t('proposal.reopen')}</button>
        )}
      </div>
      <div className="zd-proposal-actions">
        <input value={code} onChange={(event) => setCode(event.target.value)} placeholder={t('proposal.delegation')} aria-label={t('proposal.delegation')} />
        <button type="button" disabled={delegation === undefined} onClick={() => run(() => { addSupporter(doc, proposal.id, delegation!.code, decisionOrigin); setCode(''); })}>{t('proposal.support')}</button>
        <button type="button" disabled={delegation === undefined} onClick={() => run(() => { addOpponent(doc, proposal.id, delegation!.code, decisionOrigin); setCode(''); })}>{t('proposal.oppose')}</button>
      </div>
    </li>
  );
}

const statusFilters = ['all', 'pending', 'accepted', 'rejected', 'withdrawn', 'conflict'] as const;

/** The words each proposal inserts and deletes, read from the editor's text. */
function useProposalTexts(store: EditorStore, version: number): Map<string, { inserted: string; deleted: string }> {
  return useMemo(() => {
    const state = store.getState();
    return state === null ? new Map() : proposalTexts(state.doc);
  }, [store, version]);
}

/**
 * Right panel tab: the proposals on the paragraph at the cursor (or the whole text), filtered
 * by status and delegation; each decided from here, or all shown at once; decisions undoable.
 */
export function ProposalsPanel({ doc, store }: { doc: Y.Doc; store: EditorStore }) {
  const { t } = useTranslation();
  const paragraph = useParagraphAtCursor(store);
  const proposals = useProposals(doc);
  const [whole, setWhole] = useState(false);
  const [status, setStatus] = useState<(typeof statusFilters)[number]>('all');
  const [delegation, setDelegation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const texts = useProposalTexts(store, proposals.length + (paragraph?.number ?? 0));
  // Decisions and the moves they make are undone together.
  const undo = useMemo(() => new Y.UndoManager([proposalsMap(doc), doc.getXmlFragment(documentLayout.draft)], { trackedOrigins: new Set([decisionOrigin]) }), [doc]);
  useEffect(() => () => undo.destroy(), [undo]);
  const code = delegation.trim() === '' ? null : searchDelegations(delegation, 1)[0]?.code ?? '?';
  const shown = proposals
    .filter((proposal) => whole || (paragraph !== null && proposal.paragraphId === paragraph.id))
    .filter((proposal) => status === 'all' || proposal.status === status)
    .filter((proposal) => code === null || proposal.proposers.includes(code) || proposal.onBehalfOf === code);
  const decideAll = (type: 'accept' | 'reject'): void => {
    try {
      doc.transact(() => {
        for (const proposal of shown) if (proposal.status === 'pending') decideProposal(doc, proposal.id, { type, by: decisionsBy });
      }, decisionOrigin);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <div className="zd-proposals">
      <div className="zd-sources-head">
        <h3>{whole ? t('proposal.all', { count: proposals.length }) : paragraph === null ? t('proposal.noParagraph') : t('proposal.title', { number: paragraph.number, count: shown.length })}</h3>
        <label className="zd-check"><input type="checkbox" checked={whole} onChange={(event) => setWhole(event.target.checked)} /> {t('proposal.whole')}</label>
      </div>
      <div className="zd-filters">
        <select value={status} onChange={(event) => setStatus(event.target.value as (typeof statusFilters)[number])} aria-label={t('proposal.filterStatus')}>
          {statusFilters.map((option) => <option key={option} value={option}>{option === 'all' ? t('proposal.anyStatus') : t(`proposal.status.${option}`)}</option>)}
        </select>
        <input value={delegation} onChange={(event) => setDelegation(event.target.value)} placeholder={t('proposal.filterDelegation')} aria-label={t('proposal.filterDelegation')} />
      </div>
      <div className="zd-proposal-actions">
        <button type="button" disabled={!shown.some((proposal) => proposal.status === 'pending')} onClick={() => decideAll('accept')}>{t('proposal.acceptShown')}</button>
        <button type="button" disabled={!shown.some((proposal) => proposal.status === 'pending')} onClick={() => decideAll('reject')}>{t('proposal.rejectShown')}</button>
        <button type="button" onClick={() => undo.undo()}>{t('proposal.undo')}</button>
      </div>
      {error !== null && <p className="zd-error" role="alert">{error}</p>}
      <ul className="zd-proposal-list">
        {shown.map((proposal) => (
          <ProposalItem
            key={proposal.id} proposal={proposal} doc={doc} text={texts.get(proposal.id)} onError={setError}
            others={proposals.filter((other) => other.id !== proposal.id && other.paragraphId === proposal.paragraphId && other.status === 'pending')}
          />
        ))}
      </ul>
      {shown.length === 0 && <p className="zd-muted">{t('proposal.none')}</p>}
    </div>
  );
}
