// Scale-out: two sync server instances sharing rooms through a real redis-server (and one data
// folder). Clients on different instances converge, live and after offline edits. Fails (does not
// skip) when redis-server is missing: CI installs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspace } from '../../electron/services/sampleWorkspace';
import { seededRandom } from '../../shared/seededRandom';
import { useTemporaryFolders } from './testFolders';
import { connect, emptyWorkspace, expectSameNegotiation, issueToken, paragraphTexts, randomEdit, startTestServer, waitFor, within } from './syncTestKit';

const redisServer = '/usr/bin/redis-server';
const temporaryFolder = useTemporaryFolders();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts redis-server on `port` (no persistence) and resolves once it accepts connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  await waitFor(() => output.includes('Ready to accept connections') || child.exitCode !== null, 10_000, 'redis-server ready');
  if (child.exitCode !== null) throw new Error(`redis-server exited: ${output}`);
  return child;
}

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

describe('sync: two server instances through Redis', () => {
  it('makes clients on different instances converge, live and after offline edits', { timeout: 60_000 }, async () => {
    expect(existsSync(redisServer), `${redisServer} is needed for this test (apt-get install redis-server)`).toBe(true);
    const redisPort = await freePort();
    const redis = await startRedis(redisPort);
    cleanups.push(() => { redis.kill('SIGKILL'); });
    const folder = temporaryFolder();
    const dataDirectory = join(folder, 'server');
    const first = await startTestServer(dataDirectory, { redis: { host: '127.0.0.1', port: redisPort }, name: 'first' });
    cleanups.push(() => first.server.stop());
    const second = await startTestServer(dataDirectory, { redis: { host: '127.0.0.1', port: redisPort }, name: 'second' });
    cleanups.push(() => second.server.stop());

    const alice = createWorkspace(join(folder, 'alice.zdraft'), true);
    const aliceToken = issueToken(first.server, 'Alice').token;
    let aliceSync = connect(alice, first.server.url, aliceToken);
    await within(aliceSync.whenSynced(), 10_000, 'alice synced on the first instance');
    const bob = emptyWorkspace(folder, 'bob');
    const bobToken = issueToken(first.server, 'Bob').token;
    let bobSync = connect(bob, second.server.url, bobToken);
    cleanups.push(() => { aliceSync.disconnect(); bobSync.disconnect(); alice.close(); bob.close(); });
    await within(bobSync.whenSynced(), 10_000, 'bob synced on the second instance');
    await waitFor(() => sameState(alice.doc, bob.doc), 10_000, 'bob has the negotiation');
    expectSameNegotiation(alice.doc, bob.doc);

    // Live: each side's typing reaches the other through Redis.
    paragraphTexts(alice.doc)[0]!.text.insert(0, 'FROM-FIRST ');
    paragraphTexts(bob.doc)[1]!.text.insert(0, 'FROM-SECOND ');
    await waitFor(() => sameState(alice.doc, bob.doc), 10_000, 'live edits converge');
    expect(paragraphTexts(bob.doc)[0]!.text.toString()).toContain('FROM-FIRST');
    expect(paragraphTexts(alice.doc)[1]!.text.toString()).toContain('FROM-SECOND');

    // Offline edits on both sides, then reconnection to the two instances.
    aliceSync.disconnect();
    bobSync.disconnect();
    const aliceRandom = seededRandom(21);
    const bobRandom = seededRandom(22);
    for (let edit = 0; edit < 200; edit += 1) {
      randomEdit(aliceRandom, alice.doc, edit);
      randomEdit(bobRandom, bob.doc, 1000 + edit);
    }
    aliceSync = connect(alice, first.server.url, aliceToken);
    bobSync = connect(bob, second.server.url, bobToken);
    await within(Promise.all([aliceSync.whenSynced(), bobSync.whenSynced()]), 15_000, 'both synced again');
    await waitFor(() => sameState(alice.doc, bob.doc), 15_000, 'offline edits converge');
    expectSameNegotiation(alice.doc, bob.doc);
  });
});
