import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import {
  channelName, type SyncConnectRequest, type SyncErrorReason, type SyncService, type SyncState, type SyncStatus,
} from '../../shared/api/contract';
import { ZeroDraftError } from '../../shared/api/errors';
import { cursorOfPresence, departedPresence, remoteClients, remotePresence, type PresenceCursor } from './presenceRelay';
import { SyncSettingsStore, type SecretStore } from './syncSettings';
import type { WorkspaceDocument } from './workspaceDocument';

/** What the sync service needs of a live connection: syncClient.ts's `WorkspaceSync` fits it. */
export interface LiveSync {
  readonly status: SyncStatus;
  /** Why the last attempt failed, in the client's terms; mapped by {@link syncErrorReason}. */
  readonly reason: string | null;
  readonly detail: string | null;
  readonly awareness: Awareness;
  onStatus(listener: () => void): () => void;
  disconnect(): void;
}

/** Opens a live connection of a workspace to a sync server. */
export type SyncConnector = (document: WorkspaceDocument, options: {
  url: string; room: string; token: string; user: { name: string; color: string };
}) => LiveSync;

/** How the sync of a workspace reaches the clients that hold it. */
export type SyncNotifier = (document: WorkspaceDocument, channel: string, payloadFor: (handle: string) => unknown) => void;

const knownReasons: readonly SyncErrorReason[] = ['token-unknown', 'token-expired', 'token-revoked', 'token-wrong-room', 'token-missing', 'permission-denied', 'unreachable'];
/** Refusals that another attempt with the same token cannot cure: stop trying, say why. */
const finalReasons: ReadonlySet<SyncErrorReason> = new Set(['token-unknown', 'token-expired', 'token-revoked', 'token-wrong-room', 'token-missing', 'permission-denied']);

/** The reason a client reported, as the contract names it. */
export function syncErrorReason(reason: string | null): SyncErrorReason | null {
  if (reason === null) return null;
  return knownReasons.includes(reason as SyncErrorReason) ? (reason as SyncErrorReason) : 'permission-denied';
}

interface SharedWorkspace {
  settings: SyncSettingsStore;
  live: LiveSync | null;
  status: SyncStatus;
  reason: SyncErrorReason | null;
  detail: string | null;
  cursor: PresenceCursor | null;
  /** The awareness clock this replica reached in its last connection (see {@link continueClock}). */
  lastClock: number;
  stop: (() => void)[];
  /** Called after every change of status (see {@link WorkspaceSyncs.whenSettled}). */
  statusListeners: Set<() => void>;
}

/**
 * The sync of every open workspace of one service core: at most one live connection per
 * workspace, whichever clients hold it. Status and presence go to every client holding it.
 */
export class WorkspaceSyncs {
  private readonly shared = new Map<WorkspaceDocument, SharedWorkspace>();
  private readonly secrets: SecretStore | undefined;
  private readonly connector: SyncConnector;
  private readonly notify: SyncNotifier;

  constructor(options: { secrets: SecretStore | undefined; connector: SyncConnector; notify: SyncNotifier }) {
    this.secrets = options.secrets;
    this.connector = options.connector;
    this.notify = options.notify;
  }

  private entry(document: WorkspaceDocument): SharedWorkspace {
    let entry = this.shared.get(document);
    if (entry === undefined) {
      entry = { settings: new SyncSettingsStore(document.file, this.secrets), live: null, status: 'offline', reason: null, detail: null, cursor: null, lastClock: 0, stop: [], statusListeners: new Set() };
      this.shared.set(document, entry);
    }
    return entry;
  }

  /** The sync state of a workspace as one client sees it. */
  state(document: WorkspaceDocument, handle: string): SyncState {
    const entry = this.entry(document);
    return {
      handle, status: entry.status, reason: entry.reason, detail: entry.detail, settings: entry.settings.settings(),
      hasToken: entry.settings.hasToken, tokenStorage: entry.settings.tokenStorage,
    };
  }

