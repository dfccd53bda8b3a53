// The Node side of the app as a client of the sync server: a Hocuspocus provider bound to the
// authoritative replica of an open workspace. Changes from the server are applied to that replica,
// which stores them in the workspace file like any other change; local changes (including those
// made offline, which sit in the file) reach the server through the state-vector exchange that
// starts every connection.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WorkspaceDocument } from './workspaceDocument';

/**
 * Where the connection stands:
 * - `connecting`: opening the connection or exchanging state with the server;
 * - `synced`: connected, the server's state received, changes flow both ways;
 * - `read-only`: as synced, but the token only reads: local changes are refused by the server;
 * - `offline`: no connection (the provider retries by itself, with backoff, unless disconnected);
 * - `error`: the server refused the token; see {@link WorkspaceSync.reason}. No retry.
 */
export type SyncStatus = 'offline' | 'connecting' | 'synced' | 'error' | 'read-only';

/**
 * Why the connection is not up. With status `error` (the server refused the token; final):
 * `token-unknown` (no such token: mistyped, or another server's), `token-expired`,
 * `token-revoked`, `token-wrong-room` (the token is for another negotiation), or
 * `permission-denied` (any other refusal). With status `offline`: `unreachable` (the server could
 * not be reached or the connection was lost; the provider keeps retrying).
 */
export type SyncErrorReason = 'token-unknown' | 'token-expired' | 'token-revoked' | 'token-wrong-room' | 'permission-denied' | 'unreachable';

/** Who this user is to the others (presence). */
export interface SyncUser {
  name: string;
  /** A CSS colour, e.g. '#1f77b4'. */
  color: string;
}

/** Options of {@link connectWorkspace}. */
export interface SyncConnectionOptions {
  /** The server, e.g. `wss://sync.example.org` (or `ws://127.0.0.1:1234` on this machine). */
  url: string;
  /** The room (negotiation) on the server. */
  room: string;
  /** The invite token the server's admin issued. */
  token: string;
  /** Set as the awareness field `user`, for presence. */
  user?: SyncUser;
  /** First delay before reconnecting after a lost connection, in ms (default 1,000; doubles up to 30 s). */
  reconnectDelayMilliseconds?: number;
}

/** Listener of status changes. */
export type SyncStatusListener = (status: SyncStatus, reason: SyncErrorReason | null) => void;

/** A workspace connected to a sync server (see {@link connectWorkspace}). */
export interface WorkspaceSync {
  /** The current status. */
  readonly status: SyncStatus;
  /** Why the status is `error` (or `offline`: `unreachable`), else null. */
  readonly reason: SyncErrorReason | null;
  /** More about the reason for the log or a tooltip (e.g. the close code), else null. Never the token. */
  readonly detail: string | null;
  /** Presence: the y-protocols Awareness shared through the server (local state: `{ user }`). */
  readonly awareness: NonNullable<HocuspocusProvider['awareness']>;
  /** Calls `listener` on every status change; returns the function that stops it. */
  onStatus(listener: SyncStatusListener): () => void;
  /**
   * Resolves once the server's state has been received and the server has acknowledged every
   * local change (for a read-only token: once the server's state has been received). Rejects if
   * the token is refused, or if {@link disconnect} is called first. While offline it waits for
   * the reconnection (pair it with a timeout where the user waits).
   */
  whenSynced(): Promise<void>;
  /** Closes the connection for good (call before closing the workspace). Local changes stay in the file. */
  disconnect(): void;
}

const knownReasons: readonly SyncErrorReason[] = ['token-unknown', 'token-expired', 'token-revoked', 'token-wrong-room'];

function toReason(reason: string): SyncErrorReason {
  return (knownReasons as readonly string[]).includes(reason) ? reason as SyncErrorReason : 'permission-denied';
}

/** Keeps status, listeners and the promises of {@link WorkspaceSync.whenSynced}. */
class SyncState {
  status: SyncStatus = 'connecting';
  reason: SyncErrorReason | null = null;
  detail: string | null = null;
  readonly listeners = new Set<SyncStatusListener>();
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  set(status: SyncStatus, reason: SyncErrorReason | null = null, detail: string | null = null): void {
    if (status === this.status && reason === this.reason && detail === this.detail) return;
    this.status = status;
    this.reason = reason;
    this.detail = detail;
    for (const listener of [...this.listeners]) listener(status, reason);
  }

