// Faults during sync: the server restarts mid-session, stopped cleanly or killed (SIGKILL) as a
// process (clients keep editing, reconnect by themselves, nothing is lost on either side, and the
// server's database ends with everything), and a client process is killed mid-sync, then
// restarted (everything it had stored reaches the others).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspace } from '../../electron/services/sampleWorkspace';
import { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { SyncStore } from '../../electron/sync/syncStore';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';
import { seededRandom } from '../../shared/seededRandom';
import { repositoryRoot, useTemporaryFolders } from './testFolders';
import {
  connect, emptyWorkspace, expectSameNegotiation, issueToken, negotiationSnapshot, paragraphTexts, randomEdit, room, startTestServer, waitFor, within,
} from './syncTestKit';

const temporaryFolder = useTemporaryFolders();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

/** The room's state as the server's database holds it. */
function storedRoom(dataDirectory: string): Y.Doc {
  const store = SyncStore.open(dataDirectory);
  const doc = new Y.Doc(negotiationDocOptions);
  Y.applyUpdate(doc, store.roomState(room)!);
  store.close();
  return doc;
}

const childScript = join(repositoryRoot, 'test/fixtures/syncClientProcess.ts');

/** Runs the client child process; resolves with its output lines when it exits or is killed. */
function runChild(args: string[], onLine: (line: string, kill: () => void) => void): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      onLine(line, () => child.kill('SIGKILL'));
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve(lines);
    });
  });
}

/** The sync server as a child process (as `npm run sync-server` runs it); resolves once it listens. */
async function serverProcess(dataDirectory: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/sync/syncServerEntry.ts', '--host', '127.0.0.1', '--port', String(port), '--data', dataDirectory], {
    cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  await waitFor(() => /"event":"listen"/u.test(output) || child.exitCode !== null, 20_000, 'the server process listens');
  const match = /"event":"listen".*?"port":(\d+)/u.exec(output);
  if (match === null) throw new Error(`the server did not start: ${output}`);
  return { child, port: Number(match[1]) };
}

