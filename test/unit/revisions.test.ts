// Named revisions as Yjs snapshots, rounds, and the comparison of two revisions on their texts.
import { describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { ZeroDraftError } from '../../shared/api/errors';
import { documentLayout, negotiationDocOptions } from '../../shared/domain/documentLayout';
import { allProposals, createProposal, decide } from '../../shared/domain/proposals';
import { addInformalRound, closeRound, currentRound, findRevision, listRevisions, revisionDoc, saveRevision, setCurrentRound } from '../../shared/domain/revisions';
import { negotiationSchema } from '../../shared/schema/negotiationSchema';
import { compareNegotiations } from '../../shared/schema/revisionComparison';
import { seedSample } from '../../electron/services/negotiationSeed';
import { textsUnder } from '../../shared/domain/proposalKnowledge';

function sampleNegotiation(): Y.Doc {
  const doc = new Y.Doc(negotiationDocOptions);
  seedSample(doc);
  return doc;
}

function textOf(doc: Y.Doc): string {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(documentLayout.draft), negotiationSchema).textContent;
}

function paragraphElements(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'paragraph') found.push(child);
      visit(child);
    }
  };
  visit(doc.getXmlFragment(documentLayout.draft));
  return found;
}

describe('revisions', () => {
  it('saves named snapshots and restores each as it was, proposals and all', () => {
    const doc = sampleNegotiation();
    const zero = saveRevision(doc, { name: 'Zero draft', date: '2018-02-05', note: 'Issued to Member States' });
    const before = textOf(doc);
    const proposalsBefore = allProposals(doc).length;
    const firstText = textsUnder(doc.getXmlFragment(documentLayout.draft)).find((text) => text.length > 20)!;
    firstText.insert(0, 'CHANGED ');
    createProposal(doc, { kind: 'add', proposers: ['EU'], round: 1, paragraphId: null });
    const rev1 = saveRevision(doc, { name: 'Rev 1', date: '2018-03-05' });
    firstText.insert(0, 'AGAIN ');
    expect(listRevisions(doc).map((revision) => revision.name)).toEqual(['Zero draft', 'Rev 1']);
    expect(findRevision(doc, 'rev 1').id).toBe(rev1.id);
    expect(findRevision(doc, zero.id)).toMatchObject({ name: 'Zero draft', date: '2018-02-05', note: 'Issued to Member States', round: null });
    const zeroDoc = revisionDoc(doc, 'Zero draft');
    expect(textOf(zeroDoc)).toBe(before);
    expect(allProposals(zeroDoc)).toHaveLength(proposalsBefore);
    const rev1Doc = revisionDoc(doc, 'Rev 1');
    expect(textOf(rev1Doc)).toContain('CHANGED ');
    expect(textOf(rev1Doc)).not.toContain('AGAIN ');
    expect(allProposals(rev1Doc)).toHaveLength(proposalsBefore + 1);
    // A restored copy is a separate document: changing it leaves the negotiation alone.
    textsUnder(rev1Doc.getXmlFragment(documentLayout.draft))[0]!.insert(0, 'SCRATCH');
    expect(textOf(doc)).not.toContain('SCRATCH');
  });

  it('keeps revisions through a round trip to a fresh replica (they sync)', () => {
    const doc = sampleNegotiation();
    saveRevision(doc, { name: 'Zero draft', date: '2018-02-05' });
    paragraphElements(doc)[0]!.delete(0, 1);
    const replica = new Y.Doc(negotiationDocOptions);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(textOf(revisionDoc(replica, 'Zero draft'))).toBe(textOf(revisionDoc(doc, 'Zero draft')));
  });

  it('refuses an empty or duplicate name, a bad date, and names the revisions there are for an unknown one', () => {
    const doc = sampleNegotiation();
    saveRevision(doc, { name: 'Rev 1', date: '2018-03-05' });
    const attempts: [() => unknown, string, RegExp][] = [
      [() => saveRevision(doc, { name: '  ' }), 'invalid-argument', /name/],
      [() => saveRevision(doc, { name: 'REV 1' }), 'already-exists', /already a revision named "REV 1"/],
      [() => saveRevision(doc, { name: 'Rev 2', date: '5 March' }), 'invalid-argument', /YYYY-MM-DD/],
      [() => revisionDoc(doc, 'Rev 9'), 'not-found', /no revision named "Rev 9".*"Rev 1"/],
    ];
    for (const [attempt, code, message] of attempts) {
      let caught: unknown;
      try { attempt(); } catch (error) { caught = error; }
      expect(caught).toBeInstanceOf(ZeroDraftError);
      expect((caught as ZeroDraftError).code).toBe(code);
      expect((caught as ZeroDraftError).message).toMatch(message);
    }
    expect(listRevisions(doc)).toHaveLength(1);
  });

  it('closes a round as a revision, moves to the next round, and adds informal rounds', () => {
    const doc = sampleNegotiation();
    expect(currentRound(doc)).toBe(1);
    const revision = closeRound(doc, { name: 'Rev 1', round: 1, date: '2018-03-05' });
    expect(revision.round).toBe(1);
    expect(currentRound(doc)).toBe(2);
    setCurrentRound(doc, 6);
    const informal = addInformalRound(doc, '2018-07');
    expect(informal).toBe(7);
    setCurrentRound(doc, 7);
    expect(currentRound(doc)).toBe(7);
    expect(() => setCurrentRound(doc, 12)).toThrow(/not in the process calendar/);
  });

  it('compares two revisions: inserted, deleted and moved paragraphs, and the renumbering map from stable ids', () => {
    const doc = sampleNegotiation();
    saveRevision(doc, { name: 'Zero draft', date: '2018-02-05' });
    const paragraphs = paragraphElements(doc);
    const [first, second] = [paragraphs[0]!, paragraphs[1]!];
    const firstId = String(first.getAttribute('id'));
    const secondId = String(second.getAttribute('id'));
    // Delete the first paragraph; a decided proposal stays only in the records.
    (first.parent as Y.XmlElement).delete((first.parent as Y.XmlElement).toArray().indexOf(first), 1);
    const proposal = allProposals(doc).find((candidate) => candidate.status === 'pending');
    if (proposal !== undefined) decide(doc, proposal.id, { type: 'reject', by: 'Co-facilitators' });
    saveRevision(doc, { name: 'Rev 1', date: '2018-03-05' });
    const oldText = yXmlFragmentToProseMirrorRootNode(revisionDoc(doc, 'Zero draft').getXmlFragment(documentLayout.draft), negotiationSchema);
    const newText = yXmlFragmentToProseMirrorRootNode(revisionDoc(doc, 'Rev 1').getXmlFragment(documentLayout.draft), negotiationSchema);
    const comparison = compareNegotiations(oldText, newText);
    const deleted = comparison.blocks.find((block) => block.id === firstId)!;
    expect(deleted.change).toBe('deleted');
    const renumbered = comparison.blocks.find((block) => block.id === secondId)!;
    expect(renumbered).toMatchObject({ oldNumber: 2, newNumber: 1, renumbered: true });
  });
});
