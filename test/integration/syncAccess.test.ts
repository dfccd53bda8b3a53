// Access and abuse: wrong, expired, revoked and other-room tokens are refused with a reason the
// client shows; a read-only token's edits reach neither the server nor the others; malformed and
// oversized messages close that connection while the server keeps serving the others; a flood of
// connections from one address is throttled; admin commands store only token hashes; the server
// command binds where told and logs JSON lines.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createWorkspace } from '../../electron/services/sampleWorkspace';
import type { WorkspaceSync } from '../../electron/services/syncClient';
import type { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { runSyncServerCommand } from '../../electron/sync/syncServerMain';
import { syncDatabaseName, tokenHash } from '../../electron/sync/syncStore';
import { repositoryRoot, useTemporaryFolders } from './testFolders';
import { connect, emptyWorkspace, issueToken, paragraphTexts, room, startTestServer, waitFor, within, type TestServer } from './syncTestKit';

const temporaryFolder = useTemporaryFolders();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverIn(folder: string, options: Parameters<typeof startTestServer>[1] = {}): Promise<TestServer> {
  const started = await startTestServer(join(folder, 'server'), options);
  cleanups.push(() => started.server.stop());
  return started;
}

function tracked(document: WorkspaceDocument, sync: WorkspaceSync): WorkspaceSync {
  cleanups.push(() => { sync.disconnect(); document.close(); });
  return sync;
}

/** Two synced workspaces, alice (read-write, the sample) and bob (empty, joined). */
async function twoClients(folder: string, server: TestServer['server']): Promise<{ alice: WorkspaceDocument; bob: WorkspaceDocument }> {
  const alice = createWorkspace(join(folder, 'alice.zdraft'), true);
  const bob = emptyWorkspace(folder, 'bob');
  const aliceSync = tracked(alice, connect(alice, server.url, issueToken(server, 'Alice').token));
  const bobSync = tracked(bob, connect(bob, server.url, issueToken(server, 'Bob').token));
  await within(Promise.all([aliceSync.whenSynced(), bobSync.whenSynced()]), 10_000, 'alice and bob synced');
  return { alice, bob };
}

/** Types a marker into alice's first paragraph and waits until bob has it. */
async function expectStillSyncing(alice: WorkspaceDocument, bob: WorkspaceDocument, marker: string): Promise<void> {
  const text = paragraphTexts(alice.doc)[0]!.text;
  text.insert(0, marker);
  await waitFor(() => paragraphTexts(bob.doc)[0]?.text.toString().includes(marker) === true, 5000, `bob receives ${marker}`);
}

/** The bytes of a Hocuspocus authentication message. */
function authMessage(token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** A Yjs sync "update" message carrying `payload` as the update. */
function updateMessage(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Opens a raw WebSocket, runs `send`, and resolves with the close code once the server closes it. */
function rawClient(url: string, send: (socket: WebSocket) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => send(socket));
    socket.on('error', () => undefined);
    socket.on('close', (code) => resolve(code));
    setTimeout(() => reject(new Error('the server did not close the connection')), 8000);
  });
}

