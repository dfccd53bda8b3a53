// Shared pieces of the sync tests: a real sync server on 127.0.0.1 in a temp folder, tokens,
// workspaces connected to it, and the comparison of two replicas (random edits: ../fixtures/syncEdits.ts).
import { join } from 'node:path';
import type * as Y from 'yjs';
import { expect } from 'vitest';
import { allSharedSources } from '../../shared/domain/librarySharedState';
import { allLinks } from '../../shared/domain/links';
import { allProposals } from '../../shared/domain/proposals';
import { negotiationText } from '../../electron/services/negotiationReader';
import { connectWorkspace, createJoiningWorkspace, type WorkspaceSync } from '../../electron/services/syncClient';
import type { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { startSyncServer, type SyncLogEvent, type SyncServer, type SyncServerOptions } from '../../electron/sync/syncServer';
import type { TokenAccess } from '../../electron/sync/syncStore';
import { normalizedJson } from '../unit/negotiationTestKit';

export { paragraphTexts, randomEdit } from '../fixtures/syncEdits';

/** The room every test uses. */
export const room = 'gcm-2018';

/** A server on 127.0.0.1 whose log events are collected in `events`. */
export interface TestServer { server: SyncServer; events: SyncLogEvent[] }

/** Starts a server on 127.0.0.1 (port 0 unless given) with its data in `dataDirectory`. */
export async function startTestServer(dataDirectory: string, options: Partial<SyncServerOptions> = {}): Promise<TestServer> {
  const events: SyncLogEvent[] = [];
  const server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDirectory, log: (event) => events.push(event), ...options });
  return { server, events };
}

/** Creates the test room (if missing) and issues a token; returns the raw token and its id. */
export function issueToken(server: SyncServer, person: string, access: TokenAccess = 'read-write', expiresAt: Date | null = null): { token: string; id: string } {
  if (!server.store.hasRoom(room)) server.store.createRoom(room);
  const { token, record } = server.store.issueToken(room, person, access, expiresAt);
  return { token, id: record.id };
}

/** Connects a workspace to the test room with a fast reconnect. */
export function connect(document: WorkspaceDocument, url: string, token: string): WorkspaceSync {
  return connectWorkspace(document, { url, room, token, user: { name: 'Tester', color: '#1f77b4' }, reconnectDelayMilliseconds: 100 });
}

/** A workspace with an empty Y.Doc (a new machine joining a negotiation from the server). */
export function emptyWorkspace(folder: string, name: string): WorkspaceDocument {
  return createJoiningWorkspace(join(folder, `${name}.zdraft`));
}

/** Waits until `condition` holds, polling every 20 ms; fails after `timeout` ms. */
export async function waitFor(condition: () => boolean, timeout = 10_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Rejects after `milliseconds` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Timed out after ${milliseconds} ms: ${what}`)), milliseconds))]);
}

/** Everything two replicas must agree on: the text (marks sorted), proposal records, links, library. */
export function negotiationSnapshot(doc: Y.Doc): unknown {
  return {
    text: normalizedJson(negotiationText(doc)),
    proposals: allProposals(doc),
    links: allLinks(doc),
    library: allSharedSources(doc).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Expects two replicas to hold the same negotiation. */
export function expectSameNegotiation(a: Y.Doc, b: Y.Doc): void {
  expect(negotiationSnapshot(a)).toEqual(negotiationSnapshot(b));
}