describe('sync: faults', () => {
  it('loses nothing when the server restarts mid-session: clients keep editing, reconnect, converge; the server stored it all', { timeout: 60_000 }, async () => {
    const folder = temporaryFolder();
    const dataDirectory = join(folder, 'server');
    let { server } = await startTestServer(dataDirectory);
    const port = server.port;
    cleanups.push(() => server.stop());
    const alice = createWorkspace(join(folder, 'alice.zdraft'), true);
    const bob = emptyWorkspace(folder, 'bob');
    const aliceSync = connect(alice, server.url, issueToken(server, 'Alice').token);
    const bobSync = connect(bob, server.url, issueToken(server, 'Bob').token);
    cleanups.push(() => { aliceSync.disconnect(); bobSync.disconnect(); alice.close(); bob.close(); });
    await within(Promise.all([aliceSync.whenSynced(), bobSync.whenSynced()]), 10_000, 'both synced');
    const aliceSeen: string[] = [];
    const bobSeen: string[] = [];
    aliceSync.onStatus((status, reason) => aliceSeen.push(`${status}/${reason}`));
    bobSync.onStatus((status, reason) => bobSeen.push(`${status}/${reason}`));

    const random = seededRandom(3);
    for (let edit = 0; edit < 100; edit += 1) randomEdit(random, edit % 2 === 0 ? alice.doc : bob.doc, edit);
    await server.stop();
    // Offline, then retrying (connecting) in turn: each has said it is offline, and why.
    await waitFor(() => aliceSeen.includes('offline/unreachable') && bobSeen.includes('offline/unreachable'), 5000, 'both offline');
    // Edits while the server is down stay in the files.
    for (let edit = 100; edit < 200; edit += 1) randomEdit(random, edit % 2 === 0 ? alice.doc : bob.doc, edit);

    ({ server } = await startTestServer(dataDirectory, { port }));
    await waitFor(() => aliceSync.status === 'synced' && bobSync.status === 'synced', 15_000, 'both reconnected');
    await within(Promise.all([aliceSync.whenSynced(), bobSync.whenSynced()]), 10_000, 'both synced again');
    await waitFor(() => sameState(alice.doc, bob.doc), 10_000, 'converged');
    expectSameNegotiation(alice.doc, bob.doc);
    await server.stop();
    expect(negotiationSnapshot(storedRoom(dataDirectory))).toEqual(negotiationSnapshot(alice.doc));
  });

  it('loses nothing when the server process is killed (SIGKILL) mid-session and started again', { timeout: 90_000 }, async () => {
    const folder = temporaryFolder();
    const dataDirectory = join(folder, 'server');
    const store = SyncStore.open(dataDirectory);
    store.createRoom(room);
    const tokens = ['Alice', 'Bob'].map((person) => store.issueToken(room, person, 'read-write', null).token);
    store.close();
    let server = await serverProcess(dataDirectory, 0);
    cleanups.push(() => { server.child.kill('SIGKILL'); });
    const url = `ws://127.0.0.1:${server.port}`;
    const alice = createWorkspace(join(folder, 'alice.zdraft'), true);
    const bob = emptyWorkspace(folder, 'bob');
    const aliceSync = connect(alice, url, tokens[0]!);
    const bobSync = connect(bob, url, tokens[1]!);
    cleanups.push(() => { aliceSync.disconnect(); bobSync.disconnect(); alice.close(); bob.close(); });
    await within(Promise.all([aliceSync.whenSynced(), bobSync.whenSynced()]), 15_000, 'both synced');

    const random = seededRandom(5);
    for (let edit = 0; edit < 150; edit += 1) {
      randomEdit(random, edit % 2 === 0 ? alice.doc : bob.doc, edit);
      if (edit % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    server.child.kill('SIGKILL');
    for (let edit = 150; edit < 250; edit += 1) randomEdit(random, edit % 2 === 0 ? alice.doc : bob.doc, edit);
    server = await serverProcess(dataDirectory, server.port);
    await waitFor(() => aliceSync.status === 'synced' && bobSync.status === 'synced', 20_000, 'both reconnected');
    await within(Promise.all([aliceSync.whenSynced(), bobSync.whenSynced()]), 10_000, 'both synced again');
    await waitFor(() => sameState(alice.doc, bob.doc), 10_000, 'converged');
    expectSameNegotiation(alice.doc, bob.doc);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    expect(negotiationSnapshot(storedRoom(dataDirectory))).toEqual(negotiationSnapshot(alice.doc));
  });

  it('loses nothing when a client process is killed mid-sync: restarted, it sends what it had stored', { timeout: 90_000 }, async () => {
    const folder = temporaryFolder();
    const { server } = await startTestServer(join(folder, 'server'));
    cleanups.push(() => server.stop());
    const seed = createWorkspace(join(folder, 'child.zdraft'), true);
    seed.close();
    const observer = emptyWorkspace(folder, 'observer');
    const observerSync = connect(observer, server.url, issueToken(server, 'Observer').token);
    cleanups.push(() => { observerSync.disconnect(); observer.close(); });
    const childToken = issueToken(server, 'Child').token;

    // Killed a few edits after it connected: mid-way through sending its offline backlog and live edits.
    let acknowledged = -1;
    await runChild([seed.file.path, server.url, room, childToken, 'edit'], (line, kill) => {
      const [kind, serial] = line.split(' ');
      if (kind === 'edit') acknowledged = Number(serial);
      if (kind === 'edit' && Number(serial) === 430) kill();
    });
    expect(acknowledged).toBeGreaterThanOrEqual(430);

    const restarted = await runChild([seed.file.path, server.url, room, childToken, 'sync'], () => undefined);
    expect(restarted).toContain('synced');
    const file = WorkspaceDocument.open(seed.file.path);
    cleanups.push(() => file.close());
    await waitFor(() => sameState(file.doc, observer.doc), 10_000, 'observer has the child\'s work');
    expectSameNegotiation(file.doc, observer.doc);
    const text = paragraphTexts(observer.doc).map(({ text: node }) => node.toString()).join(' ');
    for (let serial = 0; serial <= acknowledged; serial += 1) expect(text).toContain(` w${serial}`);
  });
});
