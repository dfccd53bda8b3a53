/**
 * Keeps proposals meaning what their authors meant when replicas edit at once (see
 * proposalKnowledge.ts for the facts it relies on). Two repairs, made in Yjs, deterministic, so
 * any replica (and several at once) may run them and all converge to the same text:
 *
 * - Words typed inside a range another replica was marking for deletion at the same moment
 *   inherit the deletion mark in Yjs. They were never proposed for deletion: the repair takes
 *   that mark off them, so accepting the deletion cannot remove them.
 * - Words added to a proposal's insertion after a co-facilitator decided it, by a replica that had
 *   not seen the decision, would be accepted (or rejected) unseen. The repair moves them to a
 *   new pending proposal of the same delegations (id `<pid>+`), to be decided on its own.
 *
 * Markers and decisions without recorded knowledge (older workspaces) are left as they are.
 */
import { encodeAny, toBase64 } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';
import * as Y from 'yjs';
import { documentLayout } from './documentLayout';
import {
  attributePid, deletionKeyPrefix, forEachTextItem, insertionKeyPrefix, knownLength, markKnowledgeMap, markerKey, textsUnder,
  type Knowledge,
} from './proposalKnowledge';
import { proposalsMap, readProposal } from './proposals';
import type { Proposal } from './proposalTypes';

/** A shared type as a transaction's `changed` map keys it. */
type SharedType = Parameters<Y.Transaction['changed']['get']>[0];

/** Origin of repair transactions. */
export const integrityOrigin = 'zerodraft:proposal-integrity';

/** One change the repair makes to a text: attributes set (or cleared with null) over a range. */
interface Repair {
  text: Y.XmlText;
  index: number;
  length: number;
  attributes: Record<string, unknown>;
  /** For late words: the proposal they were added to, and the new one they go to. */
  late?: { from: string; to: string };
}

/** y-prosemirror's format key for an overlapping mark (name--hash of the mark's JSON). */
export function proposalMarkKey(type: 'insertion' | 'deletion', pid: string): string {
  const bytes = digest(encodeAny({ type, attrs: { pid } }));
  // y-prosemirror folds the SHA-256 digest into 6 bytes before encoding it.
  const folded = bytes.slice(0, 6);
  for (let index = 6; index < bytes.length; index += 1) folded[index % 6]! ^= bytes[index]!;
  return `${type}--${toBase64(folded)}`;
}

/** The id of the proposal that words added late to `pid` go to. */
export function lateProposalId(pid: string): string {
  return `${pid}+`;
}

const decidedStatuses = new Set<Proposal['status']>(['accepted', 'rejected', 'withdrawn', 'merged']);

/** What the deciding replicas knew of a decided proposal's texts, or null (pending, conflict, no record). */
function decisionKnowledge(proposal: Proposal | null): Knowledge | null {
  if (proposal === null || !decidedStatuses.has(proposal.status)) return null;
  const latestSeen = Math.max(...proposal.decisions.map((decision) => decision.seen));
  const decisive = proposal.decisions.filter((decision) => decision.seen === latestSeen);
  if (decisive.some((decision) => decision.known === undefined)) return null;
  const union: Knowledge = {};
  for (const decision of decisive) {
    for (const [client, clock] of Object.entries(decision.known!)) union[client] = Math.max(union[client] ?? 0, clock);
  }
  return union;
}

/** Ranges of an item (from its start) not covered by a knowledge. */
function unknownPart(item: Y.Item, knowledge: Knowledge): { offset: number; length: number } | null {
  const known = knownLength(item, 0, item.length, knowledge);
  return known >= item.length ? null : { offset: known, length: item.length - known };
}

/** The repairs one text needs. */
function textRepairs(doc: Y.Doc, text: Y.XmlText, proposals: Map<string, Proposal | null>): Repair[] {
  const knowledgeMap = markKnowledgeMap(doc);
  const repairs: Repair[] = [];
  const proposalOf = (pid: string): Proposal | null => {
    if (!proposals.has(pid)) proposals.set(pid, readProposal(doc, pid));
    return proposals.get(pid)!;
  };
  forEachTextItem(text, (item, index, active) => {
    for (const [key, attribute] of active) {
      const pid = attributePid(attribute.value);
      if (pid === null) continue;
      if (key.startsWith(deletionKeyPrefix)) {
        const knowledge = knowledgeMap.get(markerKey(attribute.marker.id));
        const unknown = knowledge === undefined ? null : unknownPart(item, knowledge);
        if (unknown !== null) repairs.push({ text, index: index + unknown.offset, length: unknown.length, attributes: { [key]: null } });
      } else if (key.startsWith(insertionKeyPrefix)) {
        const knowledge = decisionKnowledge(proposalOf(pid));
        const unknown = knowledge === null ? null : unknownPart(item, knowledge);
        if (unknown === null) continue;
        const late = lateProposalId(pid);
        repairs.push({ text, index: index + unknown.offset, length: unknown.length, attributes: { [key]: null, [proposalMarkKey('insertion', late)]: { pid: late } }, late: { from: pid, to: late } });
      }
    }
  });
  return repairs;
}

