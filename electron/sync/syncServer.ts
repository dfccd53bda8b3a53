// The sync server: Hocuspocus 4 with invite-token authentication, read-only connections, every
// room persisted to SQLite (each update stored before the server acknowledges it), a message size
// cap, a per-address connection limit, structured JSON logs, and optional Redis scale-out.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Redis } from '@hocuspocus/extension-redis';
import {
  Server, type Connection, type Extension, type beforeHandleMessagePayload, type connectedPayload, type onAuthenticatePayload,
  type onDisconnectPayload, type onLoadDocumentPayload, type onUpgradePayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';
import { ConnectionThrottle } from './connectionThrottle';
import { EchoSuppression } from './echoSuppression';
import { checkClientMessage } from './syncMessageCheck';
import { SyncStore, type TokenAccess } from './syncStore';

/** One structured log event (written as one JSON line). Never holds token values or document text. */
export interface SyncLogEvent {
  event: string;
  [field: string]: unknown;
}

/** Options of {@link startSyncServer}. */
export interface SyncServerOptions {
  /** Address to bind (tests and the default: 127.0.0.1). */
  host: string;
  /** TCP port; 0 picks a free one (see {@link SyncServer.port}). */
  port: number;
  /** Folder of the server's database (created if missing). */
  dataDirectory: string;
  /** Redis for scale-out: instances that share it share their rooms live. */
  redis?: { host: string; port: number };
  /**
   * Largest WebSocket message accepted; a larger one closes that connection (default 32 MiB).
   * It must exceed the largest room's whole state: a client uploading a negotiation sends it as one message.
   */
  maximumMessageBytes?: number;
  /** New connections allowed per remote address per minute (default 120). */
  connectionsPerMinute?: number;
  /**
   * Behind a reverse proxy on this machine: take the client's address from the last entry of
   * `X-Forwarded-For` (set by the proxy) for throttling and logs. Default false.
   */
  trustProxy?: boolean;
  /**
   * How often a live connection's token is checked again, in ms (default 5,000): a token revoked
   * or expired meanwhile closes the connection at its next message (clients send one at least
   * every 15 s, for presence).
   */
  tokenRecheckMilliseconds?: number;
  /** Where log events go (default: one JSON line each on standard output). */
  log?: (event: SyncLogEvent) => void;
  /** Instance name in the logs (default: host:port). */
  name?: string;
}

/** A running sync server. */
export interface SyncServer {
  /** The address it listens on. */
  readonly host: string;
  /** The port it listens on. */
  readonly port: number;
  /** `ws://host:port`, for clients. */
  readonly url: string;
  /** The server's database (rooms, tokens, logs). */
  readonly store: SyncStore;
  /** Closes every connection, stores and compacts the open rooms, closes the database. */
  stop(): Promise<void>;
}

/** What the server remembers about an authenticated connection. */
interface SyncContext {
  tokenId: string;
  person: string;
  access: TokenAccess;
  address: string;
  /** When the token was last found valid (ms since the epoch). */
  checkedAt: number;
}

/** Origin of the stored state applied when a room is loaded: already on disk. */
const storedStateOrigin = 'zerodraft-sync:stored';
/** Header the server sets on each upgrade request (overwriting any sent) to carry the remote address. */
const addressHeader = 'x-zerodraft-remote-address';
const defaultMaximumMessageBytes = 32 * 1024 * 1024;
const defaultConnectionsPerMinute = 120;
/** Compact a room's log once it holds this many updates (when the room is stored or unloaded). */
const compactAfterUpdates = 500;

/** Writes one JSON line per event on standard output. */
export function jsonLineLog(event: SyncLogEvent): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
}

function remoteAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const last = trustProxy && typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined;
  return last !== undefined && last !== '' ? last : request.socket.remoteAddress ?? 'unknown';
}

/** Refuses an upgrade with an HTTP status, so Hocuspocus does not accept it. */
function refuseUpgrade(socket: Socket, status: string): Promise<never> {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
  // Hocuspocus treats a rejection without an error as "handled, stop here".
  return Promise.reject();
}