  /** Stores the settings and the token (if a new one is given), then connects. */
  connect(document: WorkspaceDocument, request: SyncConnectRequest): void {
    const entry = this.entry(document);
    const name = request.name.trim() === '' ? 'Anonymous' : request.name.trim();
    entry.settings.store({ url: request.url.trim(), room: request.room.trim(), name });
    if (request.token.trim() !== '') entry.settings.storeToken(request.token.trim());
    entry.settings.enabled = true;
    this.start(document, entry);
  }

  /** Reconnects a workspace that was left connected, when it is opened again. */
  resume(document: WorkspaceDocument): void {
    const entry = this.entry(document);
    if (entry.live === null && entry.settings.enabled && entry.settings.settings() !== null) this.start(document, entry);
  }

  /** Disconnects at the user's request: the workspace will not reconnect on open. */
  disconnect(document: WorkspaceDocument): void {
    const entry = this.entry(document);
    entry.settings.enabled = false;
    this.stop(document, entry);
    this.setStatus(document, entry, 'offline', null, null);
  }

  /** Disconnects a workspace that is closing (it reconnects when opened again). */
  release(document: WorkspaceDocument): void {
    const entry = this.shared.get(document);
    if (entry === undefined) return;
    this.stop(document, entry);
    this.shared.delete(document);
  }

  /** Every remote user's presence. */
  presence(document: WorkspaceDocument): Uint8Array {
    return remotePresence(this.shared.get(document)?.live?.awareness ?? null);
  }

  /** Takes a client's cursor and shows it to the others, with the name and colour of the settings. */
  setPresence(document: WorkspaceDocument, update: Uint8Array): void {
    const entry = this.entry(document);
    entry.cursor = cursorOfPresence(update);
    this.publishLocalState(entry);
  }

  private publishLocalState(entry: SharedWorkspace): void {
    const settings = entry.settings.settings();
    if (entry.live === null || settings === null) return;
    entry.live.awareness.setLocalState({ user: { name: settings.name, color: settings.colour }, cursor: entry.cursor });
  }

