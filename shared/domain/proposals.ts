/**
 * Member-state proposals as records in the Y.Doc (see proposalTypes.ts).
 *
 * Each record is a Y.Map whose collections are nested shared types (proposers: Y.Array,
 * supporters/opponents: Y.Map<code, true>, decisions: Y.Array), so edits made at once on two
 * replicas are both kept; a plain JSON value would keep only one of them.
 *
 * Decisions are appended, never changed, and the status is derived from them. Each decision
 * records how many decisions its replica had seen (`seen`); the decisions with the highest
 * `seen` decide. If that group holds different outcomes (an accept on one replica and a reject
 * on another, neither aware of the other), the status is `conflict`: a visible conflict for the
 * co-facilitators, never a silent winner. The next decision (which has seen both) resolves it.
 */
import * as Y from 'yjs';
import { ZeroDraftError } from '../api/errors';
import { newBlockId } from '../schema/blockId';
import { findDelegation } from './delegations';
import { documentLayout } from './documentLayout';
import { proposalKnowledge } from './proposalKnowledge';
import type { MoveTarget, NewProposal, Proposal, ProposalDecision, ProposalKind, ProposalStatus } from './proposalTypes';

/** Every kind of proposal, in the order the UI offers them. */
export const proposalKinds: readonly ProposalKind[] = ['add', 'delete', 'replace', 'move', 'new-paragraph', 'retain'];

const decisionTypes: readonly ProposalDecision['type'][] = ['accept', 'reject', 'withdraw', 'merge', 'reopen'];

/** The status a decision leads to (for `reopen`: back to pending). */
const outcomeOf: Record<ProposalDecision['type'], ProposalStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  withdraw: 'withdrawn',
  merge: 'merged',
  reopen: 'pending',
};

/** A decision as asked for; `at` and `seen` are filled in by {@link decide}. */
export interface DecisionRequest {
  type: ProposalDecision['type'];
  /** A co-facilitator's name, or a delegation code for a withdrawal. */
  by: string;
  /** For `merge`: the proposal it is merged into. */
  into?: string;
}

/** Options of {@link createProposal}, for seeding and tests. */
export interface CreateProposalOptions {
  /** Use this id instead of a new one (must not exist yet). */
  id?: string;
  /** Use this creation time instead of now. */
  createdAt?: string;
}

/** The proposals map of a negotiation: proposal id to a Y.Map record. */
export function proposalsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(documentLayout.proposals);
}

/** A new proposal id, unique across replicas: this replica's client id plus a random part. */
export function newProposalId(doc: Y.Doc): string {
  return `p${doc.clientID.toString(36)}-${newBlockId()}`;
}

/** The registry code of a delegation; throws `invalid-argument` for an unknown one. */
function delegationCode(code: string): string {
  const delegation = typeof code === 'string' ? findDelegation(code) : undefined;
  if (delegation === undefined) throw new ZeroDraftError('invalid-argument', `Unknown delegation "${String(code)}": use a code from the delegations registry (e.g. "EU", "MEX", "G77"). Nothing was changed.`);
  return delegation.code;
}

function checkNewProposal(proposal: NewProposal): { proposers: string[]; onBehalfOf: string | null } {
  if (!proposalKinds.includes(proposal.kind)) throw new ZeroDraftError('invalid-argument', `Unknown proposal kind "${String(proposal.kind)}". Nothing was changed.`);
  if (!Array.isArray(proposal.proposers) || proposal.proposers.length === 0) throw new ZeroDraftError('invalid-argument', 'A proposal needs at least one proposing delegation. Nothing was changed.');
  if (!Number.isInteger(proposal.round) || proposal.round < 1) throw new ZeroDraftError('invalid-argument', `The round must be a positive whole number, not ${String(proposal.round)}. Nothing was changed.`);
  if (proposal.paragraphId !== null && typeof proposal.paragraphId !== 'string') throw new ZeroDraftError('invalid-argument', 'The paragraph id must be a string or null. Nothing was changed.');
  const proposers = [...new Set(proposal.proposers.map(delegationCode))];
  const onBehalfOf = proposal.onBehalfOf === undefined || proposal.onBehalfOf === null ? null : delegationCode(proposal.onBehalfOf);
  return { proposers, onBehalfOf };
}

