import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { allProposals, proposalsMap } from '../../shared/domain/proposals';
import type { Proposal } from '../../shared/domain/proposalTypes';

/** Every proposal of the negotiation, kept current as records change here or on another replica. */
export function useProposals(doc: Y.Doc): Proposal[] {
  const [proposals, setProposals] = useState<Proposal[]>(() => allProposals(doc));
  useEffect(() => {
    const map = proposalsMap(doc);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Records change while someone types a proposal: gather the changes, read once.
    const update = (): void => { clearTimeout(timer); timer = setTimeout(() => setProposals(allProposals(doc)), 80); };
    setProposals(allProposals(doc));
    map.observeDeep(update);
    return () => { clearTimeout(timer); map.unobserveDeep(update); };
  }, [doc]);
  return proposals;
}
