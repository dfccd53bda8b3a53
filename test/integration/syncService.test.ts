import { copyFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { startSyncServer, type SyncServer } from '../../electron/sync/syncServer';
import { createSampleWorkspace } from '../../electron/services/sampleWorkspace';
import { ServiceCore, type ClientSession } from '../../electron/services/serviceCore';
import type { SecretStore } from '../../electron/services/syncSettings';
import { WorkspaceFile } from '../../electron/services/workspaceFile';
import { negotiationText } from '../../electron/services/negotiationReader';
import { channelName, type CallResult, type OpenedWorkspace, type PresenceEvent, type SyncState } from '../../shared/api/contract';
import { temporaryFolder } from '../support/temporaryFolder';

const folder = temporaryFolder('zd-sync-service-');
let server: SyncServer;
const room = 'global-compact';

beforeAll(async () => {
  server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDirectory: `${folder.path}/server`, log: () => undefined });
  server.store.createRoom(room);
  createSampleWorkspace(`${folder.path}/original.zdraft`).close();
});

afterAll(async () => {
  await server?.stop();
  folder.remove();
});

function value<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** One host (service core) with one client holding one workspace: a copy of the same negotiation. */
class Participant {
  readonly core: ServiceCore;
  readonly session: ClientSession;
  readonly events: { channel: string; payload: unknown }[] = [];
  readonly path: string;
  opened!: OpenedWorkspace;
  replica = new Y.Doc();

  constructor(name: string, secrets?: SecretStore) {
    this.path = `${folder.path}/${name}.zdraft`;
    copyFileSync(`${folder.path}/original.zdraft`, this.path);
    this.core = new ServiceCore({ dataDirectory: `${folder.path}/${name}-data`, hostKind: 'browser', version: 'test', secrets });
    this.session = this.core.connect({
      send: (channel, payload) => {
        this.events.push({ channel, payload });
        if (channel === channelName('workspace', 'onDidUpdate')) Y.applyUpdate(this.replica, (payload as { update: Uint8Array }).update);
      },
    });
  }

  async open(): Promise<void> {
    this.opened = value<OpenedWorkspace>(await this.session.call(channelName('workspace', 'open'), [this.path]));
    this.replica = new Y.Doc({ gc: false });
    Y.applyUpdate(this.replica, this.opened.state);
  }

  async call<T>(method: string, ...args: unknown[]): Promise<T> {
    return value<T>(await this.session.call(channelName('sync', method), [this.opened.handle, ...args]));
  }

  async connect(token: string, name: string): Promise<SyncState> {
    return this.call<SyncState>('connect', { url: server.url, room, token, name });
  }

  status(): Promise<SyncState> {
    return this.call<SyncState>('status');
  }

  /** Writes a probe value through the workspace service, as the renderer would. */
  async write(key: string, text: string): Promise<void> {
    const before = Y.encodeStateVector(this.replica);
    this.replica.getMap('probe').set(key, text);
    await this.session.call(channelName('workspace', 'applyUpdate'), [this.opened.handle, Y.encodeStateAsUpdate(this.replica, before)]);
  }

  /** The probe value as this client's replica has it (the host's updates applied as they come). */
  read(key: string): unknown {
    return this.replica.getMap('probe').get(key);
  }

  presenceEvents(): PresenceEvent[] {
    return this.events.filter((event) => event.channel === channelName('sync', 'onDidChangePresence')).map((event) => event.payload as PresenceEvent);
  }

  async close(): Promise<void> {
    this.session.dispose();
    this.core.closeAll();
  }
}

async function statusOf(participant: Participant, expected: SyncState['status']): Promise<SyncState> {
  await expect.poll(async () => (await participant.status()).status, { timeout: 10_000 }).toBe(expected);
  return participant.status();
}