/**
 * Records a new proposal and returns its id. Delegation codes are checked against the registry
 * and stored as the registry's code ('mex' becomes 'MEX'); throws `invalid-argument` (nothing
 * changed) for an unknown delegation, no proposer, a round that is not a positive integer, or
 * an explicit id that is already taken.
 */
export function createProposal(doc: Y.Doc, proposal: NewProposal, origin: unknown = null, options: CreateProposalOptions = {}): string {
  const { proposers, onBehalfOf } = checkNewProposal(proposal);
  const id = options.id ?? newProposalId(doc);
  if (proposalsMap(doc).has(id)) throw new ZeroDraftError('already-exists', `Proposal "${id}" already exists. Nothing was changed.`);
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    record.set('kind', proposal.kind);
    record.set('proposers', Y.Array.from(proposers));
    record.set('onBehalfOf', onBehalfOf);
    record.set('supporters', new Y.Map<true>());
    record.set('opponents', new Y.Map<true>());
    record.set('round', proposal.round);
    record.set('createdAt', options.createdAt ?? new Date().toISOString());
    record.set('note', proposal.note ?? '');
    record.set('paragraphId', proposal.paragraphId);
    if (proposal.moveTarget !== undefined) record.set('moveTarget', { containerId: proposal.moveTarget.containerId, afterId: proposal.moveTarget.afterId });
    record.set('decisions', new Y.Array<ProposalDecision>());
    proposalsMap(doc).set(id, record);
  }, origin);
  return id;
}

function readDecision(value: unknown): ProposalDecision | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, by, at, into, seen, known } = value as Record<string, unknown>;
  if (!decisionTypes.includes(type as ProposalDecision['type']) || typeof by !== 'string' || typeof at !== 'string') return null;
  if (typeof seen !== 'number' || !Number.isInteger(seen) || seen < 0) return null;
  const decision: ProposalDecision = { type: type as ProposalDecision['type'], by, at, seen };
  if (typeof into === 'string') decision.into = into;
  if (typeof known === 'object' && known !== null && Object.values(known).every((clock) => typeof clock === 'number')) decision.known = known as Record<string, number>;
  return decision;
}

/** The keys of a Y.Map, sorted (a Y.Map's own order depends on the order updates arrived in). */
function sortedKeys(value: unknown): string[] {
  return value instanceof Y.Map ? [...value.keys()].sort() : [];
}

function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}

function readMoveTarget(value: unknown): MoveTarget | null {
  if (typeof value !== 'object' || value === null) return null;
  const { containerId, afterId } = value as { containerId?: unknown; afterId?: unknown };
  return typeof containerId === 'string' && (afterId === null || typeof afterId === 'string') ? { containerId, afterId } : null;
}

function readRecord(id: string, record: Y.Map<unknown>): Proposal | null {
  const kind = record.get('kind');
  const proposersArray = record.get('proposers');
  const round = record.get('round');
  if (!proposalKinds.includes(kind as ProposalKind) || !(proposersArray instanceof Y.Array) || typeof round !== 'number') return null;
  const decisionsArray = record.get('decisions');
  const decisions = decisionsArray instanceof Y.Array
    ? decisionsArray.toArray().map(readDecision).filter((decision): decision is ProposalDecision => decision !== null)
    : [];
  return {
    id,
    kind: kind as ProposalKind,
    proposers: proposersArray.toArray().filter((code): code is string => typeof code === 'string'),
    onBehalfOf: stringOr(record.get('onBehalfOf'), null),
    supporters: sortedKeys(record.get('supporters')),
    opponents: sortedKeys(record.get('opponents')),
    round,
    createdAt: stringOr(record.get('createdAt'), ''),
    note: stringOr(record.get('note'), ''),
    paragraphId: stringOr(record.get('paragraphId'), null),
    moveTarget: readMoveTarget(record.get('moveTarget')),
    decisions,
    ...proposalStatus(decisions),
  };
}

