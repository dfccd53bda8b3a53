// TextEncoder/TextDecoder are globals in browsers and Node; shared/ is compiled without either
// typing, so declare the two members used.
declare class TextEncoder { encode(text: string): Uint8Array }
declare class TextDecoder { constructor(label: string, options: { fatal: boolean }); decode(bytes: Uint8Array): string }

/** A call from the renderer to the browser host. */
export interface WireCall { type: 'call'; id: number; channel: string; args: unknown[] }
/** The answer to a call. */
export interface WireResult { type: 'result'; id: number; result: unknown }
/** An event pushed by the host. */
export interface WireEvent { type: 'event'; channel: string; payload: unknown }
/** Any message of the browser host's WebSocket protocol. */
export type WireMessage = WireCall | WireResult | WireEvent;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const maxBlobs = 1024;

/**
 * Encodes a message as one binary frame: a 4-byte length, the JSON with every Uint8Array
 * replaced by `{"$blob": n}`, then each blob with its 4-byte length. Binary Yjs updates travel
 * without base64.
 */
export function encodeWireMessage(message: WireMessage): Uint8Array<ArrayBuffer> {
  const blobs: Uint8Array[] = [];
  const json = JSON.stringify(message, (_key, value: unknown) => {
    if (value instanceof Uint8Array) {
      blobs.push(value);
      return { $blob: blobs.length - 1 };
    }
    return value;
  });
  const jsonBytes = encoder.encode(json);
  const total = 4 + jsonBytes.byteLength + blobs.reduce((sum, blob) => sum + 4 + blob.byteLength, 0);
  const frame = new Uint8Array(total);
  const view = new DataView(frame.buffer);
  view.setUint32(0, jsonBytes.byteLength);
  frame.set(jsonBytes, 4);
  let offset = 4 + jsonBytes.byteLength;
  for (const blob of blobs) {
    view.setUint32(offset, blob.byteLength);
    frame.set(blob, offset + 4);
    offset += 4 + blob.byteLength;
  }
  return frame;
}

/** Thrown for a frame that does not follow the protocol. */
export class MalformedMessageError extends Error {}

function readBlobs(frame: Uint8Array, view: DataView, start: number): Uint8Array[] {
  const blobs: Uint8Array[] = [];
  let offset = start;
  while (offset < frame.byteLength) {
    if (offset + 4 > frame.byteLength || blobs.length >= maxBlobs) throw new MalformedMessageError('Truncated blob header.');
    const length = view.getUint32(offset);
    if (offset + 4 + length > frame.byteLength) throw new MalformedMessageError('Truncated blob.');
    blobs.push(frame.slice(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return blobs;
}

/** Decodes a frame made by {@link encodeWireMessage}; throws {@link MalformedMessageError} on anything else. */
export function decodeWireMessage(frame: Uint8Array): WireMessage {
  if (frame.byteLength < 4) throw new MalformedMessageError('Frame too short.');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const jsonLength = view.getUint32(0);
  if (4 + jsonLength > frame.byteLength) throw new MalformedMessageError('Truncated JSON.');
  const blobs = readBlobs(frame, view, 4 + jsonLength);
  let message: unknown;
  try {
    message = JSON.parse(decoder.decode(frame.subarray(4, 4 + jsonLength)), (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null && typeof (value as { $blob?: unknown }).$blob === 'number') {
        const blob = blobs[(value as { $blob: number }).$blob];
        if (blob === undefined) throw new MalformedMessageError('Unknown blob.');
        return blob;
      }
      return value;
    });
  } catch (error) {
    throw error instanceof MalformedMessageError ? error : new MalformedMessageError('Invalid JSON.');
  }
  return checkShape(message);
}

function checkShape(message: unknown): WireMessage {
  if (typeof message !== 'object' || message === null) throw new MalformedMessageError('Not an object.');
  const record = message as Record<string, unknown>;
  if (record.type === 'call' && typeof record.id === 'number' && typeof record.channel === 'string' && Array.isArray(record.args)) return message as WireCall;
  if (record.type === 'result' && typeof record.id === 'number') return message as WireResult;
  if (record.type === 'event' && typeof record.channel === 'string') return message as WireEvent;
  throw new MalformedMessageError('Unknown message type.');
}
