import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ZeroDraftError } from '../../shared/api/errors';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';
import {
  addOpponent, addSupporter, allProposals, createProposal, decide, newProposalId, proposalKinds, proposalsMap,
  proposalStatus, readProposal, removeOpponent, removeSupporter, setProposalNote, type DecisionRequest,
} from '../../shared/domain/proposals';
import type { NewProposal, ProposalStatus } from '../../shared/domain/proposalTypes';
import { seededRandom } from '../../shared/seededRandom';

function replica(): Y.Doc {
  return new Y.Doc(negotiationDocOptions);
}

/** Sends what `from` has and `to` lacks. */
function send(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
}

function exchange(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) send(from, to);
}

const euReplacement: NewProposal = { kind: 'replace', proposers: ['eu'], round: 2, paragraphId: 'para-7', note: "'ensure' -> 'strive to ensure'" };

/** Expects `action` to throw a ZeroDraftError with `code` and to leave the doc untouched. */
function expectRejected(doc: Y.Doc, code: string, message: RegExp, action: () => void): void {
  const before = Y.encodeStateAsUpdate(doc);
  let updates = 0;
  const count = (): void => { updates += 1; };
  doc.on('update', count);
  let thrown: unknown;
  try { action(); } catch (error) { thrown = error; }
  doc.off('update', count);
  expect(thrown).toBeInstanceOf(ZeroDraftError);
  expect((thrown as ZeroDraftError).code).toBe(code);
  expect((thrown as ZeroDraftError).message).toMatch(message);
  expect(updates).toBe(0);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
}

