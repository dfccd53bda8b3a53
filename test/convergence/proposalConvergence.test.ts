// @vitest-environment jsdom
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { documentLayout, negotiationDocOptions } from '../../shared/domain/documentLayout';
import { allProposals, decide, readProposal } from '../../shared/domain/proposals';
import { negotiationSchema as schema } from '../../shared/schema/negotiationSchema';
import { seededRandom } from '../../shared/seededRandom';
import { createNegotiationEditor } from '../../renderer/editor/createNegotiationEditor';
import { setProposalMode } from '../../renderer/editor/proposalModePlugin';
import { decideAtCursor, decideProposal, goToProposal, proposeMove } from '../../renderer/editor/proposalCommands';
import { moveBlockDown } from '../../renderer/editor/negotiationCommands';
import { chainCommands } from 'prosemirror-commands';
import { normalizedJson, sampleDoc } from '../unit/negotiationTestKit';
import { lateProposalId, proposalMarkKey, repairProposalMarks } from '../../shared/domain/proposalIntegrity';
import { proposalView } from '../../shared/schema/proposalViews';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

interface Replica { doc: Y.Doc; view: EditorView; inbox: Uint8Array[] }

const delegations = ['EU', 'G77', 'MEX', 'NOR', 'CHN'];

function network(count: number, clientSeed: number): Replica[] {
  const origin = new Y.Doc(negotiationDocOptions);
  prosemirrorToYXmlFragment(sampleDoc(), origin.getXmlFragment(documentLayout.draft));
  const state = Y.encodeStateAsUpdate(origin);
  const replicas: Replica[] = [];
  for (let index = 0; index < count; index += 1) {
    const doc = new Y.Doc(negotiationDocOptions);
    doc.clientID = clientSeed * 10 + index + 1;
    Y.applyUpdate(doc, state, 'network');
    const replica: Replica = { doc, view: createNegotiationEditor(document.createElement('div'), doc), inbox: [] };
    replicas.push(replica);
  }
  for (const replica of replicas) {
    replica.doc.on('update', (update: Uint8Array, source: unknown) => {
      if (source === 'network') return;
      for (const other of replicas) if (other !== replica) other.inbox.push(update);
    });
  }
  return replicas;
}

function deliver(random: () => number, replica: Replica, all: boolean): void {
  while (replica.inbox.length > 0 && (all || random() < 0.5)) {
    const index = Math.floor(random() * replica.inbox.length);
    Y.applyUpdate(replica.doc, replica.inbox.splice(index, 1)[0]!, 'network');
  }
}

/** A random cursor or range inside a random numbered block's text. */
function randomRange(random: () => number, view: EditorView): { from: number; to: number } | null {
  const blocks: { pos: number; size: number }[] = [];
  view.state.doc.descendants((node, pos) => {
    if (node.type === schema.nodes.paragraph || node.type === schema.nodes.subparagraph) blocks.push({ pos, size: node.content.size });
    return !node.isTextblock;
  });
  const block = blocks[Math.floor(random() * blocks.length)];
  if (block === undefined) return null;
  const start = Math.floor(random() * (block.size + 1));
  const length = Math.floor(random() * Math.min(6, block.size - start + 1));
  return { from: block.pos + 1 + start, to: block.pos + 1 + start + length };
}

function randomAction(random: () => number, replica: Replica): void {
  const { view, doc } = replica;
  const roll = random();
  if (roll < 0.15) {
    const code = delegations[Math.floor(random() * delegations.length)]!;
    view.dispatch(setProposalMode(view.state, random() < 0.15 ? null : { proposers: [code], onBehalfOf: null, round: 1 }));
    return;
  }
  if (roll < 0.3) {
    const open = allProposals(doc).filter((proposal) => proposal.status === 'pending' || proposal.status === 'conflict');
    const proposal = open[Math.floor(random() * open.length)];
    if (proposal !== undefined) decide(doc, proposal.id, { type: (['accept', 'reject', 'withdraw'] as const)[Math.floor(random() * 3)]!, by: 'Co-facilitators' });
    return;
  }
  const range = randomRange(random, view);
  if (range === null) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)));
  if (roll < 0.65) view.dispatch(view.state.tr.insertText(['migrants', ' safe', 'orderly ', 'regular'][Math.floor(random() * 4)]!));
  else if (range.to > range.from) view.dispatch(view.state.tr.deleteSelection());
}