/** One proposal, or null if there is none with this id (or its record is malformed). */
export function readProposal(doc: Y.Doc, id: string): Proposal | null {
  const record = proposalsMap(doc).get(id);
  return record instanceof Y.Map ? readRecord(id, record) : null;
}

/** Every well-formed proposal, sorted by creation time, then id (the same on every replica). */
export function allProposals(doc: Y.Doc): Proposal[] {
  const proposals: Proposal[] = [];
  proposalsMap(doc).forEach((record, id) => {
    const proposal = record instanceof Y.Map ? readRecord(id, record) : null;
    if (proposal !== null) proposals.push(proposal);
  });
  return proposals.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Every well-formed proposal by id (as the views of the text take them). */
export function proposalsById(doc: Y.Doc): Map<string, Proposal> {
  return new Map(allProposals(doc).map((proposal) => [proposal.id, proposal]));
}

/**
 * Derives a proposal's status from its decisions. The decisions made with the most knowledge
 * (highest `seen`) decide; several of them with different outcomes (type, and target of a merge)
 * give `conflict`. No decisions: pending. `reopen`: pending. `merge`: merged, with `mergedInto`.
 * A decision made after seeing a conflict (a higher `seen`) resolves it. Depends only on the
 * set of decisions, so every replica with the same decisions reports the same status.
 *
 * `seen` is a count, not a record of which decisions were seen: a decision made with more
 * knowledge outranks an unseen concurrent one made with less (replica A accepts, reopens and
 * rejects while B, offline, accepts: rejected, not conflict). Only equal counts show a conflict.
 */
export function proposalStatus(decisions: readonly ProposalDecision[]): { status: ProposalStatus; mergedInto: string | null } {
  if (decisions.length === 0) return { status: 'pending', mergedInto: null };
  const latestSeen = Math.max(...decisions.map((decision) => decision.seen));
  const latest = decisions.filter((decision) => decision.seen === latestSeen);
  const outcomes = new Set(latest.map((decision) => (decision.type === 'merge' ? `merge:${decision.into ?? ''}` : decision.type)));
  if (outcomes.size > 1) return { status: 'conflict', mergedInto: null };
  const decision = latest[0]!;
  const status = outcomeOf[decision.type];
  return { status, mergedInto: status === 'merged' ? decision.into ?? null : null };
}

function recordOf(doc: Y.Doc, id: string): Y.Map<unknown> {
  const record = proposalsMap(doc).get(id);
  if (!(record instanceof Y.Map) || readRecord(id, record) === null) throw new ZeroDraftError('not-found', `Proposal "${id}" does not exist. Nothing was changed.`);
  return record;
}

/** The record's nested Y.Map of supporters or opponents (created if a faulty peer left it out). */
function stanceMap(record: Y.Map<unknown>, key: 'supporters' | 'opponents'): Y.Map<true> {
  const existing = record.get(key);
  if (existing instanceof Y.Map) return existing as Y.Map<true>;
  const map = new Y.Map<true>();
  record.set(key, map);
  return map;
}

function setStance(doc: Y.Doc, id: string, code: string, stance: 'supporters' | 'opponents', origin: unknown): void {
  const record = recordOf(doc, id);
  const registryCode = delegationCode(code);
  const proposers = (record.get('proposers') as Y.Array<unknown>).toArray();
  if (proposers.includes(registryCode)) {
    throw new ZeroDraftError('invalid-argument', `${registryCode} made proposal "${id}" and cannot ${stance === 'supporters' ? 'support' : 'oppose'} it. Nothing was changed.`);
  }
  const other = stance === 'supporters' ? 'opponents' : 'supporters';
  doc.transact(() => {
    const otherMap = record.get(other);
    if (otherMap instanceof Y.Map && otherMap.has(registryCode)) otherMap.delete(registryCode);
    stanceMap(record, stance).set(registryCode, true);
  }, origin);
}

function clearStance(doc: Y.Doc, id: string, code: string, stance: 'supporters' | 'opponents', origin: unknown): void {
  const record = recordOf(doc, id);
  const registryCode = delegationCode(code);
  const map = record.get(stance);
  if (!(map instanceof Y.Map) || !map.has(registryCode)) return;
  doc.transact(() => map.delete(registryCode), origin);
}

/**
 * Records that a delegation supports a proposal (and no longer opposes it). Throws `not-found`
 * for an unknown proposal, `invalid-argument` for an unknown delegation or one of the proposers.
 * Support and opposition added at once on two replicas by the same delegation both stay until
 * the next change of its position.
 */
export function addSupporter(doc: Y.Doc, id: string, code: string, origin: unknown = null): void {
  setStance(doc, id, code, 'supporters', origin);
}

/** Withdraws a delegation's support (no change if it did not support the proposal). */
export function removeSupporter(doc: Y.Doc, id: string, code: string, origin: unknown = null): void {
  clearStance(doc, id, code, 'supporters', origin);
}

/** Records that a delegation opposes a proposal (and no longer supports it); errors as {@link addSupporter}. */
export function addOpponent(doc: Y.Doc, id: string, code: string, origin: unknown = null): void {
  setStance(doc, id, code, 'opponents', origin);
}

/** Withdraws a delegation's opposition (no change if it did not oppose the proposal). */
export function removeOpponent(doc: Y.Doc, id: string, code: string, origin: unknown = null): void {
  clearStance(doc, id, code, 'opponents', origin);
}

function checkDecision(doc: Y.Doc, id: string, current: ProposalStatus, decision: DecisionRequest): void {
  if (!decisionTypes.includes(decision.type)) throw new ZeroDraftError('invalid-argument', `Unknown decision "${String(decision.type)}". Nothing was changed.`);
  if (typeof decision.by !== 'string' || decision.by.trim() === '') throw new ZeroDraftError('invalid-argument', 'A decision needs to say who made it. Nothing was changed.');
  if (decision.type === 'reopen') {
    if (current === 'pending') throw new ZeroDraftError('invalid-argument', `Proposal "${id}" is pending; there is nothing to reopen. Nothing was changed.`);
    return;
  }
  if (current !== 'pending' && current !== 'conflict') {
    throw new ZeroDraftError('invalid-argument', `Proposal "${id}" is already ${current}; reopen it first to decide again. Nothing was changed.`);
  }
  if (decision.type === 'merge' && (decision.into === undefined || decision.into === id || readProposal(doc, decision.into) === null)) {
    throw new ZeroDraftError('invalid-argument', `Proposal "${id}" can only be merged into another existing proposal, not "${String(decision.into)}". Nothing was changed.`);
  }
}

/**
 * Appends a decision to a proposal, in one transaction. Throws `not-found` for an unknown
 * proposal; `invalid-argument` for accept/reject/withdraw/merge on a proposal that is already
 * decided (reopen it first), reopen of a pending one, or a merge whose `into` is not another
 * existing proposal. Deciding a `conflict` resolves it. Returns the decision as recorded.
 */
export function decide(doc: Y.Doc, id: string, decision: DecisionRequest, origin: unknown = null): ProposalDecision {
  const record = recordOf(doc, id);
  checkDecision(doc, id, readRecord(id, record)!.status, decision);
  const existing = record.get('decisions');
  const seen = existing instanceof Y.Array ? existing.length : 0;
  const recorded: ProposalDecision = { type: decision.type, by: decision.by.trim(), at: new Date().toISOString(), seen };
  if (decision.type === 'merge' && decision.into !== undefined) recorded.into = decision.into;
  if (decision.type !== 'reopen') recorded.known = proposalKnowledge(doc, id);
  doc.transact(() => {
    const decisions = existing instanceof Y.Array ? existing : new Y.Array<ProposalDecision>();
    if (decisions !== existing) record.set('decisions', decisions);
    decisions.push([recorded]);
  }, origin);
  return recorded;
}

/** Replaces a proposal's note (the co-facilitators' remark); throws `not-found` for an unknown proposal. */
export function setProposalNote(doc: Y.Doc, id: string, note: string, origin: unknown = null): void {
  const record = recordOf(doc, id);
  if (typeof note !== 'string') throw new ZeroDraftError('invalid-argument', 'A note must be text. Nothing was changed.');
  doc.transact(() => record.set('note', note), origin);
}