describe('proposal records', () => {
  it('round-trips a proposal with its positions and decisions to a fresh replica', () => {
    const a = replica();
    const id = createProposal(a, { ...euReplacement, proposers: ['eu', ' mex', 'EU'], onBehalfOf: 'g77' });
    const other = createProposal(a, { kind: 'add', proposers: ['NOR'], round: 1, paragraphId: null }, 'test', { id: 'p-seed', createdAt: '2018-01-01T00:00:00.000Z' });
    addSupporter(a, id, 'nor');
    addSupporter(a, id, 'CHE');
    addOpponent(a, id, 'AOSIS');
    setProposalNote(a, id, 'discussed on Tuesday');
    decide(a, other, { type: 'reject', by: 'Co-facilitator Ireland' });

    const fresh = replica();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(a));
    const read = readProposal(fresh, id)!;
    expect(read).toMatchObject({
      id, kind: 'replace', proposers: ['EU', 'MEX'], onBehalfOf: 'G77', supporters: ['CHE', 'NOR'], opponents: ['AOSIS'],
      round: 2, note: 'discussed on Tuesday', paragraphId: 'para-7', decisions: [], status: 'pending', mergedInto: null,
    });
    expect(readProposal(fresh, other)).toMatchObject({ id: 'p-seed', status: 'rejected', decisions: [{ type: 'reject', by: 'Co-facilitator Ireland', seen: 0 }] });
    expect(allProposals(fresh).map((proposal) => proposal.id)).toEqual(['p-seed', id]);
    expect(allProposals(fresh)).toEqual(allProposals(a));
    expect(proposalsMap(fresh).get(id)!.get('supporters')).toBeInstanceOf(Y.Map);
    expect(readProposal(fresh, 'nope')).toBeNull();
  });

  it('makes ids that differ between replicas', () => {
    const a = replica();
    const b = replica();
    const ids = new Set([newProposalId(a), newProposalId(a), newProposalId(b), newProposalId(b)]);
    expect(ids.size).toBe(4);
    expect(newProposalId(a)).toMatch(new RegExp(`^p${a.clientID.toString(36)}-[a-z0-9]{12}$`));
  });

  it('rejects unknown delegations, bad fields, deciding twice and bad merges, changing nothing', () => {
    const doc = replica();
    const id = createProposal(doc, euReplacement);
    expectRejected(doc, 'invalid-argument', /Unknown delegation "XYZ"/, () => createProposal(doc, { ...euReplacement, proposers: ['EU', 'XYZ'] }));
    expectRejected(doc, 'invalid-argument', /Unknown delegation "XYZ"/, () => createProposal(doc, { ...euReplacement, onBehalfOf: 'XYZ' }));
    expectRejected(doc, 'invalid-argument', /at least one/, () => createProposal(doc, { ...euReplacement, proposers: [] }));
    expectRejected(doc, 'invalid-argument', /round/, () => createProposal(doc, { ...euReplacement, round: 0 }));
    expectRejected(doc, 'invalid-argument', /round/, () => createProposal(doc, { ...euReplacement, round: 1.5 }));
    expectRejected(doc, 'already-exists', /already exists/, () => createProposal(doc, euReplacement, null, { id }));
    expectRejected(doc, 'invalid-argument', /Unknown delegation "XYZ"/, () => addSupporter(doc, id, 'XYZ'));
    expectRejected(doc, 'invalid-argument', /EU made proposal/, () => addSupporter(doc, id, 'eu'));
    expectRejected(doc, 'invalid-argument', /cannot oppose/, () => addOpponent(doc, id, 'EU'));
    expectRejected(doc, 'not-found', /does not exist/, () => addSupporter(doc, 'missing', 'MEX'));
    expectRejected(doc, 'not-found', /does not exist/, () => decide(doc, 'missing', { type: 'accept', by: 'Chair' }));
    expectRejected(doc, 'invalid-argument', /nothing to reopen/, () => decide(doc, id, { type: 'reopen', by: 'Chair' }));
    expectRejected(doc, 'invalid-argument', /merged into another existing/, () => decide(doc, id, { type: 'merge', by: 'Chair', into: id }));
    expectRejected(doc, 'invalid-argument', /merged into another existing/, () => decide(doc, id, { type: 'merge', by: 'Chair', into: 'missing' }));
    expectRejected(doc, 'invalid-argument', /who made it/, () => decide(doc, id, { type: 'accept', by: ' ' }));

    decide(doc, id, { type: 'accept', by: 'Chair' });
    for (const type of ['accept', 'reject', 'withdraw'] as const) {
      expectRejected(doc, 'invalid-argument', /Proposal ".*" is already accepted; reopen it first/, () => decide(doc, id, { type, by: 'Chair' }));
    }
    expect(readProposal(doc, id)!.decisions).toHaveLength(1);
    decide(doc, id, { type: 'reopen', by: 'Chair' });
    expect(readProposal(doc, id)!.status).toBe('pending');
    decide(doc, id, { type: 'withdraw', by: 'EU' });
    expect(readProposal(doc, id)).toMatchObject({ status: 'withdrawn', decisions: [{ seen: 0 }, { seen: 1 }, { seen: 2 }] });
  });

  it('shows a concurrent accept and reject as a conflict on every replica, resolved by a later decision', () => {
    const a = replica();
    const b = replica();
    const c = replica();
    const id = createProposal(a, euReplacement);
    exchange(a, b, c);

    decide(a, id, { type: 'accept', by: 'Co-facilitator A' });
    decide(b, id, { type: 'reject', by: 'Co-facilitator B' });
    expect(readProposal(a, id)!.status).toBe('accepted');
    expect(readProposal(b, id)!.status).toBe('rejected');
    exchange(a, b, c);
    for (const doc of [a, b, c]) {
      const proposal = readProposal(doc, id)!;
      expect(proposal.status).toBe('conflict');
      expect(proposal.decisions.map((decision) => [decision.type, decision.seen]).sort()).toEqual([['accept', 0], ['reject', 0]]);
    }
    expect(readProposal(b, id)).toEqual(readProposal(a, id));

    decide(b, id, { type: 'accept', by: 'Co-facilitator B' });
    exchange(a, b, c);
    for (const doc of [a, b, c]) expect(readProposal(doc, id)).toMatchObject({ status: 'accepted', decisions: [{}, {}, { type: 'accept', seen: 2 }] });
  });

  it('keeps one outcome when both replicas decide alike at once, and conflicting merge targets', () => {
    const a = replica();
    const b = replica();
    const id = createProposal(a, euReplacement);
    const x = createProposal(a, { kind: 'add', proposers: ['MEX'], round: 2, paragraphId: 'para-7' });
    const y = createProposal(a, { kind: 'add', proposers: ['NOR'], round: 2, paragraphId: 'para-7' });
    exchange(a, b);
    decide(a, x, { type: 'reject', by: 'A' });
    decide(b, x, { type: 'reject', by: 'B' });
    decide(a, id, { type: 'merge', by: 'A', into: x });
    decide(b, id, { type: 'merge', by: 'B', into: y });
    exchange(a, b);
    expect(readProposal(a, x)!.status).toBe('rejected');
    expect(readProposal(b, id)).toMatchObject({ status: 'conflict', mergedInto: null });
  });

  it('keeps supporters added at once on two replicas, and a changed position only on its new side', () => {
    const a = replica();
    const b = replica();
    const id = createProposal(a, euReplacement);
    exchange(a, b);
    addSupporter(a, id, 'NOR');
    addSupporter(b, id, 'CHE');
    addOpponent(b, id, 'MEX');
    exchange(a, b);
    expect(readProposal(a, id)).toMatchObject({ supporters: ['CHE', 'NOR'], opponents: ['MEX'] });
    expect(readProposal(b, id)).toEqual(readProposal(a, id));

    addSupporter(a, id, 'AOSIS');
    addOpponent(a, id, 'AOSIS');
    addSupporter(b, id, 'MEX');
    exchange(a, b);
    for (const doc of [a, b]) expect(readProposal(doc, id)).toMatchObject({ supporters: ['CHE', 'MEX', 'NOR'], opponents: ['AOSIS'] });

    removeSupporter(a, id, 'nor');
    removeOpponent(b, id, 'AOSIS');
    removeOpponent(b, id, 'LDC');
    exchange(a, b);
    for (const doc of [a, b]) expect(readProposal(doc, id)).toMatchObject({ supporters: ['CHE', 'MEX'], opponents: [] });
  });

  it('merges a proposal into another', () => {
    const a = replica();
    const b = replica();
    const into = createProposal(a, { kind: 'replace', proposers: ['G77'], round: 3, paragraphId: 'para-2' });
    const id = createProposal(a, { kind: 'replace', proposers: ['AFRICAN-GROUP'], round: 3, paragraphId: 'para-2' });
    decide(a, id, { type: 'merge', by: 'Co-facilitator A', into });
    exchange(a, b);
    expect(readProposal(b, id)).toMatchObject({ status: 'merged', mergedInto: into, decisions: [{ type: 'merge', into, seen: 0 }] });
    expect(readProposal(b, into)).toMatchObject({ status: 'pending', mergedInto: null });
    decide(b, id, { type: 'reopen', by: 'Co-facilitator B' });
    expect(readProposal(b, id)).toMatchObject({ status: 'pending', mergedInto: null });
  });

  it('derives the status from the decisions with the most knowledge', () => {
    const at = '2018-01-01T00:00:00.000Z';
    expect(proposalStatus([])).toEqual({ status: 'pending', mergedInto: null });
    expect(proposalStatus([{ type: 'accept', by: 'A', at, seen: 0 }, { type: 'reject', by: 'B', at, seen: 0 }]).status).toBe('conflict');
    expect(proposalStatus([{ type: 'reject', by: 'B', at, seen: 0 }, { type: 'accept', by: 'A', at, seen: 0 }, { type: 'reopen', by: 'A', at, seen: 2 }]).status).toBe('pending');
    // Documented limit of a count: A decided three times while B, offline, accepted once; A's latest wins.
    expect(proposalStatus([
      { type: 'accept', by: 'A', at, seen: 0 }, { type: 'reopen', by: 'A', at, seen: 1 }, { type: 'reject', by: 'A', at, seen: 2 }, { type: 'accept', by: 'B', at, seen: 0 },
    ]).status).toBe('rejected');
  });
});

