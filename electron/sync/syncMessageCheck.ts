// Reads a Hocuspocus message far enough to refuse a malformed one before the server applies it:
// the Yjs update or state vector it carries must decode completely. (A half-applied garbage update
// could leave the room's document in a state no client can read.)
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus message types (see @hocuspocus/server MessageType). */
const messageType = { sync: 0, syncReply: 4, highest: 10 } as const;
/** y-protocols sync message types. */
const syncType = { step1: 0, step2: 1, update: 2 } as const;

/** What a client message carries, as far as the server's checks are concerned. */
export interface CheckedMessage {
  /** The message carries document changes (a sync step 2 or an update). */
  changes: boolean;
  /** The Yjs update it carries, or null. */
  update: Uint8Array | null;
}

/**
 * Checks one message from a client. Returns what it carries, or throws an Error saying what is
 * wrong with it.
 */
export function checkClientMessage(data: Uint8Array): CheckedMessage {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type > messageType.highest) throw new Error(`unknown message type ${type}`);
  if (type !== messageType.sync && type !== messageType.syncReply) return { changes: false, update: null };
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === syncType.step1) {
    Y.decodeStateVector(payload);
    return { changes: false, update: null };
  }
  if (step !== syncType.step2 && step !== syncType.update) throw new Error(`unknown sync step ${step}`);
  Y.decodeUpdate(payload);
  return { changes: true, update: payload };
}
