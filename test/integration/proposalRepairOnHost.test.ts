// The host (the authoritative replica) repairs what edits made at once on two replicas did to a
// proposal, and stores the repair: words typed into a range being deleted leave the deletion.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedSample } from '../../electron/services/negotiationSeed';
import { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { documentLayout, negotiationDocOptions } from '../../shared/domain/documentLayout';
import { recordDeletionKnowledge, textsUnder } from '../../shared/domain/proposalKnowledge';
import { lateProposalId, proposalMarkKey } from '../../shared/domain/proposalIntegrity';
import { createProposal, decide, readProposal } from '../../shared/domain/proposals';
import { useTemporaryFolders } from './testFolders';

const temporaryFolder = useTemporaryFolders();

function replicaOf(document: WorkspaceDocument, clientID: number): Y.Doc {
  const doc = new Y.Doc(negotiationDocOptions);
  doc.clientID = clientID;
  Y.applyUpdate(doc, document.encodeState());
  return doc;
}

/** The text of the first paragraph long enough to edit, in a replica. */
function firstLongText(doc: Y.Doc): Y.XmlText {
  return textsUnder(doc.getXmlFragment(documentLayout.draft)).find((text) => text.length > 40)!;
}

/** Which characters of a text carry a given format key, as a string of the text itself. */
function textWith(text: Y.XmlText, key: string): string {
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
    .filter((op) => typeof op.insert === 'string' && op.attributes?.[key] !== undefined)
    .map((op) => op.insert as string).join('');
}

async function idle(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('proposal repair on the host', () => {
  it('takes a concurrent deletion off words typed inside it, stores the repair, and keeps it after reopening', async () => {
    const path = join(temporaryFolder(), 'negotiation.zdraft');
    const document = WorkspaceDocument.create(path, seedSample);
    document.watchIntegrity();
    const deleting = replicaOf(document, 101);
    const typing = replicaOf(document, 102);
    const stopRecording = recordDeletionKnowledge(deleting);
    const key = proposalMarkKey('deletion', 'p-test');
    // One replica proposes to delete the first 30 characters of a paragraph...
    createProposal(deleting, { kind: 'delete', proposers: ['EU'], round: 1, paragraphId: null }, null, { id: 'p-test' });
    const original = firstLongText(deleting).toString().slice(0, 30);
    firstLongText(deleting).format(0, 30, { [key]: { pid: 'p-test' } });
    // ...while the other types inside those 30 characters, not knowing.
    firstLongText(typing).insert(10, 'TYPED');
    document.applyUpdate(Y.encodeStateAsUpdate(deleting, Y.encodeStateVector(document.doc)), 'deleting');
    document.applyUpdate(Y.encodeStateAsUpdate(typing, Y.encodeStateVector(document.doc)), 'typing');
    // As Yjs merges them, the typed words sit inside the deletion...
    expect(textWith(firstLongText(document.doc), key)).toContain('TYPED');
    await idle();
    // ...until the host's repair, right after, takes it off them.
    expect(textWith(firstLongText(document.doc), key)).toBe(original);
    expect(firstLongText(document.doc).toString()).toContain('TYPED');
    // Both replicas get the repair and agree with the host.
    for (const replica of [deleting, typing]) {
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(document.doc, Y.encodeStateVector(replica)));
      expect(textWith(firstLongText(replica), key)).toBe(original);
    }
    stopRecording();
    document.close();
    const reopened = WorkspaceDocument.open(path);
    expect(textWith(firstLongText(reopened.doc), key)).toBe(original);
    reopened.close();
  });

  it('moves words added to a proposal while it was being accepted elsewhere to a new pending proposal', async () => {
    const path = join(temporaryFolder(), 'negotiation.zdraft');
    const document = WorkspaceDocument.create(path, seedSample);
    document.watchIntegrity();
    const typing = replicaOf(document, 201);
    const key = proposalMarkKey('insertion', 'p-late');
    createProposal(typing, { kind: 'add', proposers: ['MEX'], round: 2, paragraphId: null }, null, { id: 'p-late' });
    firstLongText(typing).insert(0, 'first words ', { [key]: { pid: 'p-late' } });
    document.applyUpdate(Y.encodeStateAsUpdate(typing, Y.encodeStateVector(document.doc)), 'typing');
    const deciding = replicaOf(document, 202);
    // The co-facilitator accepts what they see while the delegation's words go on arriving.
    decide(deciding, 'p-late', { type: 'accept', by: 'Co-facilitators' });
    firstLongText(typing).insert(12, 'late words ', { [key]: { pid: 'p-late' } });
    document.applyUpdate(Y.encodeStateAsUpdate(deciding, Y.encodeStateVector(document.doc)), 'deciding');
    document.applyUpdate(Y.encodeStateAsUpdate(typing, Y.encodeStateVector(document.doc)), 'typing');
    await idle();
    const late = lateProposalId('p-late');
    expect(textWith(firstLongText(document.doc), key)).toBe('first words ');
    expect(textWith(firstLongText(document.doc), proposalMarkKey('insertion', late))).toBe('late words ');
    expect(readProposal(document.doc, 'p-late')?.status).toBe('accepted');
    expect(readProposal(document.doc, late)).toMatchObject({ status: 'pending', proposers: ['MEX'], round: 2 });
    document.close();
  });
});