const codes = ['EU', 'MEX', 'NOR', 'CHE', 'G77', 'AOSIS', 'LDC', 'BRA', 'JPN', 'ZAF'];
const statuses: readonly ProposalStatus[] = ['pending', 'accepted', 'rejected', 'withdrawn', 'merged', 'conflict'];

interface Network { docs: Y.Doc[]; inboxes: Uint8Array[][] }

function network(size: number): Network {
  const docs = Array.from({ length: size }, replica);
  const inboxes: Uint8Array[][] = docs.map(() => []);
  docs.forEach((doc, from) => doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') inboxes.forEach((inbox, to) => { if (to !== from) inbox.push(update); });
  }));
  return { docs, inboxes };
}

/** Delivers one queued update, picked at random (so updates arrive late and out of order). */
function deliverOne(net: Network, random: () => number): void {
  const waiting = net.inboxes.map((inbox, index) => [inbox, index] as const).filter(([inbox]) => inbox.length > 0);
  if (waiting.length === 0) return;
  const [inbox, index] = waiting[Math.floor(random() * waiting.length)]!;
  const [update] = inbox.splice(Math.floor(random() * inbox.length), 1);
  Y.applyUpdate(net.docs[index]!, update!, 'remote');
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomDecision(ids: string[], random: () => number): DecisionRequest {
  const type = pick(['accept', 'reject', 'withdraw', 'merge', 'reopen', 'reopen'] as const, random);
  return type === 'merge' ? { type, by: 'Co-facilitator', into: pick(ids, random) } : { type, by: pick(['Co-facilitator A', 'Co-facilitator B', 'EU'], random) };
}

/** One random action on one replica; returns false if it was (rightly) refused. */
function randomAction(doc: Y.Doc, random: () => number): boolean {
  const ids = allProposals(doc).map((proposal) => proposal.id);
  const roll = random();
  try {
    if (ids.length === 0 || roll < 0.2) {
      const proposers = [pick(codes, random), ...(random() < 0.3 ? [pick(codes, random)] : [])];
      createProposal(doc, { kind: pick(proposalKinds, random), proposers, round: 1 + Math.floor(random() * 3), paragraphId: `para-${Math.floor(random() * 5)}` });
    } else if (roll < 0.55) {
      const change = pick([addSupporter, addOpponent, addSupporter, addOpponent, removeSupporter, removeOpponent], random);
      change(doc, pick(ids, random), pick(codes, random));
    } else if (roll < 0.95) {
      decide(doc, pick(ids, random), randomDecision(ids, random));
    } else {
      setProposalNote(doc, pick(ids, random), `note ${Math.floor(random() * 100)}`);
    }
    return true;
  } catch (error) {
    if (!(error instanceof ZeroDraftError)) throw error;
    return false;
  }
}

describe('proposal records under random concurrent use', () => {
  it('converge to the same proposals on every replica (seeded, shuffled and delayed delivery)', () => {
    let conflictsSeen = 0;
    let actions = 0;
    for (let seed = 1; seed <= 60; seed += 1) {
      const random = seededRandom(seed);
      const net = network(3 + Math.floor(random() * 3));
      for (let step = 0; step < 80; step += 1) {
        if (randomAction(pick(net.docs, random), random)) actions += 1;
        const deliveries = Math.floor(random() * 4);
        for (let delivery = 0; delivery < deliveries; delivery += 1) deliverOne(net, random);
      }
      while (net.inboxes.some((inbox) => inbox.length > 0)) deliverOne(net, random);

      const expected = allProposals(net.docs[0]!);
      for (const doc of net.docs) expect(allProposals(doc), `seed ${seed}`).toEqual(expected);
      const fresh = replica();
      Y.applyUpdate(fresh, Y.encodeStateAsUpdate(net.docs[1]!));
      expect(allProposals(fresh), `seed ${seed}`).toEqual(expected);
      for (const proposal of expected) {
        expect(statuses).toContain(proposal.status);
        expect(proposal.proposers.filter((code) => proposal.supporters.includes(code) || proposal.opponents.includes(code)), `seed ${seed}`).toEqual([]);
        if (proposal.status === 'merged') expect(expected.map((other) => other.id)).toContain(proposal.mergedInto);
        if (proposal.status === 'conflict') conflictsSeen += 1;
      }
    }
    expect(actions).toBeGreaterThan(60 * 40);
    expect(conflictsSeen).toBeGreaterThan(0);
  });
});