  wait(): Promise<void> {
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  settle(error?: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
  }
}

/** Builds the socket, with Node's `ws` as the WebSocket. */
function createSocket(options: SyncConnectionOptions): HocuspocusProviderWebsocket {
  const delay = options.reconnectDelayMilliseconds ?? 1000;
  return new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: WebSocket,
    delay,
    // The retry library refuses a jitter floor above the delay.
    minDelay: delay,
    factor: 2,
    maxDelay: 30_000,
    maxAttempts: 0,
    jitter: true,
  });
}

const disconnectedMessage = 'The workspace is disconnected from the sync server.';

/** A {@link WorkspaceSync} over a Hocuspocus provider and its own socket. */
class ProviderSync implements WorkspaceSync {
  private readonly state = new SyncState();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private closed = false;
  private lastClose: string | null = null;

  constructor(document: WorkspaceDocument, options: SyncConnectionOptions) {
    this.socket = createSocket(options);
    this.provider = new HocuspocusProvider({ websocketProvider: this.socket, name: options.room, document: document.doc, token: options.token });
    this.socket.on('close', ({ event }: { event: { code?: number; reason?: string } }) => {
      this.lastClose = `connection closed (${event.code ?? 'no code'}${event.reason ? `: ${event.reason}` : ''})`;
    });
    this.socket.on('status', ({ status }: { status: string }) => this.followSocket(status));
    this.provider.on('synced', () => {
      this.state.set(this.readOnly ? 'read-only' : 'synced');
      this.settleIfSynced();
    });
    this.provider.on('unsyncedChanges', () => this.settleIfSynced());
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.refused(reason));
    if (options.user !== undefined) this.provider.awareness?.setLocalStateField('user', options.user);
    this.provider.attach();
  }

  get status(): SyncStatus { return this.state.status; }
  get reason(): SyncErrorReason | null { return this.state.reason; }
  get detail(): string | null { return this.state.detail; }
  get awareness(): NonNullable<HocuspocusProvider['awareness']> { return this.provider.awareness!; }

  private get readOnly(): boolean {
    return this.provider.authorizedScope === 'readonly';
  }

  private followSocket(status: string): void {
    if (this.closed || this.state.status === 'error') return;
    if (status === 'disconnected') this.state.set('offline', 'unreachable', this.lastClose);
    else if (status === 'connecting') this.state.set('connecting');
  }

  private refused(reason: string): void {
    const errorReason = toReason(reason);
    this.state.set('error', errorReason, reason);
    this.state.settle(new Error(`The sync server refused the connection: ${errorReason}`));
    // The token will not become valid by retrying: stop until the user connects again.
    this.socket.disconnect();
  }

  private settleIfSynced(): void {
    if (this.provider.isSynced && (this.readOnly || !this.provider.hasUnsyncedChanges)) this.state.settle();
  }

  onStatus(listener: SyncStatusListener): () => void {
    this.state.listeners.add(listener);
    return () => this.state.listeners.delete(listener);
  }

  whenSynced(): Promise<void> {
    if (this.closed) return Promise.reject(new Error(disconnectedMessage));
    if (this.state.status === 'error') return Promise.reject(new Error(`The sync server refused the connection: ${this.state.reason}`));
    const waiting = this.state.wait();
    this.settleIfSynced();
    return waiting;
  }

  disconnect(): void {
    if (this.closed) return;
    this.closed = true;
    this.provider.destroy();
    this.socket.destroy();
    this.state.set('offline');
    this.state.settle(new Error(disconnectedMessage));
    this.state.listeners.clear();
  }
}

/**
 * Connects an open workspace to a room of a sync server. Call it whenever the user wants to
 * share: edits made while offline are already in the workspace file and are sent on connect; the
 * provider reconnects by itself after a network loss or a server restart. Changes received are
 * applied to `document.doc` with the provider as origin, so the workspace stores them (and tells
 * its `onUpdate` listeners) like any other change.
 */
export function connectWorkspace(document: WorkspaceDocument, options: SyncConnectionOptions): WorkspaceSync {
  return new ProviderSync(document, options);
}

/**
 * Creates the workspace file of a negotiation to be joined from a server (a new machine): empty,
 * not seeded, so that the server's state fills it on connect. (A seeded new workspace would merge
 * its own title block and sections into the negotiation's.) Then call {@link connectWorkspace}.
 */
export function createJoiningWorkspace(path: string): WorkspaceDocument {
  return WorkspaceDocument.create(path, () => undefined);
}
