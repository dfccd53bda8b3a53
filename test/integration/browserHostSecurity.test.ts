import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startBrowserHost, type BrowserHost } from '../../electron/serve/browserHost';
import { channelName, type CallResult, type OpenedWorkspace } from '../../shared/api/contract';
import { decodeWireMessage, encodeWireMessage, type WireMessage } from '../../shared/api/wireFormat';
import { ensureBuilt, rendererDirectory } from '../support/builtApp';
import { temporaryFolder } from '../support/temporaryFolder';

const folder = temporaryFolder('zd-host-');
let host: BrowserHost;
let origin: string;
let key: string;

/** A client of the browser host's WebSocket protocol, as the renderer speaks it. */
class TestClient {
  readonly socket: WebSocket;
  readonly events: WireMessage[] = [];
  private nextId = 1;
  private readonly waiting = new Map<number, (result: CallResult) => void>();
  readonly closed: Promise<number>;

  constructor(url: string, headers: Record<string, string>) {
    this.socket = new WebSocket(url, { headers });
    this.closed = new Promise((resolve) => this.socket.on('close', (code) => resolve(code)));
    this.socket.on('message', (data: Buffer) => {
      const message = decodeWireMessage(new Uint8Array(data));
      if (message.type === 'result') this.waiting.get(message.id)?.(message.result as CallResult);
      else this.events.push(message);
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => { this.socket.once('open', () => resolve()); this.socket.once('error', reject); });
  }

  call(channel: string, args: unknown[]): Promise<CallResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(encodeWireMessage({ type: 'call', id, channel, args }));
    });
  }
}

async function connectedClient(): Promise<TestClient> {
  const client = new TestClient(`${origin.replace('http', 'ws')}/bridge?key=${key}`, { origin });
  await client.opened();
  return client;
}

function rejectionStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => resolve(101));
    socket.on('error', () => undefined);
  });
}

beforeAll(async () => {
  ensureBuilt();
  host = await startBrowserHost({ host: '127.0.0.1', port: 0, dataDirectory: folder.path, rendererDirectory, version: 'test' });
  const url = new URL(host.url);
  origin = url.origin;
  key = url.searchParams.get('key')!;
});

afterAll(async () => {
  await host.close();
  folder.remove();
});

describe('browser host', () => {
  it('binds the loopback address it was given and serves the renderer with a strict CSP', async () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<div id="root">');
    expect((await fetch(`${origin}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });

  it('refuses a WebSocket without the key, with a wrong key, or from another origin', async () => {
    const socketUrl = `${origin.replace('http', 'ws')}/bridge`;
    expect(await rejectionStatus(socketUrl, { origin })).toBe(403);
    expect(await rejectionStatus(`${socketUrl}?key=wrong`, { origin })).toBe(403);
    expect(await rejectionStatus(`${socketUrl}?key=${key}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await rejectionStatus(`${socketUrl}?key=${key}`, { origin })).toBe(101);
  });

  it('closes a connection that sends a malformed message and keeps serving the others', async () => {
    const good = await connectedClient();
    const bad = await connectedClient();
    bad.socket.send(Buffer.from([1, 2, 3]));
    expect(await bad.closed).toBe(1007);
    const text = await connectedClient();
    text.socket.send('not binary');
    expect(await text.closed).toBe(1007);
    const result = await good.call(channelName('app', 'preferences'), []);
    expect(result).toEqual({ ok: true, value: { language: 'en' } });
    good.socket.close();
  });

  it('answers bad calls with typed errors, not crashes', async () => {
    const client = await connectedClient();
    expect(await client.call('app:nothing.here', [])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await client.call(channelName('workspace', 'open'), [42])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await client.call(channelName('workspace', 'open'), ['relative/path.zdraft'])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await client.call(channelName('workspace', 'applyUpdate'), ['w999', new Uint8Array([0])])).toMatchObject({ ok: false, error: { code: 'not-open' } });
    client.socket.close();
  });

  it('shares one authoritative replica between two pages: each sees the other\'s edits', async () => {
    const first = await connectedClient();
    const second = await connectedClient();
    const path = ((await first.call(channelName('app', 'sampleWorkspace'), [])) as { value: string }).value;
    const openedFirst = ((await first.call(channelName('workspace', 'open'), [path])) as { value: OpenedWorkspace }).value;
    const openedSecond = ((await second.call(channelName('workspace', 'open'), [path])) as { value: OpenedWorkspace }).value;
    const replica = new Y.Doc({ gc: false });
    Y.applyUpdate(replica, openedFirst.state);
    const updates: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array) => updates.push(update));
    replica.getMap('meta').set('note', 'from the first page');
    const ack = await first.call(channelName('workspace', 'applyUpdate'), [openedFirst.handle, updates[0]]);
    expect(ack).toMatchObject({ ok: true });
    await expect.poll(() => second.events.length).toBeGreaterThan(0);
    const event = second.events[0] as { payload: { handle: string; update: Uint8Array } };
    expect(event.payload.handle).toBe(openedSecond.handle);
    const other = new Y.Doc({ gc: false });
    Y.applyUpdate(other, openedSecond.state);
    Y.applyUpdate(other, event.payload.update);
    expect(other.getMap('meta').get('note')).toBe('from the first page');
    expect(first.events).toHaveLength(0);
    first.socket.close();
    second.socket.close();
  });
});
