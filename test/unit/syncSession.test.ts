import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { cursorOfPresence, departedPresence, emptyPresence, remotePresence } from '../../electron/services/presenceRelay';
import { syncErrorReason } from '../../electron/services/syncService';
import { validateCall } from '../../shared/api/argumentValidation';
import type { PresenceEvent, SyncState, ZeroDraftApi } from '../../shared/api/contract';
import { SyncSession } from '../../renderer/app/syncSession';
import type { WorkspaceReplica } from '../../renderer/app/workspaceReplica';

/** A host stand-in: records presence calls, lets the test send status and presence events. */
function fakeHost() {
  const statusListeners = new Set<(state: SyncState) => void>();
  const presenceListeners = new Set<(event: PresenceEvent) => void>();
  const sent: Uint8Array[] = [];
  const offline: SyncState = { handle: 'w1', status: 'offline', reason: null, detail: null, settings: null, hasToken: false, tokenStorage: 'workspace' };
  const api = {
    sync: {
      status: async () => offline,
      presence: async () => emptyPresence(),
      setPresence: async (_handle: string, update: Uint8Array) => { sent.push(update); },
      connect: async () => offline,
      disconnect: async () => offline,
      onDidChangeStatus: (listener: (state: SyncState) => void) => { statusListeners.add(listener); return () => statusListeners.delete(listener); },
      onDidChangePresence: (listener: (event: PresenceEvent) => void) => { presenceListeners.add(listener); return () => presenceListeners.delete(listener); },
    },
  } as unknown as ZeroDraftApi;
  return {
    api, sent, offline,
    status: (state: Partial<SyncState>) => { for (const listener of statusListeners) listener({ ...offline, ...state }); },
    presence: (update: Uint8Array, handle = 'w1') => { for (const listener of presenceListeners) listener({ handle, update }); },
    listenerCount: () => statusListeners.size + presenceListeners.size,
  };
}

function replicaStandIn(): WorkspaceReplica {
  return { doc: new Y.Doc(), opened: { handle: 'w1' } } as unknown as WorkspaceReplica;
}

afterEach(() => vi.useRealTimers());

describe('the renderer sync session', () => {
  it('publishes no cursor while offline, and the cursor once shared', async () => {
    vi.useFakeTimers();
    const host = fakeHost();
    const session = new SyncSession(host.api, replicaStandIn());
    session.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    await vi.advanceTimersByTimeAsync(200);
    expect(session.awareness.getLocalState()).toBeNull();
    expect(host.sent.map((update) => cursorOfPresence(update))).toEqual([]);

    host.status({ status: 'synced' });
    session.awareness.setLocalStateField('cursor', { anchor: 3, head: 5 });
    session.awareness.setLocalStateField('cursor', { anchor: 4, head: 5 });
    await vi.advanceTimersByTimeAsync(200);
    // Throttled: one message with the latest cursor.
    expect(host.sent.map((update) => cursorOfPresence(update))).toEqual([{ anchor: 4, head: 5 }]);
    session.destroy();
    expect(host.listenerCount()).toBe(0);
  });

  it('mirrors the others from presence updates, drops those who leave, and follows read-only', () => {
    const host = fakeHost();
    const session = new SyncSession(host.api, replicaStandIn());
    const changes = vi.fn();
    session.onChange(changes);
    const remote = new Awareness(new Y.Doc());
    remote.setLocalState({ user: { name: 'Mexico', color: '#2ca02c' }, cursor: null });
    host.presence(encodeAwarenessUpdate(remote, [remote.clientID]));
    host.presence(encodeAwarenessUpdate(remote, [remote.clientID]), 'w2');
    expect(session.people()).toEqual([{ clientId: remote.clientID, name: 'Mexico', colour: '#2ca02c' }]);
    expect(changes).toHaveBeenCalled();

    host.presence(departedPresence(remote, [remote.clientID]));
    expect(session.people()).toEqual([]);

    expect(session.readOnly).toBe(false);
    host.status({ status: 'read-only' });
    expect(session.readOnly).toBe(true);
    host.status({ status: 'error', reason: 'token-revoked' });
    expect(session.readOnly).toBe(false);
    expect(session.awareness.getLocalState()).toBeNull();
    remote.destroy();
    session.destroy();
  });
});

describe('the presence relay and the sync arguments', () => {
  it('reads only the cursor from a renderer update, and encodes nobody when not connected', () => {
    const renderer = new Awareness(new Y.Doc());
    renderer.setLocalState({ cursor: { anchor: { a: 1 }, head: { a: 2 } }, user: { name: 'Impostor', color: '#000000' } });
    expect(cursorOfPresence(encodeAwarenessUpdate(renderer, [renderer.clientID]))).toEqual({ anchor: { a: 1 }, head: { a: 2 } });
    renderer.setLocalState({ cursor: 'nonsense' });
    expect(cursorOfPresence(encodeAwarenessUpdate(renderer, [renderer.clientID]))).toBeNull();
    expect(() => cursorOfPresence(new Uint8Array([5, 1]))).toThrow('could not be read');
    expect(remotePresence(null)).toEqual(emptyPresence());
    renderer.destroy();
  });

  it('maps client reasons to the contract, and validates sync calls', () => {
    expect(syncErrorReason('token-expired')).toBe('token-expired');
    expect(syncErrorReason('unreachable')).toBe('unreachable');
    expect(syncErrorReason('something new')).toBe('permission-denied');
    expect(syncErrorReason(null)).toBeNull();
    const request = { url: 'wss://sync.example.org', room: 'gcm', token: '', name: 'Co-facilitator' };
    expect(() => validateCall('sync', 'connect', ['w1', request])).not.toThrow();
    expect(() => validateCall('sync', 'connect', ['w1', { ...request, url: 'https://sync.example.org' }])).toThrow('ws://');
    expect(() => validateCall('sync', 'connect', ['w1', { ...request, token: 42 }])).toThrow('token');
    expect(() => validateCall('sync', 'setPresence', ['w1', new Uint8Array(70 * 1024)])).toThrow('at most');
    expect(() => validateCall('sync', 'status', ['w1'])).not.toThrow();
  });
});
