import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { setCurrentRound } from '../../shared/domain/revisions';
import { useCurrentRound } from '../panels/useRevisions';
import { useTranslation } from 'react-i18next';
import { delegationLabel, delegations, findDelegation, searchDelegations } from '../../shared/domain/delegations';
import type { EditorStore } from '../editor/editorStore';
import { useEditorSelector } from '../editor/editorStore';
import { proposalModeKey, setProposalMode } from '../editor/proposalModePlugin';
import { delegationColor } from '../panels/proposalStyles';

/**
 * The mode switch of the top bar: drafting (edits change the text) or proposal mode for a
 * delegation found by typing ("eu", "g77", "china"). The current round (kept in the negotiation,
 * so every colleague shares it) stamps new proposals.
 */
export function ProposalModeControl({ store, doc, rounds }: { store: EditorStore; doc: Y.Doc; rounds: number[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const mode = useEditorSelector(store, (state) => {
    const settings = state === null ? null : proposalModeKey.getState(state)?.settings ?? null;
    return settings === null ? '' : `${settings.proposers.join(',')}|${settings.round}|${settings.onBehalfOf ?? ''}`;
  });
  const [query, setQuery] = useState('');
  const round = useCurrentRound(doc);
  const apply = (proposers: string[] | null, nextRound = round, onBehalfOf: string | null = null): void => {
    const view = store.getView();
    if (view === null) return;
    view.dispatch(setProposalMode(view.state, proposers === null ? null : { proposers, onBehalfOf, round: nextRound }));
    view.focus();
  };
  const [codes, activeRound, behalf] = mode === '' ? [[], round, ''] : [mode.split('|')[0]!.split(','), Number(mode.split('|')[1]), mode.split('|')[2] ?? ''];
  // The groups a proposing State belongs to: it may speak on behalf of one of them.
  // The round changed (here or on a colleague's replica): proposals from now on belong to it.
  useEffect(() => {
    if (codes.length > 0 && activeRound !== round) apply(codes, round, behalf === '' ? null : behalf);
  }, [round]); // Only when the round changes.
  const groups = codes.length === 1 ? delegations.filter((group) => group.members?.includes(codes[0]!) === true) : [];
  const matches = query.trim() === '' ? [] : searchDelegations(query, 8);
  return (
    <div className="zd-mode-control">
      <button type="button" className={mode === '' ? 'zd-active' : ''} aria-pressed={mode === ''} onClick={() => apply(null)}>{t('mode.drafting')}</button>
      {codes.map((code) => (
        <span key={code} className="zd-mode-delegation" style={{ color: delegationColor(code) }} data-testid="proposal-mode">
          {t('mode.proposal', { delegation: delegationLabel(findDelegation(code)!, language) })}
        </span>
      ))}
      <span className="zd-delegation-picker">
        <input
          value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t('mode.pick')} aria-label={t('mode.pick')}
          onKeyDown={(event) => { if (event.key === 'Enter' && matches[0] !== undefined) { apply([matches[0].code]); setQuery(''); } }}
        />
        {matches.length > 0 && (
          <ul className="zd-menu" role="listbox">
            {matches.map((match) => (
              <li key={match.code} role="option" aria-selected={false}>
                <button type="button" onClick={() => { apply([match.code]); setQuery(''); }}>
                  <strong style={{ color: delegationColor(match.code) }}>{match.short ?? match.code}</strong> {match.names[language]}
                </button>
              </li>
            ))}
          </ul>
        )}
      </span>
      {groups.length > 0 && (
        <select value={behalf} aria-label={t('proposal.onBehalfOf')} onChange={(event) => apply(codes, activeRound, event.target.value === '' ? null : event.target.value)}>
          <option value="">{t('proposal.onBehalfOf')}: {t('proposal.nobody')}</option>
          {groups.map((group) => <option key={group.code} value={group.code}>{t('proposal.onBehalfOf')} {delegationLabel(group, language)}</option>)}
        </select>
      )}
      <select value={mode === '' ? round : activeRound} aria-label={t('mode.round')} onChange={(event) => setCurrentRound(doc, Number(event.target.value))}>
        {rounds.map((number) => <option key={number} value={number}>{t('mode.roundNumber', { number })}</option>)}
      </select>
    </div>
  );
}
