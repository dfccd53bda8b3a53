// Hocuspocus sends every document update to every connection of the room, the one it came from
// included: a client's changes travel back to it, which doubles what a client downloads after
// offline work. This drops that echo: a broadcast update is not sent to the connection whose
// message produced it, when everything in it (structs and deletions) was in that message. (An
// update that also completes changes another client sent earlier, pending until now, still goes.)
// It needs the server's `flushDelay: false`, so that updates are broadcast inside the transaction
// that applies them, one update per transaction, never merged.
import type { Connection, Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus message type Sync, and the y-protocols sync message type Update. */
const syncMessage = 0;
const updateStep = 2;

/** The update a broadcast document update message (Sync / Update) carries, else null. */
function broadcastUpdate(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== syncMessage || decoding.readVarUint(decoder) !== updateStep) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}

type DeleteRanges = Map<number, { clock: number; len: number }[]>;

function deletesWithin(inner: DeleteRanges, outer: DeleteRanges): boolean {
  for (const [client, ranges] of inner) {
    const covering = outer.get(client) ?? [];
    const covered = ranges.every(({ clock, len }) => covering.some((range) => range.clock <= clock && clock + len <= range.clock + range.len));
    if (!covered) return false;
  }
  return true;
}

/** Whether every struct and deletion of `update` is in `source`. */
function containedIn(update: Uint8Array, source: Uint8Array): boolean {
  const inner = Y.parseUpdateMeta(update);
  const outer = Y.parseUpdateMeta(source);
  for (const [client, from] of inner.from) {
    const sourceFrom = outer.from.get(client);
    const sourceTo = outer.to.get(client);
    if (sourceFrom === undefined || sourceTo === undefined || from < sourceFrom || inner.to.get(client)! > sourceTo) return false;
  }
  return deletesWithin(Y.decodeUpdate(update).ds.clients as DeleteRanges, Y.decodeUpdate(source).ds.clients as DeleteRanges);
}

/** The connection a transaction origin names (Hocuspocus: `{ source: 'connection', connection }`). */
function originConnection(origin: unknown): unknown {
  return typeof origin === 'object' && origin !== null && (origin as { source?: unknown }).source === 'connection'
    ? (origin as { connection?: unknown }).connection
    : undefined;
}

/** Remembers, per room, which connection the transaction being broadcast came from. */
export class EchoSuppression {
  private readonly broadcastOrigins = new Map<string, unknown>();
  /** The last update each connection sent (what an echo to it may hold). */
  private readonly lastSent = new WeakMap<Connection, Uint8Array>();

  /** Follows a room's transactions (call when the room is loaded). */
  followRoom(document: Document): void {
    // Emitted right before 'update', whose listener (Hocuspocus's) broadcasts the update.
    document.on('afterTransactionCleanup', (transaction: Y.Transaction) => {
      this.broadcastOrigins.set(document.name, originConnection(transaction.origin));
    });
  }

  /** Forgets a room (call when it is unloaded). */
  forgetRoom(name: string): void {
    this.broadcastOrigins.delete(name);
  }

  /** Records an update a connection sent (call before the server applies it). */
  receivedFrom(connection: Connection, update: Uint8Array): void {
    this.lastSent.set(connection, update);
  }

  /** Wraps a connection's `send` so that it skips the echo of its own updates. */
  filterConnection(connection: Connection, room: string): void {
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array): void => {
      if (this.broadcastOrigins.get(room) === connection) {
        const update = broadcastUpdate(message);
        const sent = this.lastSent.get(connection);
        if (update !== null && sent !== undefined && containedIn(update, sent)) return;
      }
      send(message);
    };
  }
}