describe('proposals converge across replicas', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}: replicas proposing, deciding and typing with shuffled delivery end with the same text and records`, () => {
      const random = seededRandom(seed);
      const replicas = network(3 + (seed % 3), seed);
      for (let step = 0; step < 200; step += 1) {
        const replica = replicas[Math.floor(random() * replicas.length)]!;
        randomAction(random, replica);
        if (random() < 0.3) deliver(random, replicas[Math.floor(random() * replicas.length)]!, false);
        // Any replica may repair proposals (the host does); several at once must still converge.
        if (random() < 0.1) repairProposalMarks(replicas[Math.floor(random() * replicas.length)]!.doc);
      }
      const settle = (): void => {
        while (replicas.some((replica) => replica.inbox.length > 0)) for (const replica of replicas) deliver(random, replica, true);
      };
      settle();
      for (const replica of replicas) repairProposalMarks(replica.doc);
      settle();
      // After delivery, nothing is left to repair anywhere.
      for (const replica of replicas) expect(repairProposalMarks(replica.doc)).toBe(0);
      const reference = replicas[0]!;
      for (const replica of replicas.slice(1)) {
        expect(normalizedJson(replica.view.state.doc)).toEqual(normalizedJson(reference.view.state.doc));
        expect(allProposals(replica.doc)).toEqual(allProposals(reference.doc));
      }
      // Proposals were made and decided, and every proposal mark in the text has its record.
      const proposals = allProposals(reference.doc);
      expect(proposals.length).toBeGreaterThan(5);
      expect(proposals.some((proposal) => proposal.status !== 'pending')).toBe(true);
      let marks = 0;
      reference.view.state.doc.descendants((node) => {
        for (const mark of node.marks) {
          if (mark.type !== schema.marks.insertion && mark.type !== schema.marks.deletion) continue;
          marks += 1;
          expect(readProposal(reference.doc, String(mark.attrs.pid))).not.toBeNull();
        }
        return true;
      });
      expect(marks).toBeGreaterThan(0);
      for (const replica of replicas) replica.view.destroy();
    });
  }

  it('accepts or rejects the proposal at the cursor from the keyboard command', () => {
    const [a] = network(1, 7) as [Replica];
    a.view.dispatch(setProposalMode(a.view.state, { proposers: ['NOR'], onBehalfOf: null, round: 2 }));
    let end = -1;
    a.view.state.doc.descendants((node, pos) => { if (end < 0 && node.type === schema.nodes.paragraph) end = pos + 1 + node.content.size; return end < 0; });
    a.view.dispatch(a.view.state.tr.insertText(' proposed by Norway', end));
    const pid = allProposals(a.doc)[0]!.id;
    expect(readProposal(a.doc, pid)).toMatchObject({ proposers: ['NOR'], round: 2, status: 'pending' });
    const inside = a.view.state.selection.from - 3;
    a.view.dispatch(a.view.state.tr.setSelection(TextSelection.create(a.view.state.doc, inside)));
    expect(decideAtCursor('accept')(a.view.state, a.view.dispatch, a.view)).toBe(true);
    expect(readProposal(a.doc, pid)?.status).toBe('accepted');
    expect(decideAtCursor('reject')(a.view.state, a.view.dispatch, a.view)).toBe(false);
    a.view.destroy();
  });

  it('goes to the next and previous open proposal, and withdraws the one at the cursor, from the keyboard commands', () => {
    const [a] = network(1, 8) as [Replica];
    a.view.dispatch(setProposalMode(a.view.state, { proposers: ['CHE'], onBehalfOf: null, round: 1 }));
    a.view.dispatch(a.view.state.tr.insertText(' first', positionOf(a.view, 'Bravo two') + 9));
    a.view.dispatch(setProposalMode(a.view.state, { proposers: ['NOR'], onBehalfOf: null, round: 1 }));
    a.view.dispatch(a.view.state.tr.insertText(' second', positionOf(a.view, 'Echo five') + 9));
    const first = allProposals(a.doc).find((proposal) => proposal.proposers[0] === 'CHE');
    const second = allProposals(a.doc).find((proposal) => proposal.proposers[0] === 'NOR');
    a.view.dispatch(a.view.state.tr.setSelection(TextSelection.create(a.view.state.doc, 1)));
    const run = (command: ReturnType<typeof goToProposal>): boolean => command(a.view.state, a.view.dispatch, a.view);
    const pidAtCursor = (): string | undefined => a.view.state.selection.$from.nodeAfter?.marks.find((mark) => mark.type.name === 'insertion')?.attrs.pid as string | undefined;
    expect(run(goToProposal(1))).toBe(true);
    expect(pidAtCursor()).toBe(first!.id);
    expect(run(goToProposal(1))).toBe(true);
    expect(pidAtCursor()).toBe(second!.id);
    expect(run(goToProposal(1))).toBe(false);
    expect(run(goToProposal(-1))).toBe(true);
    expect(pidAtCursor()).toBe(first!.id);
    expect(decideAtCursor('withdraw')(a.view.state, a.view.dispatch, a.view)).toBe(true);
    expect(readProposal(a.doc, first!.id)?.status).toBe('withdrawn');
    // A decided proposal is no longer a stop on the way.
    a.view.dispatch(a.view.state.tr.setSelection(TextSelection.create(a.view.state.doc, 1)));
    expect(run(goToProposal(1))).toBe(true);
    expect(pidAtCursor()).toBe(second!.id);
    a.view.destroy();
  });

  it('a concurrent accept and reject of one replacement is a visible conflict, and the text keeps both the old and the new words', () => {
    const [a, b] = network(2, 9) as [Replica, Replica];
    a.view.dispatch(setProposalMode(a.view.state, { proposers: ['EU'], onBehalfOf: null, round: 1 }));
    let start = -1;
    a.view.state.doc.descendants((node, pos) => { if (node.isText && start < 0 && node.text!.includes('three')) start = pos + node.text!.indexOf('three'); return start < 0; });
    a.view.dispatch(a.view.state.tr.setSelection(TextSelection.create(a.view.state.doc, start, start + 5)));
    a.view.dispatch(a.view.state.tr.insertText('3'));
    deliver(seededRandom(1), b, true);
    const pid = allProposals(b.doc)[0]!.id;
    decide(a.doc, pid, { type: 'accept', by: 'Co-facilitator A' });
    decide(b.doc, pid, { type: 'reject', by: 'Co-facilitator B' });
    deliver(seededRandom(1), a, true);
    deliver(seededRandom(1), b, true);
    expect(readProposal(a.doc, pid)?.status).toBe('conflict');
    expect(readProposal(b.doc, pid)?.status).toBe('conflict');
    expect(normalizedJson(a.view.state.doc)).toEqual(normalizedJson(b.view.state.doc));
    // Both the deleted and the inserted words stay in the text: the conflict is in the record only.
    expect(a.view.state.doc.textContent).toContain('three3');
    a.view.destroy();
    b.view.destroy();
  });
});

describe('proposed moves', () => {
  it('records Alt+Down in proposal mode as a move proposal, leaves the text, and moves the paragraph only when accepted, on every replica', () => {
    const [a, b] = network(2, 11) as [Replica, Replica];
    const paragraphTexts = (view: EditorView): string[] => {
      const texts: string[] = [];
      view.state.doc.descendants((node) => { if (node.type === schema.nodes.paragraph) texts.push(node.textContent); return !node.isTextblock; });
      return texts;
    };
    const before = paragraphTexts(a.view);
    let charlie = -1;
    a.view.state.doc.descendants((node, pos) => { if (charlie < 0 && node.type === schema.nodes.paragraph && node.textContent === 'Alpha one') charlie = pos + 2; return charlie < 0; });
    a.view.dispatch(a.view.state.tr.setSelection(TextSelection.create(a.view.state.doc, charlie)));
    a.view.dispatch(setProposalMode(a.view.state, { proposers: ['MEX'], onBehalfOf: null, round: 3 }));
    expect(chainCommands(proposeMove(1), moveBlockDown)(a.view.state, a.view.dispatch, a.view)).toBe(true);
    expect(paragraphTexts(a.view)).toEqual(before);
    const move = allProposals(a.doc).find((proposal) => proposal.kind === 'move')!;
    expect(move).toMatchObject({ proposers: ['MEX'], round: 3, status: 'pending', moveTarget: { afterId: expect.any(String) } });
    deliver(seededRandom(2), b, true);
    decideProposal(b.doc, move.id, { type: 'accept', by: 'Co-facilitators' });
    deliver(seededRandom(2), a, true);
    expect(paragraphTexts(a.view).slice(0, 2)).toEqual(['Bravo two', 'Alpha one']);
    expect(normalizedJson(a.view.state.doc)).toEqual(normalizedJson(b.view.state.doc));
    expect(readProposal(a.doc, move.id)?.status).toBe('accepted');
    a.view.destroy();
    b.view.destroy();
  });
});

/** The text of a document's runs carrying a given mark type with a given pid. */
function markedText(doc: ProseMirrorNode, type: 'insertion' | 'deletion', pid: string): string {
  let text = '';
  doc.descendants((node) => {
    if (node.isText && node.marks.some((mark) => mark.type.name === type && mark.attrs.pid === pid)) text += node.text;
    return true;
  });
  return text;
}

function positionOf(view: EditorView, text: string): number {
  let found = -1;
  view.state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return found < 0;
  });
  expect(found).toBeGreaterThan(0);
  return found;
}

function exchange(replicas: Replica[]): void {
  const random = seededRandom(5);
  while (replicas.some((replica) => replica.inbox.length > 0)) for (const replica of replicas) deliver(random, replica, true);
}

describe('proposals keep their meaning under concurrent edits (proposals-design.md traps)', () => {
  it("names proposal marks exactly as y-prosemirror stores them in Yjs", () => {
    const [a] = network(1, 21) as [Replica];
    a.view.dispatch(setProposalMode(a.view.state, { proposers: ['EU'], onBehalfOf: null, round: 1 }));
    a.view.dispatch(a.view.state.tr.insertText(' proposed', positionOf(a.view, 'three') + 5));
    const pid = allProposals(a.doc)[0]!.id;
    const keys = new Set<string>();
    const visit = (type: Y.XmlElement | Y.XmlFragment): void => {
      for (const child of type.toArray()) {
        if (child instanceof Y.XmlText) for (const op of child.toDelta() as { attributes?: Record<string, unknown> }[]) for (const key of Object.keys(op.attributes ?? {})) keys.add(key);
        else if (child instanceof Y.XmlElement) visit(child);
      }
    };
    visit(a.doc.getXmlFragment(documentLayout.draft));
    expect(keys).toContain(proposalMarkKey('insertion', pid));
    a.view.destroy();
  });

  it('words typed inside a range another replica is deleting at the same time do not join the deletion', () => {
    const [a, b] = network(2, 23) as [Replica, Replica];
    a.view.dispatch(setProposalMode(a.view.state, { proposers: ['G77'], onBehalfOf: null, round: 1 }));
    // Replica A proposes to delete "Charlie three"...
    const start = positionOf(a.view, 'Charlie three');
    a.view.dispatch(a.view.state.tr.setSelection(TextSelection.create(a.view.state.doc, start, start + 13)));
    a.view.dispatch(a.view.state.tr.deleteSelection());
    const pid = allProposals(a.doc)[0]!.id;
    const deleted = markedText(a.view.state.doc, 'deletion', pid);
    expect(deleted).toBe('Charlie three');
    // ...while replica B, not having seen it, types inside that range (drafting, no proposal).
    b.view.dispatch(b.view.state.tr.insertText('TYPED', positionOf(b.view, 'three') + 3));
    exchange([a, b]);
    // The trap, as Yjs leaves it: the typed words inherit the deletion on every replica.
    expect(markedText(a.view.state.doc, 'deletion', pid)).toContain('TYPED');
    // The host's repair (any replica) takes the deletion off the words it was never made for.
    expect(repairProposalMarks(a.doc)).toBeGreaterThan(0);
    exchange([a, b]);
    for (const replica of [a, b]) {
      expect(markedText(replica.view.state.doc, 'deletion', pid)).toBe(deleted);
      expect(replica.view.state.doc.textContent).toContain('thrTYPEDee');
    }
    expect(normalizedJson(a.view.state.doc)).toEqual(normalizedJson(b.view.state.doc));
    // Accepting the deletion removes exactly the proposed words and keeps the typed ones.
    decide(b.doc, pid, { type: 'accept', by: 'Co-facilitators' });
    exchange([a, b]);
    const accepted = proposalView(a.view.state.doc, new Map(allProposals(a.doc).map((proposal) => [proposal.id, proposal])), 'clean');
    expect(accepted.textContent).toContain('TYPED');
    expect(accepted.textContent).not.toContain(deleted);
    expect(repairProposalMarks(b.doc)).toBe(0);
    a.view.destroy();
    b.view.destroy();
  });

  it('words added to a proposal while another replica decides it become a new pending proposal, not decided unseen', () => {
    const [a, b] = network(2, 25) as [Replica, Replica];
    a.view.dispatch(setProposalMode(a.view.state, { proposers: ['EU'], onBehalfOf: 'EU', round: 2 }));
    a.view.dispatch(a.view.state.tr.insertText(' and reviewed', positionOf(a.view, 'three') + 5));
    const pid = allProposals(a.doc)[0]!.id;
    exchange([a, b]);
    // B accepts the proposal as it saw it; A, not knowing, goes on typing into it.
    decide(b.doc, pid, { type: 'accept', by: 'Co-facilitators' });
    a.view.dispatch(a.view.state.tr.insertText(' annually'));
    expect(markedText(a.view.state.doc, 'insertion', pid)).toBe(' and reviewed annually');
    exchange([a, b]);
    expect(repairProposalMarks(b.doc)).toBeGreaterThan(0);
    exchange([a, b]);
    const late = lateProposalId(pid);
    for (const replica of [a, b]) {
      expect(markedText(replica.view.state.doc, 'insertion', pid)).toBe(' and reviewed');
      expect(markedText(replica.view.state.doc, 'insertion', late)).toBe(' annually');
      expect(readProposal(replica.doc, pid)?.status).toBe('accepted');
      expect(readProposal(replica.doc, late)).toMatchObject({ status: 'pending', proposers: ['EU'], onBehalfOf: 'EU', round: 2, kind: 'add' });
    }
    expect(normalizedJson(a.view.state.doc)).toEqual(normalizedJson(b.view.state.doc));
    // The clean text takes the accepted words only; the late ones wait for their own decision.
    const clean = proposalView(a.view.state.doc, new Map(allProposals(a.doc).map((proposal) => [proposal.id, proposal])), 'clean');
    expect(clean.textContent).toContain('three and reviewed');
    expect(clean.textContent).not.toContain('annually');
    // A's next words start their own proposal: the decided one is closed to them.
    a.view.dispatch(a.view.state.tr.insertText(' now'));
    expect(markedText(a.view.state.doc, 'insertion', pid)).toBe(' and reviewed');
    a.view.destroy();
    b.view.destroy();
  });
});