/** The extension holding Zero Draft's rules: access, persistence, limits, logs. */
class ZeroDraftSyncExtension implements Extension {
  readonly extensionName = 'zerodraft-sync';
  private readonly throttle: ConnectionThrottle;
  /** Updates stored per room since the last `store` log line. */
  private readonly storedSinceLog = new Map<string, { updates: number; bytes: number }>();
  /** The sockets of accepted upgrades, closed when the server stops (Hocuspocus leaves them open). */
  readonly sockets = new Set<Socket>();
  private readonly echoes = new EchoSuppression();

  private readonly limits: { recheckMilliseconds: number; trustProxy: boolean };

  constructor(private readonly store: SyncStore, private readonly log: (event: SyncLogEvent) => void, options: SyncServerOptions) {
    this.throttle = new ConnectionThrottle(options.connectionsPerMinute ?? defaultConnectionsPerMinute);
    this.limits = { recheckMilliseconds: options.tokenRecheckMilliseconds ?? 5000, trustProxy: options.trustProxy ?? false };
  }

  async onUpgrade({ request, socket }: onUpgradePayload): Promise<void> {
    const address = remoteAddress(request, this.limits.trustProxy);
    request.headers[addressHeader] = address;
    if (!this.throttle.allow(address)) {
      this.log({ event: 'connection-throttled', address });
      await refuseUpgrade(socket as Socket, '429 Too Many Requests');
    }
    const accepted = socket as Socket;
    this.sockets.add(accepted);
    accepted.once('close', () => this.sockets.delete(accepted));
  }

  async onAuthenticate({ token, documentName, connectionConfig, requestHeaders, socketId }: onAuthenticatePayload): Promise<SyncContext> {
    const address = requestHeaders.get(addressHeader) ?? 'unknown';
    const check = this.store.checkToken(documentName, token);
    if (!check.accepted) {
      this.log({ event: 'auth-failed', reason: check.reason, room: documentName, address, socketId });
      // Hocuspocus sends `reason` to the client (permission denied), which shows it to the user.
      throw { reason: check.reason };
    }
    connectionConfig.readOnly = check.token.access === 'read-only';
    this.log({ event: 'connect', room: documentName, tokenId: check.token.id, person: check.token.person, access: check.token.access, address, socketId });
    return { tokenId: check.token.id, person: check.token.person, access: check.token.access, address, checkedAt: Date.now() };
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const state = this.store.roomState(documentName);
    if (state !== null) Y.applyUpdate(document, state, storedStateOrigin);
    this.echoes.followRoom(document);
    // Stored synchronously, inside the transaction that applies the change, so it is on disk
    // before Hocuspocus acknowledges it to the client (and whatever its origin: client or Redis).
    document.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === storedStateOrigin) return;
      try {
        this.store.appendUpdate(documentName, update);
      } catch (error) {
        // Not acknowledged (the connection closes). The clients' files hold the change: once the
        // server restarts with its disk fixed, their next state exchange sends it again.
        this.log({ event: 'store-failed', room: documentName, detail: error instanceof Error ? error.message : String(error) });
        throw error;
      }
      const counter = this.storedSinceLog.get(documentName) ?? { updates: 0, bytes: 0 };
      counter.updates += 1;
      counter.bytes += update.byteLength;
      this.storedSinceLog.set(documentName, counter);
    });
    this.log({ event: 'room-loaded', room: documentName, storedBytes: state?.byteLength ?? 0 });
  }

  async beforeHandleMessage({ connection, update, documentName, context }: beforeHandleMessagePayload<SyncContext>): Promise<void> {
    this.recheckToken(connection, documentName, context);
    let checked: ReturnType<typeof checkClientMessage>;
    try {
      checked = checkClientMessage(update);
    } catch (error) {
      this.log({ event: 'message-rejected', reason: 'malformed', detail: error instanceof Error ? error.message : String(error), room: documentName, tokenId: context.tokenId, socketId: connection.socketId });
      closeSocket(connection, 1007, 'malformed-message');
      throw { code: 1007, reason: 'malformed-message' };
    }
    if (checked.changes && connection.readOnly) this.log({ event: 'edit-refused', reason: 'read-only', room: documentName, tokenId: context.tokenId, socketId: connection.socketId });
    if (checked.update !== null) this.echoes.receivedFrom(connection, checked.update);
  }

  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    this.echoes.filterConnection(connection, documentName);
  }

  /** Closes a connection whose token was revoked or expired since it was last checked. */
  private recheckToken(connection: Connection, room: string, context: SyncContext): void {
    if (Date.now() - context.checkedAt < this.limits.recheckMilliseconds) return;
    const refusal = this.store.tokenStanding(context.tokenId);
    if (refusal === null) {
      context.checkedAt = Date.now();
      return;
    }
    this.log({ event: 'token-withdrawn', reason: refusal, room, tokenId: context.tokenId, socketId: connection.socketId });
    closeSocket(connection, 4403, refusal);
    throw { code: 4403, reason: refusal };
  }

  async onDisconnect({ documentName, context, socketId, clientsCount }: onDisconnectPayload<SyncContext>): Promise<void> {
    this.log({ event: 'disconnect', room: documentName, tokenId: context.tokenId, person: context.person, socketId, clientsLeft: clientsCount });
  }

  async onStoreDocument({ documentName }: { documentName: string }): Promise<void> {
    this.logStored(documentName);
    if (this.store.updateCount(documentName) >= compactAfterUpdates) this.compact(documentName);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.logStored(documentName);
    this.echoes.forgetRoom(documentName);
    if (this.store.database.open) this.compact(documentName);
    this.log({ event: 'room-unloaded', room: documentName });
  }

  private logStored(room: string): void {
    const counter = this.storedSinceLog.get(room);
    if (counter === undefined) return;
    this.storedSinceLog.delete(room);
    this.log({ event: 'store', room, updates: counter.updates, bytes: counter.bytes });
  }

  private compact(room: string): void {
    const result = this.store.compact(room);
    if (result.before > 1) this.log({ event: 'compact', room, updatesBefore: result.before, bytes: result.bytes });
  }
}

