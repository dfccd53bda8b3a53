// Sync through a real server on 127.0.0.1, with the Node side of the app as the client: a
// workspace joined from the server (empty, new machine) receives the whole negotiation; two
// workspaces that edit offline (hundreds of edits of every kind) converge on reconnection, and
// their files, reopened, hold the same negotiation.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspace } from '../../electron/services/sampleWorkspace';
import type { WorkspaceSync } from '../../electron/services/syncClient';
import { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { allSharedSources } from '../../shared/domain/librarySharedState';
import { allLinks } from '../../shared/domain/links';
import { allProposals } from '../../shared/domain/proposals';
import { seededRandom } from '../../shared/seededRandom';
import { useTemporaryFolders } from './testFolders';
import {
  connect, emptyWorkspace, expectSameNegotiation, issueToken, negotiationSnapshot, randomEdit, startTestServer, waitFor, within, type TestServer,
} from './syncTestKit';

const temporaryFolder = useTemporaryFolders();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverIn(folder: string): Promise<TestServer> {
  const started = await startTestServer(join(folder, 'server'));
  cleanups.push(() => started.server.stop());
  return started;
}

function tracked(document: WorkspaceDocument, sync: WorkspaceSync): WorkspaceSync {
  cleanups.push(() => {
    sync.disconnect();
    document.close();
  });
  return sync;
}

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

describe('sync: joining and converging through the server', () => {
  it('gives a workspace joined from the server (empty) the whole negotiation: text, proposals, links, library', async () => {
    const folder = temporaryFolder();
    const { server } = await serverIn(folder);
    const alice = createWorkspace(join(folder, 'alice.zdraft'), true);
    const aliceSync = tracked(alice, connect(alice, server.url, issueToken(server, 'Alice').token));
    await within(aliceSync.whenSynced(), 10_000, 'alice synced');
    expect(aliceSync.status).toBe('synced');

    const bob = emptyWorkspace(folder, 'bob');
    const bobSync = tracked(bob, connect(bob, server.url, issueToken(server, 'Bob').token));
    await within(bobSync.whenSynced(), 10_000, 'bob synced');
    expect(allProposals(bob.doc).length).toBeGreaterThan(0);
    expect(allLinks(bob.doc).length).toBeGreaterThan(0);
    expect(allSharedSources(bob.doc).length).toBeGreaterThan(0);
    expectSameNegotiation(alice.doc, bob.doc);
    // Received changes are in bob's file: reopened without the server, it holds the negotiation.
    const expected = negotiationSnapshot(alice.doc);
    bobSync.disconnect();
    bob.close();
    const reopened = WorkspaceDocument.open(bob.file.path);
    expect(negotiationSnapshot(reopened.doc)).toEqual(expected);
    reopened.close();
  });

  it('converges two workspaces after 500+ offline edits each (text, proposals, decisions, supporters, imports, links), also after reopening', { timeout: 120_000 }, async () => {
    const folder = temporaryFolder();
    const { server } = await serverIn(folder);
    const aliceToken = issueToken(server, 'Alice').token;
    const bobToken = issueToken(server, 'Bob').token;
    const alice = createWorkspace(join(folder, 'alice.zdraft'), true);
    let aliceSync = connect(alice, server.url, aliceToken);
    await within(aliceSync.whenSynced(), 10_000, 'alice synced');
    const bob = emptyWorkspace(folder, 'bob');
    let bobSync = connect(bob, server.url, bobToken);
    await within(bobSync.whenSynced(), 10_000, 'bob synced');
    aliceSync.disconnect();
    bobSync.disconnect();

    const before = { proposals: allProposals(alice.doc).length, links: allLinks(alice.doc).length, sources: allSharedSources(alice.doc).length };
    const aliceRandom = seededRandom(7);
    const bobRandom = seededRandom(11);
    for (let edit = 0; edit < 600; edit += 1) {
      randomEdit(aliceRandom, alice.doc, edit);
      randomEdit(bobRandom, bob.doc, 10_000 + edit);
    }
    // Every kind of edit happened on both sides while offline.
    for (const document of [alice, bob]) {
      expect(allProposals(document.doc).length).toBeGreaterThan(before.proposals + 50);
      expect(allProposals(document.doc).some((proposal) => proposal.decisions.length > 0 && proposal.createdAt > '2020')).toBe(true);
      expect(allLinks(document.doc).length).toBeGreaterThan(before.links + 10);
      expect(allSharedSources(document.doc).length).toBeGreaterThan(before.sources + 10);
    }
    expect(negotiationSnapshot(alice.doc)).not.toEqual(negotiationSnapshot(bob.doc));

    aliceSync = tracked(alice, connect(alice, server.url, aliceToken));
    bobSync = tracked(bob, connect(bob, server.url, bobToken));
    await within(Promise.all([aliceSync.whenSynced(), bobSync.whenSynced()]), 20_000, 'both synced');
    await waitFor(() => sameState(alice.doc, bob.doc), 20_000, 'alice and bob converged');
    expectSameNegotiation(alice.doc, bob.doc);
    const converged = negotiationSnapshot(alice.doc);

    aliceSync.disconnect();
    bobSync.disconnect();
    alice.close();
    bob.close();
    for (const path of [alice.file.path, bob.file.path]) {
      const reopened = WorkspaceDocument.open(path);
      expect(negotiationSnapshot(reopened.doc)).toEqual(converged);
      reopened.close();
    }
  });
});
