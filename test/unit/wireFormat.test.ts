import { describe, it, expect } from 'vitest';
import {
  decodeWireMessage, encodeWireMessage, MalformedMessageError, type WireMessage,
} from '../../shared/api/wireFormat';

function bytes(length: number, seed = 1): Uint8Array {
  const result = new Uint8Array(length);
  let value = seed;
  for (let index = 0; index < length; index += 1) {
    value = (value * 1103515245 + 12345) >>> 0;
    result[index] = value >>> 24;
  }
  return result;
}

/** A frame from raw parts: the JSON text and the blobs, each with its 4-byte length. */
function frameOf(json: string, blobs: Uint8Array[] = []): Uint8Array {
  const jsonBytes = new TextEncoder().encode(json);
  const frame = new Uint8Array(4 + jsonBytes.byteLength + blobs.reduce((sum, blob) => sum + 4 + blob.byteLength, 0));
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

function roundTrip(message: WireMessage): WireMessage {
  return decodeWireMessage(encodeWireMessage(message));
}

function expectMalformed(frame: Uint8Array): void {
  expect(() => decodeWireMessage(frame)).toThrow(MalformedMessageError);
}

describe('wire format round trip', () => {
  it('carries calls, results and events with plain JSON values', () => {
    const messages: WireMessage[] = [
      { type: 'call', id: 7, channel: 'app:workspace.open', args: ['/tmp/a b/é 全球.zdraft', { sample: true }, null, 3.5] },
      { type: 'result', id: 7, result: { ok: true, value: { name: 'Compact', schemaVersion: 3 } } },
      { type: 'result', id: 8, result: { ok: false, error: { code: 'not-found', message: 'No file', file: '/x' } } },
      { type: 'event', channel: 'app:app.onDidRequestCommand', payload: { openPath: '/x' } },
      { type: 'call', id: 0, channel: 'app:app.hostInfo', args: [] },
    ];
    for (const message of messages) expect(roundTrip(message)).toEqual(message);
  });

  it('carries Uint8Arrays as binary blobs, anywhere in the message, byte for byte', () => {
    const update = bytes(1000, 3);
    const state = bytes(17, 9);
    const decoded = roundTrip({ type: 'call', id: 1, channel: 'app:workspace.applyUpdate', args: ['handle', update, { nested: [state, update] }] });
    expect(decoded.type).toBe('call');
    const args = (decoded as Extract<WireMessage, { type: 'call' }>).args;
    expect(args[1]).toBeInstanceOf(Uint8Array);
    expect(args[1]).toEqual(update);
    const nested = (args[2] as { nested: Uint8Array[] }).nested;
    expect(nested[0]).toEqual(state);
    expect(nested[1]).toEqual(update);
    expect(nested[1]).not.toBe(args[1]);
  });

  it('keeps blobs out of the JSON (no base64 or number arrays)', () => {
    const frame = encodeWireMessage({ type: 'event', channel: 'app:workspace.onDidUpdate', payload: { handle: 'h', update: bytes(4096) } });
    const jsonLength = new DataView(frame.buffer, frame.byteOffset).getUint32(0);
    expect(new TextDecoder().decode(frame.subarray(4, 4 + jsonLength)))
      .toBe('{"type":"event","channel":"app:workspace.onDidUpdate","payload":{"handle":"h","update":{"$blob":0}}}');
    expect(frame.byteLength).toBe(4 + jsonLength + 4 + 4096);
  });

  it('carries an empty Uint8Array', () => {
    const decoded = roundTrip({ type: 'result', id: 2, result: new Uint8Array(0) }) as Extract<WireMessage, { type: 'result' }>;
    expect(decoded.result).toBeInstanceOf(Uint8Array);
    expect((decoded.result as Uint8Array).byteLength).toBe(0);
  });

  it('carries a 1 MB Uint8Array and several blobs after it', () => {
    const large = bytes(1024 * 1024, 42);
    const small = bytes(3, 5);
    const decoded = roundTrip({ type: 'result', id: 3, result: { state: large, also: [small, new Uint8Array(0), small] } }) as Extract<WireMessage, { type: 'result' }>;
    const result = decoded.result as { state: Uint8Array; also: Uint8Array[] };
    expect(result.state.byteLength).toBe(1024 * 1024);
    expect(Buffer.from(result.state).equals(Buffer.from(large))).toBe(true);
    expect(result.also).toEqual([small, new Uint8Array(0), small]);
  });

  it('decodes a frame that is a view into a larger buffer', () => {
    const frame = encodeWireMessage({ type: 'event', channel: 'app:x.y', payload: [bytes(10)] });
    const padded = new Uint8Array(frame.byteLength + 13);
    padded.set(frame, 7);
    const decoded = decodeWireMessage(padded.subarray(7, 7 + frame.byteLength));
    expect((decoded as Extract<WireMessage, { type: 'event' }>).payload).toEqual([bytes(10)]);
  });

  it('encodes a subarray as just its own bytes', () => {
    const whole = bytes(100);
    const part = whole.subarray(10, 20);
    const decoded = roundTrip({ type: 'result', id: 1, result: part }) as Extract<WireMessage, { type: 'result' }>;
    expect(decoded.result).toEqual(whole.slice(10, 20));
  });

  it('accepts up to 1024 blobs and rejects more', () => {
    const many = Array.from({ length: 1024 }, (_, index) => new Uint8Array([index & 255]));
    const decoded = roundTrip({ type: 'result', id: 1, result: many }) as Extract<WireMessage, { type: 'result' }>;
    expect(decoded.result).toEqual(many);
    expectMalformed(encodeWireMessage({ type: 'result', id: 1, result: [...many, new Uint8Array(1)] }));
  });
});

describe('malformed frames throw MalformedMessageError', () => {
  it('rejects frames shorter than the length header', () => {
    for (const length of [0, 1, 2, 3]) expectMalformed(new Uint8Array(length));
  });

  it('rejects truncated JSON', () => {
    const frame = encodeWireMessage({ type: 'call', id: 1, channel: 'app:app.hostInfo', args: [] });
    expectMalformed(frame.subarray(0, frame.byteLength - 1));
    expectMalformed(frame.subarray(0, 5));
    const huge = new Uint8Array(8);
    new DataView(huge.buffer).setUint32(0, 0xffffffff);
    expectMalformed(huge);
  });

  it('rejects truncated blobs and blob headers', () => {
    const frame = encodeWireMessage({ type: 'result', id: 1, result: bytes(50) });
    expectMalformed(frame.subarray(0, frame.byteLength - 1));
    expectMalformed(frame.subarray(0, frame.byteLength - 50 - 2));
    const withStray = new Uint8Array(frame.byteLength + 2);
    withStray.set(frame);
    expectMalformed(withStray);
  });

  it('rejects a blob index that does not exist', () => {
    expectMalformed(frameOf('{"type":"result","id":1,"result":{"$blob":0}}'));
    expectMalformed(frameOf('{"type":"result","id":1,"result":{"$blob":1}}', [bytes(2)]));
    expectMalformed(frameOf('{"type":"result","id":1,"result":{"$blob":-1}}', [bytes(2)]));
    expectMalformed(frameOf('{"type":"result","id":1,"result":{"$blob":0.5}}', [bytes(2)]));
  });

  it('rejects text that is not JSON, and bytes that are not UTF-8', () => {
    expectMalformed(frameOf('not json'));
    expectMalformed(frameOf('{"type":"call",'));
    expectMalformed(frameOf(''));
    const invalidUtf8 = new Uint8Array([0, 0, 0, 4, 0x22, 0xff, 0xfe, 0x22]);
    expectMalformed(invalidUtf8);
  });

  it('rejects JSON of the wrong shape or type', () => {
    for (const json of [
      'null', '42', '"call"', '[]', '{}', '{"type":"nope","id":1}',
      '{"type":"call","id":"1","channel":"app:a.b","args":[]}',
      '{"type":"call","id":1,"channel":"app:a.b","args":{}}',
      '{"type":"call","id":1,"args":[]}',
      '{"type":"result"}',
      '{"type":"event","payload":1}',
    ]) {
      expect(() => decodeWireMessage(frameOf(json)), json).toThrow(MalformedMessageError);
    }
  });

  it('MalformedMessageError is an Error', () => {
    try {
      decodeWireMessage(new Uint8Array(1));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(MalformedMessageError);
      expect((error as Error).message).toBe('Frame too short.');
    }
  });
});