/** Closes the WebSocket under a document connection (not only that document's session). */
function closeSocket(connection: Connection, code: number, reason: string): void {
  try {
    connection.webSocket.close(code, reason);
  } catch {
    // Already closing.
  }
}

/** Hocuspocus's own start screen and chatter are replaced by our log lines. */
function serverConfiguration(options: SyncServerOptions, extension: ZeroDraftSyncExtension): ConstructorParameters<typeof Server>[0] {
  const extensions: Extension[] = [];
  // Redis first: when another instance holds the store lock, it skips the later store hooks.
  if (options.redis !== undefined) extensions.push(new Redis({ host: options.redis.host, port: options.redis.port, prefix: 'zerodraft' }));
  extensions.push(extension);
  return {
    address: options.host,
    port: options.port,
    name: options.name,
    quiet: true,
    stopOnSignals: false,
    // Negotiation documents never garbage-collect (revisions need deleted content), on the server too.
    yDocOptions: { ...negotiationDocOptions, gcFilter: () => false },
    websocketOptions: { maxPayload: options.maximumMessageBytes ?? defaultMaximumMessageBytes },
    // Each update is broadcast in the transaction that applies it (see echoSuppression.ts).
    flushDelay: false,
    extensions,
  };
}

/** Starts a sync server; resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const log = options.log ?? jsonLineLog;
  const store = SyncStore.open(options.dataDirectory);
  const extension = new ZeroDraftSyncExtension(store, log, options);
  const server = new Server(serverConfiguration(options, extension));
  try {
    await server.listen();
  } catch (error) {
    store.close();
    throw error;
  }
  const port = server.address.port;
  const name = options.name ?? `${options.host}:${port}`;
  log({ event: 'listen', name, host: options.host, port, redis: options.redis === undefined ? null : `${options.redis.host}:${options.redis.port}` });
  let stopping: Promise<void> | undefined;
  return {
    host: options.host,
    port,
    url: `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    store,
    stop: () => {
      stopping ??= (async () => {
        await server.destroy();
        // Like a process exit: clients see the connection drop, and reconnect to the next server.
        for (const socket of extension.sockets) socket.destroy();
        store.close();
        log({ event: 'stopped', name });
      })();
      return stopping;
    },
  };
}
