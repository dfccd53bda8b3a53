/**
 * Member-state proposals: the record kept for each (in the Y.Doc, so it syncs) and what the
 * marks in the text carry (only the proposal id). Decisions are records; every view of the text
 * (clean, compilation, as accepted) is derived from text + marks + records.
 */

/** What a proposal does. */
export type ProposalKind = 'add' | 'delete' | 'replace' | 'move' | 'new-paragraph' | 'retain';

/** Where a proposal stands. `conflict`: two co-facilitators decided differently at once. */
export type ProposalStatus = 'pending' | 'accepted' | 'rejected' | 'withdrawn' | 'merged' | 'conflict';

/** A decision on a proposal, appended to its record (never changed). */
export interface ProposalDecision {
  type: 'accept' | 'reject' | 'withdraw' | 'merge' | 'reopen';
  /** Who decided (a co-facilitator's name, or a delegation code for a withdrawal). */
  by: string;
  at: string;
  /** For `merge`: the proposal it was merged into. */
  into?: string;
  /** How many decisions the deciding replica had seen: two decisions with the same number were made without knowing of each other. */
  seen: number;
  /**
   * What the deciding replica knew of the texts holding the proposal's insertions (see
   * proposalKnowledge.ts): words added to the proposal later, unseen by the decider, are not
   * decided by it.
   */
  known?: Record<string, number>;
}

/** A proposal as read from the Y.Doc. */
export interface Proposal {
  id: string;
  kind: ProposalKind;
  /** Delegation codes (registry codes: 'EU', 'MEX', 'G77', ...). */
  proposers: string[];
  /** The group a proposer speaks for, if any. */
  onBehalfOf: string | null;
  supporters: string[];
  opponents: string[];
  /** Negotiation round number (1-6, more for informal rounds). */
  round: number;
  createdAt: string;
  note: string;
  /** The paragraph (stable id) the proposal is about. */
  paragraphId: string | null;
  decisions: ProposalDecision[];
  status: ProposalStatus;
  /** For `merged`: the proposal it was merged into. */
  mergedInto: string | null;
  /** For `move`: where the paragraph is to go. */
  moveTarget: MoveTarget | null;
}

/** Where a proposed move takes a paragraph: after a block (null: first, after the heading) of a section or objective. */
export interface MoveTarget {
  containerId: string;
  afterId: string | null;
}

/** The fields given when a proposal is made. */
export interface NewProposal {
  kind: ProposalKind;
  proposers: string[];
  onBehalfOf?: string | null;
  round: number;
  paragraphId: string | null;
  note?: string;
  /** For `move`: where the paragraph is to go. */
  moveTarget?: MoveTarget;
}
