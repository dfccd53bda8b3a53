import type { Command, EditorState } from 'prosemirror-state';
import { decide, readProposal } from '../../shared/domain/proposals';
import { syncBinding } from './yjsStructure';

/** Origin of decisions made by the co-facilitators in this window: the decision undo tracks exactly these. */
export const decisionOrigin = 'zerodraft:decision';

/** The proposals marked at the cursor (on the text before or after it), open ones first. */
export function proposalsAtCursor(state: EditorState): string[] {
  const { $from } = state.selection;
  const marks = [...$from.marks(), ...($from.nodeBefore?.marks ?? []), ...($from.nodeAfter?.marks ?? [])];
  const pids = new Set<string>();
  for (const mark of marks) if (mark.type.name === 'insertion' || mark.type.name === 'deletion') pids.add(String(mark.attrs.pid));
  const proposal = $from.parent.attrs.proposal as string | null | undefined;
  if (typeof proposal === 'string') pids.add(proposal);
  return [...pids];
}

/** Accepts or rejects the open proposal at the cursor (keyboard: Alt+Shift+A / Alt+Shift+R). */
export function decideAtCursor(type: 'accept' | 'reject'): Command {
  return (state, dispatch) => {
    const doc = syncBinding(state)?.doc;
    if (doc === undefined) return false;
    const open = proposalsAtCursor(state).find((pid) => {
      const status = readProposal(doc, pid)?.status;
      return status === 'pending' || status === 'conflict';
    });
    if (open === undefined) return false;
    if (dispatch) decide(doc, open, { type, by: 'Co-facilitators' }, decisionOrigin);
    return true;
  };
}