describe('sync: tokens', () => {
  it('refuses unknown, expired, revoked and other-room tokens, and says why', async () => {
    const folder = temporaryFolder();
    const { server, events } = await serverIn(folder);
    const expired = issueToken(server, 'Expired', 'read-write', new Date(Date.now() - 1000)).token;
    const revoked = issueToken(server, 'Revoked');
    server.store.revokeToken(revoked.id);
    server.store.createRoom('another-room');
    const otherRoom = server.store.issueToken('another-room', 'Elsewhere', 'read-write', null).token;
    const cases: [string, string][] = [['zd1.not-a-token', 'token-unknown'], [expired, 'token-expired'], [revoked.token, 'token-revoked'], [otherRoom, 'token-wrong-room']];
    for (const [token, reason] of cases) {
      const document = emptyWorkspace(folder, reason);
      const sync = tracked(document, connect(document, server.url, token));
      await expect(within(sync.whenSynced(), 5000, reason)).rejects.toThrow(reason);
      expect(sync.status).toBe('error');
      expect(sync.reason).toBe(reason);
      // Nothing of the negotiation reached the refused client.
      expect(document.doc.getXmlFragment('draft').length).toBe(0);
    }
    const failures = events.filter((event) => event.event === 'auth-failed').map((event) => event.reason);
    expect(failures).toEqual(cases.map(([, reason]) => reason));
    // The log never holds a token.
    expect(JSON.stringify(events)).not.toContain('zd1.');
  });

  it('applies a read-only token\'s edits neither on the server nor on the other clients', async () => {
    const folder = temporaryFolder();
    const { server, events } = await serverIn(folder);
    const { alice, bob } = await twoClients(folder, server);
    const reader = emptyWorkspace(folder, 'reader');
    const readerSync = tracked(reader, connect(reader, server.url, issueToken(server, 'Reader', 'read-only').token));
    await within(readerSync.whenSynced(), 5000, 'reader synced');
    expect(readerSync.status).toBe('read-only');
    expect(paragraphTexts(reader.doc).length).toBe(paragraphTexts(alice.doc).length);

    paragraphTexts(reader.doc)[0]!.text.insert(0, 'READER-EDIT ');
    await expectStillSyncing(alice, bob, 'ALICE-EDIT ');
    // The reader still follows alice's changes; nobody got the reader's.
    await waitFor(() => paragraphTexts(reader.doc)[0]!.text.toString().includes('ALICE-EDIT'), 5000, 'reader follows alice');
    for (const document of [alice, bob]) expect(paragraphTexts(document.doc)[0]!.text.toString()).not.toContain('READER-EDIT');
    await waitFor(() => events.some((event) => event.event === 'edit-refused' && event.reason === 'read-only'), 5000, 'refusal logged');
    const stored = new Y.Doc({ gc: false });
    Y.applyUpdate(stored, server.store.roomState(room)!);
    expect(paragraphTexts(stored)[0]!.text.toString()).toContain('ALICE-EDIT');
    expect(paragraphTexts(stored)[0]!.text.toString()).not.toContain('READER-EDIT');
  });
});

describe('sync: revocation of a live connection', () => {
  it('closes a connection whose token is revoked while connected, refuses its edits, and tells the client why', async () => {
    const folder = temporaryFolder();
    const { server, events } = await serverIn(folder, { tokenRecheckMilliseconds: 100 });
    const { alice, bob } = await twoClients(folder, server);
    const leaver = emptyWorkspace(folder, 'leaver');
    const leaverToken = issueToken(server, 'Leaver');
    const leaverSync = tracked(leaver, connect(leaver, server.url, leaverToken.token));
    await within(leaverSync.whenSynced(), 5000, 'leaver synced');
    server.store.revokeToken(leaverToken.id);
    await new Promise((resolve) => setTimeout(resolve, 150));
    paragraphTexts(leaver.doc)[0]!.text.insert(0, 'AFTER-REVOCATION ');
    await waitFor(() => leaverSync.status === 'error', 5000, 'the leaver is refused');
    expect(leaverSync.reason).toBe('token-revoked');
    expect(events.some((event) => event.event === 'token-withdrawn' && event.reason === 'token-revoked')).toBe(true);
    await expectStillSyncing(alice, bob, 'STILL ');
    for (const document of [alice, bob]) expect(paragraphTexts(document.doc)[0]!.text.toString()).not.toContain('AFTER-REVOCATION');
  });
});

describe('sync: abuse', () => {
  it('closes a connection that sends malformed or oversized messages, and keeps serving the others', async () => {
    const folder = temporaryFolder();
    const { server, events } = await serverIn(folder, { maximumMessageBytes: 256 * 1024 });
    const { alice, bob } = await twoClients(folder, server);
    const attacker = issueToken(server, 'Attacker').token;

    // Garbage before authentication.
    await rawClient(server.url, (socket) => socket.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])));
    await expectStillSyncing(alice, bob, 'ONE ');
    // An authenticated connection sending an update that is not Yjs.
    const malformedCode = await rawClient(server.url, (socket) => {
      socket.send(authMessage(attacker));
      setTimeout(() => socket.send(updateMessage(new Uint8Array(100).fill(7))), 200);
    });
    expect(malformedCode).toBe(1007);
    expect(events.some((event) => event.event === 'message-rejected' && event.reason === 'malformed')).toBe(true);
    await expectStillSyncing(alice, bob, 'TWO ');
    // A message over the size cap.
    const oversizedCode = await rawClient(server.url, (socket) => {
      socket.send(authMessage(attacker));
      setTimeout(() => socket.send(updateMessage(new Uint8Array(400 * 1024))), 200);
    });
    expect(oversizedCode).toBe(1009);
    await expectStillSyncing(alice, bob, 'THREE ');
    expect(paragraphTexts(bob.doc)[0]!.text.toString()).toMatch(/^THREE TWO ONE /u);
  });

  it('throttles a flood of connections from one address', async () => {
    const folder = temporaryFolder();
    const { server, events } = await serverIn(folder, { connectionsPerMinute: 3 });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => new Promise<string>((resolve) => {
      const socket = new WebSocket(server.url);
      socket.on('open', () => { resolve('open'); socket.close(); });
      socket.on('unexpected-response', (_request, response) => { resolve(String(response.statusCode)); socket.terminate(); });
      socket.on('error', () => resolve('error'));
    })));
    expect(outcomes.filter((outcome) => outcome === 'open')).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome === '429')).toHaveLength(2);
    expect(events.filter((event) => event.event === 'connection-throttled')).toHaveLength(2);
  });
});

