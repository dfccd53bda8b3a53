import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { ZeroDraftError } from '../../shared/api/errors';

/**
 * Presence crosses the bridge in y-protocols' own awareness wire format, so the renderer can
 * apply it to an Awareness of its own with `applyAwarenessUpdate`. These functions are the
 * host's half: read a renderer's state, encode the remote users' states.
 */

/** A cursor as y-prosemirror's cursor plugin writes it: two relative positions (JSON). */
export interface PresenceCursor {
  anchor: unknown;
  head: unknown;
}

/**
 * The cursor in an awareness update a renderer sent about itself (the last state it holds).
 * Only the cursor is taken: the name and colour are the host's, from the workspace settings.
 */
export function cursorOfPresence(update: Uint8Array): PresenceCursor | null {
  let cursor: PresenceCursor | null = null;
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let index = 0; index < count; index += 1) {
      decoding.readVarUint(decoder); // client id: the renderer's own replica, not the host's
      decoding.readVarUint(decoder); // clock
      const state = JSON.parse(decoding.readVarString(decoder)) as { cursor?: unknown } | null;
      cursor = isCursor(state?.cursor) ? state.cursor : null;
    }
  } catch {
    throw new ZeroDraftError('invalid-argument', 'The presence update could not be read.');
  }
  return cursor;
}

function isCursor(value: unknown): value is PresenceCursor {
  return typeof value === 'object' && value !== null && 'anchor' in value && 'head' in value;
}

/** The ids of the other users an awareness knows (every state but its own). */
export function remoteClients(awareness: Awareness): number[] {
  return [...awareness.getStates().keys()].filter((client) => client !== awareness.clientID);
}

/** Every remote user's state, as one awareness update. */
export function remotePresence(awareness: Awareness | null): Uint8Array {
  if (awareness === null) return emptyPresence();
  return encodeAwarenessUpdate(awareness, remoteClients(awareness));
}

/** An awareness update that says the given users are gone (null states at their current clocks). */
export function departedPresence(awareness: Awareness, clients: number[]): Uint8Array {
  const known = clients.filter((client) => awareness.meta.has(client));
  return known.length === 0 ? emptyPresence() : encodeAwarenessUpdate(awareness, known, new Map());
}

/** An awareness update about nobody. */
export function emptyPresence(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}