/** Creates the record of the proposal late words go to (a copy of the original's delegations), unless it exists. */
function ensureLateRecord(doc: Y.Doc, from: string, to: string): void {
  const map = proposalsMap(doc);
  const original = map.get(from);
  if (map.has(to) || !(original instanceof Y.Map)) return;
  const record = new Y.Map<unknown>();
  const proposers = original.get('proposers');
  record.set('kind', 'add');
  record.set('proposers', Y.Array.from(proposers instanceof Y.Array ? proposers.toArray() : []));
  record.set('onBehalfOf', original.get('onBehalfOf') ?? null);
  record.set('supporters', new Y.Map<true>());
  record.set('opponents', new Y.Map<true>());
  record.set('round', original.get('round'));
  // The original's time keeps the order of proposals the same on every replica.
  record.set('createdAt', original.get('createdAt'));
  record.set('note', `Words added to proposal ${from} after it was decided; to be decided on their own.`);
  record.set('paragraphId', original.get('paragraphId') ?? null);
  record.set('decisions', new Y.Array());
  map.set(to, record);
}

/**
 * Repairs the given texts (default: the whole negotiation text) in one transaction. Returns
 * the number of ranges repaired (0: nothing to do, no transaction made).
 */
export function repairProposalMarks(doc: Y.Doc, texts?: Iterable<Y.XmlText>): number {
  const proposals = new Map<string, Proposal | null>();
  const repairs: Repair[] = [];
  for (const text of texts ?? textsUnder(doc.getXmlFragment(documentLayout.draft))) {
    if (text.doc === doc && text._item?.deleted !== true) repairs.push(...textRepairs(doc, text, proposals));
  }
  if (repairs.length === 0) return 0;
  doc.transact(() => {
    for (const repair of repairs) {
      if (repair.late !== undefined) ensureLateRecord(doc, repair.late.from, repair.late.to);
      repair.text.format(repair.index, repair.length, repair.attributes);
    }
  }, integrityOrigin);
  return repairs.length;
}

/** The text a deletion marker ("client:clock") sits in, if this replica has it. */
function markerText(doc: Y.Doc, key: string): Y.XmlText | undefined {
  const [client, clock] = key.split(':').map(Number);
  if (!Number.isInteger(client) || !Number.isInteger(clock) || (Y.getState(doc.store, client!) <= clock!)) return undefined;
  const item = Y.getItem(doc.store, Y.createID(client!, clock!));
  return item instanceof Y.Item && item.parent instanceof Y.XmlText ? item.parent : undefined;
}

/**
 * Watches a replica and repairs what its transactions may have broken, shortly after they
 * happen (texts changed since the last run; every text when knowledge or decisions arrived).
 * `schedule` runs the repair later (a microtask, setImmediate); returns the stopper.
 */
export function watchProposalIntegrity(doc: Y.Doc, schedule: (run: () => void) => void): () => void {
  const dirty = new Set<Y.XmlText>();
  let everything = false;
  let scheduled = false;
  const run = (): void => {
    scheduled = false;
    const texts = everything ? undefined : [...dirty];
    dirty.clear();
    everything = false;
    repairProposalMarks(doc, texts);
  };
  const knowledge = markKnowledgeMap(doc);
  const proposals = proposalsMap(doc);
  const onAfterTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === integrityOrigin) return;
    for (const type of transaction.changed.keys()) if (type instanceof Y.XmlText) dirty.add(type);
    for (const key of transaction.changed.get(knowledge as unknown as SharedType) ?? []) {
      const text = key === null ? undefined : markerText(doc, key);
      if (text !== undefined) dirty.add(text);
    }
    // Only a decision can make words late (new records and supporters cannot): then look everywhere.
    if (transaction.changedParentTypes.has(proposals as unknown as SharedType)) {
      for (const type of transaction.changed.keys()) if (type instanceof Y.Array && type._item?.parentSub === 'decisions') everything = true;
    }
    if ((dirty.size > 0 || everything) && !scheduled) {
      scheduled = true;
      schedule(run);
    }
  };
  doc.on('afterTransaction', onAfterTransaction);
  return () => doc.off('afterTransaction', onAfterTransaction);
}