  private start(document: WorkspaceDocument, entry: SharedWorkspace): void {
    this.stop(document, entry);
    const settings = entry.settings.settings()!;
    let token: string | null;
    try {
      token = entry.settings.token();
    } catch (error) {
      this.setStatus(document, entry, 'error', 'token-missing', error instanceof Error ? error.message : String(error));
      return;
    }
    if (token === null) {
      this.setStatus(document, entry, 'error', 'token-missing', null);
      return;
    }
    const live = this.connector(document, { url: settings.url, room: settings.room, token, user: { name: settings.name, color: settings.colour } });
    entry.live = live;
    continueClock(live.awareness, entry.lastClock);
    this.publishLocalState(entry);
    entry.stop.push(live.onStatus(() => this.followStatus(document, entry, live)));
    const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
      const clients = [...added, ...updated, ...removed].filter((client) => client !== live.awareness.clientID);
      if (clients.length === 0) return;
      // Users who left are encoded with a null state at their last clock: the renderer drops them.
      const update = encodeAwarenessUpdate(live.awareness, clients);
      this.notify(document, channelName('sync', 'onDidChangePresence'), (handle) => ({ handle, update }));
    };
    live.awareness.on('update', onAwareness);
    entry.stop.push(() => live.awareness.off('update', onAwareness));
    this.followStatus(document, entry, live);
  }

  private followStatus(document: WorkspaceDocument, entry: SharedWorkspace, live: LiveSync): void {
    if (entry.live !== live) return;
    const reason = live.status === 'error' ? syncErrorReason(live.reason) ?? 'permission-denied' : syncErrorReason(live.reason);
    this.setStatus(document, entry, live.status, live.status === 'error' || live.status === 'offline' ? reason : null, live.detail);
    // A refused token stays refused: stop the client's retries, keep the error on screen.
    if (live.status === 'error' && reason !== null && finalReasons.has(reason)) this.stop(document, entry);
  }

  private stop(document: WorkspaceDocument, entry: SharedWorkspace): void {
    const live = entry.live;
    if (live === null) return;
    entry.live = null;
    const departed = remoteClients(live.awareness);
    for (const stop of entry.stop.splice(0)) stop();
    if (departed.length > 0) {
      const update = departedPresence(live.awareness, departed);
      this.notify(document, channelName('sync', 'onDidChangePresence'), (handle) => ({ handle, update }));
    }
    live.disconnect();
    entry.lastClock = live.awareness.meta.get(live.awareness.clientID)?.clock ?? entry.lastClock;
  }

  /**
   * Resolves once a workspace's connection has received the server's state (synced or
   * read-only); rejects with the reason when the server refuses it, or after `timeoutMilliseconds`.
   */
  whenSettled(document: WorkspaceDocument, timeoutMilliseconds: number): Promise<void> {
    const entry = this.entry(document);
    return new Promise((resolve, reject) => {
      const finish = (outcome: () => void): void => {
        clearTimeout(timer);
        entry.statusListeners.delete(check);
        outcome();
      };
      const check = (): void => {
        if (entry.status === 'synced' || entry.status === 'read-only') finish(resolve);
        else if (entry.status === 'error') finish(() => reject(new ZeroDraftError('unauthorized', `The sync server refused the invitation (${entry.reason ?? 'closed'}${entry.detail ? `: ${entry.detail}` : ''}). Nothing was created.`)));
      };
      const timer = setTimeout(() => finish(() => reject(new ZeroDraftError('io', `The sync server could not be reached within ${Math.round(timeoutMilliseconds / 1000)} s (${entry.reason ?? entry.status}). Nothing was created.`))), timeoutMilliseconds);
      entry.statusListeners.add(check);
      check();
    });
  }

  private setStatus(document: WorkspaceDocument, entry: SharedWorkspace, status: SyncStatus, reason: SyncErrorReason | null, detail: string | null): void {
    if (entry.status === status && entry.reason === reason && entry.detail === detail) return;
    entry.status = status;
    entry.reason = reason;
    entry.detail = detail;
    this.notify(document, channelName('sync', 'onDidChangeStatus'), (handle) => this.state(document, handle));
    for (const listener of entry.statusListeners) listener();
  }
}

/**
 * Each connection brings a new Awareness, but the replica (and so the client id) is the same:
 * the server and the others still hold this client's last clock and would ignore states with a
 * lower one (y-protocols keeps the newest clock). The new awareness starts above it.
 */
function continueClock(awareness: Awareness, lastClock: number): void {
  const meta = awareness.meta.get(awareness.clientID);
  if (meta !== undefined && meta.clock <= lastClock) awareness.meta.set(awareness.clientID, { clock: lastClock + 1, lastUpdated: meta.lastUpdated });
}

/** What the service needs from the service core for one client. */
export interface SyncContext {
  documentOf(handle: string): WorkspaceDocument;
  syncs: WorkspaceSyncs;
}

/** The sync service of one client, over the workspaces it holds. */
export function syncService(context: SyncContext): SyncService {
  const { syncs } = context;
  return {
    connect: async (handle, request) => {
      const document = context.documentOf(handle);
      if (!/^wss?:\/\/[^\s/]+/i.test(request.url.trim())) throw new ZeroDraftError('invalid-argument', `"${request.url}" is not a sync server address: it starts with ws:// or wss://.`);
      syncs.connect(document, request);
      return syncs.state(document, handle);
    },
    disconnect: async (handle) => {
      const document = context.documentOf(handle);
      syncs.disconnect(document);
      return syncs.state(document, handle);
    },
    status: async (handle) => syncs.state(context.documentOf(handle), handle),
    presence: async (handle) => syncs.presence(context.documentOf(handle)),
    setPresence: async (handle, update) => { syncs.setPresence(context.documentOf(handle), update); },
    onDidChangeStatus: () => () => undefined,
    onDidChangePresence: () => () => undefined,
  };
}