describe('sync: behind a reverse proxy', () => {
  it('throttles by the address in X-Forwarded-For when told to trust the proxy', async () => {
    const folder = temporaryFolder();
    const { server, events } = await serverIn(folder, { connectionsPerMinute: 1, trustProxy: true });
    const attempt = (address: string): Promise<string> => new Promise((resolve) => {
      const socket = new WebSocket(server.url, { headers: { 'X-Forwarded-For': `10.0.0.9, ${address}` } });
      socket.on('open', () => { resolve('open'); socket.close(); });
      socket.on('unexpected-response', (_request, response) => { resolve(String(response.statusCode)); socket.terminate(); });
      socket.on('error', () => resolve('error'));
    });
    expect(await attempt('203.0.113.1')).toBe('open');
    expect(await attempt('203.0.113.2')).toBe('open');
    expect(await attempt('203.0.113.1')).toBe('429');
    expect(events.find((event) => event.event === 'connection-throttled')?.address).toBe('203.0.113.1');
  });
});

describe('sync: admin and server commands', () => {
  it('creates rooms, issues tokens printed once and stored only as hashes, lists and revokes them', async () => {
    const data = join(temporaryFolder(), 'data');
    const run = async (...argv: string[]): Promise<{ code: number; out: string }> => {
      let out = '';
      const code = await runSyncServerCommand(['admin', ...argv, '--data', data], { out: (text) => { out += text; }, error: (text) => { out += text; } });
      return { code, out };
    };
    expect((await run('create-room', '--room', room)).code).toBe(0);
    const issued = await run('issue-token', '--room', room, '--person', 'Ambassador Kuhn', '--access', 'read-only', '--expires', '7d', '--json');
    const { token, id, access, expiresAt } = JSON.parse(issued.out) as { token: string; id: string; access: string; expiresAt: string };
    expect(access).toBe('read-only');
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const databaseBytes = ['', '-wal'].map((suffix) => join(data, `${syncDatabaseName}${suffix}`)).filter((path) => existsSync(path))
      .map((path) => readFileSync(path).toString('latin1')).join('');
    expect(databaseBytes).not.toContain(token);
    expect(databaseBytes).toContain(tokenHash(token));
    expect((await run('list-tokens')).out).toContain(`${id}  ${room}  read-only   Ambassador Kuhn  (valid until`);
    expect((await run('revoke-token', '--id', id)).out).toContain(`Revoked token ${id}`);
    expect((await run('list-tokens')).out).toContain('(revoked ');
    await expect(run('issue-token', '--room', 'no-such-room', '--person', 'X', '--access', 'read-write')).rejects.toThrow('There is no room');
  });

  it('runs as a command: binds the address it is told, logs JSON lines, stops on SIGTERM', async () => {
    const folder = temporaryFolder();
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/sync/syncServerEntry.ts', '--host', '127.0.0.1', '--port', '0', '--data', join(folder, 'data')], {
      cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(() => output.includes('"event":"listen"'), 15_000, 'the server listens');
    const listen = JSON.parse(output.split('\n')[0]!) as { host: string; port: number; time: string };
    expect(listen.host).toBe('127.0.0.1');
    expect(listen.port).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(listen.time))).toBe(false);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"event":"stopped"');
  });
});