describe('sync service', () => {
  it('shares edits and presence between two workspaces, keeps offline edits, and reconnects on open', async () => {
    const alice = new Participant('alice');
    const bob = new Participant('bob');
    await alice.open();
    await bob.open();
    try {
      const aliceToken = server.store.issueToken(room, 'Alice', 'read-write', null).token;
      const bobToken = server.store.issueToken(room, 'Bob', 'read-write', null).token;
      expect((await alice.status()).status).toBe('offline');
      await alice.connect(aliceToken, 'Alice');
      await bob.connect(bobToken, 'Bob');
      await statusOf(alice, 'synced');
      await statusOf(bob, 'synced');
      expect(alice.events.some((event) => event.channel === channelName('sync', 'onDidChangeStatus') && (event.payload as SyncState).status === 'synced')).toBe(true);

      await alice.write('greeting', 'from Alice');
      await expect.poll(() => bob.read('greeting')).toBe('from Alice');
      expect(bob.events.some((event) => event.channel === channelName('workspace', 'onDidUpdate'))).toBe(true);

      // Presence: Alice's renderer sends its cursor; Bob's renderer is told, with her name and colour.
      const rendererAwareness = new Awareness(alice.replica);
      rendererAwareness.setLocalState({ cursor: { anchor: { type: null, tname: null, item: null, assoc: 0 }, head: { type: null, tname: null, item: null, assoc: 0 } } });
      await alice.call('setPresence', encodeAwarenessUpdate(rendererAwareness, [rendererAwareness.clientID]));
      rendererAwareness.destroy();
      const bobsView = new Awareness(new Y.Doc());
      await expect.poll(() => {
        for (const event of bob.presenceEvents()) applyAwarenessUpdate(bobsView, event.update, 'test');
        return [...bobsView.getStates().values()].filter((state) => state.cursor !== null && state.cursor !== undefined).map((state) => state.user?.name as unknown);
      }).toContain('Alice');
      const aliceState = [...bobsView.getStates().values()].find((state) => state.user?.name === 'Alice')!;
      expect(aliceState.user.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(aliceState.cursor).toMatchObject({ anchor: { assoc: 0 } });
      const snapshot = new Awareness(new Y.Doc());
      applyAwarenessUpdate(snapshot, await bob.call<Uint8Array>('presence'), 'test');
      expect([...snapshot.getStates().values()].map((state) => state.user?.name)).toContain('Alice');
      bobsView.destroy();
      snapshot.destroy();

      // Bob goes offline, edits, and comes back: his offline edit reaches Alice.
      expect((await bob.call<SyncState>('disconnect')).status).toBe('offline');
      await bob.write('offline', 'written offline');
      await expect.poll(() => bob.presenceEvents().length).toBeGreaterThan(0);
      expect(alice.read('offline')).toBeUndefined();
      await bob.connect('', 'Bob');
      await statusOf(bob, 'synced');
      await expect.poll(() => alice.read('offline')).toBe('written offline');

      // Settings are in the workspace file (no keychain here: the token too); reopening reconnects.
      await alice.close();
      const file = WorkspaceFile.open(alice.path);
      expect(file.getSetting('sync.url')).toBe(server.url);
      expect(file.getSetting('sync.room')).toBe(room);
      expect(file.getSetting('sync.name')).toBe('Alice');
      expect(file.getSetting('sync.token')).toBe(aliceToken);
      file.close();
      const again = new Participant('alice-again');
      copyFileSync(alice.path, again.path);
      await again.open();
      await statusOf(again, 'synced');
      await expect.poll(() => again.read('offline')).toBe('written offline');
      await again.close();
    } finally {
      await alice.close();
      await bob.close();
    }
  }, 60_000);

  it('joins a shared negotiation on a new machine: an empty workspace receives all of it; a refused token leaves no file', async () => {
    const alice = new Participant('alice-joined');
    await alice.open();
    const joiner = new ServiceCore({ dataDirectory: `${folder.path}/joiner-data`, hostKind: 'browser', version: 'test' });
    const session = joiner.connect({ send: () => undefined });
    try {
      await alice.connect(server.store.issueToken(room, 'Alice', 'read-write', null).token, 'Alice');
      await statusOf(alice, 'synced');
      await alice.write('joined', 'present before the join');
      const path = `${folder.path}/joined.zdraft`;
      const refused = await session.call(channelName('workspace', 'join'), [path, { url: server.url, room, token: 'zd1.not-a-token', name: 'Carol' }]);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.code).toBe('unauthorized');
      expect(existsSync(path)).toBe(false);
      const token = server.store.issueToken(room, 'Carol', 'read-write', null).token;
      const opened = value<OpenedWorkspace>(await session.call(channelName('workspace', 'join'), [path, { url: server.url, room, token, name: 'Carol' }]));
      const replica = new Y.Doc({ gc: false });
      Y.applyUpdate(replica, opened.state);
      expect(replica.getMap('probe').get('joined')).toBe('present before the join');
      expect(negotiationText(replica).textContent).toBe(negotiationText(alice.replica).textContent);
      expect(negotiationText(replica).textContent.length).toBeGreaterThan(1000);
      const state = value<SyncState>(await session.call(channelName('sync', 'status'), [opened.handle]));
      expect(state.status).toBe('synced');
    } finally {
      session.dispose();
      joiner.closeAll();
      await alice.close();
    }
  });

  it('refuses wrong, expired and revoked tokens with the reason, and shows a read-only token as read-only', async () => {
    const carol = new Participant('carol');
    await carol.open();
    try {
      await carol.connect('zd1.not-a-token', 'Carol');
      expect(await statusOf(carol, 'error')).toMatchObject({ reason: 'token-unknown', hasToken: true });

      const expired = server.store.issueToken(room, 'Carol', 'read-write', new Date(Date.now() - 60_000)).token;
      await carol.connect(expired, 'Carol');
      await expect.poll(async () => (await carol.status()).reason).toBe('token-expired');

      const revoked = server.store.issueToken(room, 'Carol', 'read-write', null);
      server.store.revokeToken(revoked.record.id);
      await carol.connect(revoked.token, 'Carol');
      await expect.poll(async () => (await carol.status()).reason).toBe('token-revoked');

      const readOnly = server.store.issueToken(room, 'Carol', 'read-only', null).token;
      await carol.connect(readOnly, 'Carol');
      expect(await statusOf(carol, 'read-only')).toMatchObject({ reason: null, settings: { name: 'Carol', room } });
    } finally {
      await carol.close();
    }
  }, 60_000);

  it('keeps the token encrypted by the keychain where there is one, and says where it is', async () => {
    const secrets: SecretStore = { encrypt: (secret) => Buffer.from(`sealed:${secret}`).toString('base64'), decrypt: (stored) => Buffer.from(stored, 'base64').toString().slice('sealed:'.length) };
    const dan = new Participant('dan', secrets);
    await dan.open();
    try {
      const token = server.store.issueToken(room, 'Dan', 'read-write', null).token;
      const state = await dan.connect(token, 'Dan');
      expect(state).toMatchObject({ tokenStorage: 'keychain', hasToken: true });
      await statusOf(dan, 'synced');
    } finally {
      await dan.close();
    }
    const file = WorkspaceFile.open(dan.path);
    expect(file.getSetting('sync.token') ?? '').toBe('');
    expect(file.getSetting('sync.token.keychain')).not.toContain('zd1.');
    file.close();
  }, 30_000);

  it('says when the server cannot be reached, and refuses an address that is not ws://', async () => {
    const erin = new Participant('erin');
    await erin.open();
    try {
      await erin.call('connect', { url: 'ws://127.0.0.1:9', room, token: 'zd1.anything', name: 'Erin' });
      await expect.poll(async () => (await erin.status()).reason, { timeout: 10_000 }).toBe('unreachable');
      expect((await erin.status()).status).toBe('offline');
      const refused = await erin.session.call(channelName('sync', 'connect'), [erin.opened.handle, { url: 'http://example.org', room, token: '', name: 'Erin' }]);
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    } finally {
      await erin.close();
    }
  }, 30_000);
});
