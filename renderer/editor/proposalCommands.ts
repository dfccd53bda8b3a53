import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type * as Y from 'yjs';
import { ZeroDraftError } from '../../shared/api/errors';
import { documentLayout } from '../../shared/domain/documentLayout';
import { createProposal, decide, readProposal } from '../../shared/domain/proposals';
import { plannedMove } from './negotiationCommands';
import { proposalModeKey } from './proposalModePlugin';
import { moveParagraphInYjs, syncBinding } from './yjsStructure';

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

/**
 * Records a decision; accepting a move also moves the paragraph, in the same Yjs transaction
 * (so undo of the decision puts it back). Throws, with nothing changed, when a move's paragraph
 * or place is gone.
 */
export function decideProposal(doc: Y.Doc, id: string, decision: { type: 'accept' | 'reject' | 'withdraw' | 'merge' | 'reopen'; by: string; into?: string }): void {
  const proposal = readProposal(doc, id);
  doc.transact(() => {
    if (decision.type === 'accept' && proposal?.kind === 'move' && proposal.moveTarget !== null && proposal.paragraphId !== null) {
      const moved = moveParagraphInYjs(doc.getXmlFragment(documentLayout.draft), proposal.paragraphId, proposal.moveTarget.containerId, proposal.moveTarget.afterId);
      if (!moved) throw new ZeroDraftError('invalid-argument', 'The paragraph to move, or the place it was to go, is no longer in the text; nothing moved.');
    }
    decide(doc, id, decision, decisionOrigin);
  }, decisionOrigin);
}

/** Accepts, rejects or withdraws the open proposal at the cursor (keyboard: Alt+Shift+A / R / W). */
export function decideAtCursor(type: 'accept' | 'reject' | 'withdraw'): Command {
  return (state, dispatch) => {
    const doc = syncBinding(state)?.doc;
    if (doc === undefined) return false;
    const open = proposalsAtCursor(state).find((pid) => {
      const status = readProposal(doc, pid)?.status;
      return status === 'pending' || status === 'conflict';
    });
    if (open === undefined) return false;
    if (dispatch) decideProposal(doc, open, { type, by: 'Co-facilitators' });
    return true;
  };
}

/**
 * In proposal mode, Alt+Up/Down proposes to move the paragraph instead of moving it: a `move`
 * record with the place it would go; the text stays until the move is accepted. False (so the
 * plain move runs) in drafting mode.
 */
export function proposeMove(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const settings = proposalModeKey.getState(state)?.settings ?? null;
    const doc = syncBinding(state)?.doc;
    if (settings === null || doc === undefined) return false;
    const planned = plannedMove(state, direction);
    if (planned === null || planned.containerId === '') return true;
    if (dispatch) {
      createProposal(doc, {
        kind: 'move', proposers: settings.proposers, onBehalfOf: settings.onBehalfOf, round: settings.round,
        paragraphId: planned.movedId, moveTarget: { containerId: planned.containerId, afterId: planned.afterId },
      });
    }
    return true;
  };
}

/** Where the runs of open (pending or conflicting) proposals start, in document order. */
function openProposalStarts(state: EditorState, doc: Y.Doc): number[] {
  const starts: number[] = [];
  const open = new Map<string, boolean>();
  const isOpen = (pid: string): boolean => {
    if (!open.has(pid)) {
      const status = readProposal(doc, pid)?.status;
      open.set(pid, status === 'pending' || status === 'conflict');
    }
    return open.get(pid)!;
  };
  let previous = new Set<string>();
  state.doc.descendants((node, pos) => {
    if (!node.isText) {
      previous = new Set();
      return true;
    }
    const pids = new Set(node.marks.filter((mark) => mark.type.name === 'insertion' || mark.type.name === 'deletion').map((mark) => String(mark.attrs.pid)).filter(isOpen));
    if ([...pids].some((pid) => !previous.has(pid))) starts.push(pos);
    previous = pids;
    return false;
  });
  return starts;
}

/**
 * Moves the cursor to the next (1) or previous (-1) open proposal in the text, and scrolls to
 * it (keyboard: Alt+PageDown / Alt+PageUp). False when there is none that way.
 */
export function goToProposal(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const doc = syncBinding(state)?.doc;
    if (doc === undefined) return false;
    const starts = openProposalStarts(state, doc);
    const here = state.selection.from;
    const target = direction === 1 ? starts.find((pos) => pos > here) : starts.filter((pos) => pos < here - 1).at(-1);
    if (target === undefined) return false;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, target + 1)).scrollIntoView());
    return true;
  };
}
