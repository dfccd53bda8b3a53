import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxUpdateBytes } from '../../shared/api/argumentValidation';
import { decodeWireMessage, encodeWireMessage, MalformedMessageError } from '../../shared/api/wireFormat';
import { ServiceCore } from '../services/serviceCore';

/** Settings of the browser host. */
export interface BrowserHostOptions {
  /** Interface to bind; only loopback addresses make sense for a personal app. */
  host: string;
  /** Port, 0 for any free one. */
  port: number;
  dataDirectory: string;
  /** Folder of the built renderer (dist/renderer). */
  rendererDirectory: string;
  version: string;
  /** The per-run secret; generated when absent. */
  secret?: string;
}

/** A running browser host. */
export interface BrowserHost {
  /** The URL to open, with the secret. */
  url: string;
  core: ServiceCore;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.map': 'application/json',
};

function contentSecurityPolicy(origin: string): string {
  const socket = origin.replace(/^http/, 'ws');
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ${socket}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`;
}

function serveStatic(rendererDirectory: string, origin: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(request.url ?? '/', origin).pathname);
  const relative = pathname === '/' ? 'index.html' : normalize(pathname).replace(/^([/\\])+/, '');
  const file = resolve(rendererDirectory, relative);
  if (!file.startsWith(resolve(rendererDirectory) + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy(origin),
    'x-content-type-options': 'nosniff',
    // Built assets have content hashes in their names: let the browser keep them (and its code
    // cache of them); the page itself is always fetched fresh.
    'cache-control': relative.startsWith(`assets${sep}`) || relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
}

function secretMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function attachSocket(core: ServiceCore, socket: WebSocket): void {
  const session = core.connect({
    send: (channel, payload) => {
      if (socket.readyState === socket.OPEN) socket.send(encodeWireMessage({ type: 'event', channel, payload }));
    },
  });
  socket.on('message', async (data, isBinary) => {
    let message;
    try {
      if (!isBinary) throw new MalformedMessageError('Text frames are not part of the protocol.');
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      message = decodeWireMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (message.type !== 'call') throw new MalformedMessageError('Only calls are accepted.');
    } catch (error) {
      socket.close(1007, error instanceof Error ? error.message.slice(0, 100) : 'Malformed message');
      return;
    }
    const result = await session.call(message.channel, message.args);
    if (socket.readyState === socket.OPEN) socket.send(encodeWireMessage({ type: 'result', id: message.id, result }));
  });
  socket.on('close', () => session.dispose());
}

/**
 * Serves the renderer and the same services as the Electron shell, for a browser on this
 * machine: static files over HTTP, calls and events over one WebSocket per page. The WebSocket
 * needs the per-run secret and the page's own origin.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const core = new ServiceCore({ dataDirectory: options.dataDirectory, hostKind: 'browser', version: options.version });
  let origin = '';
  const server = createServer((request, response) => serveStatic(options.rendererDirectory, origin, request, response));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxUpdateBytes + 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== '/bridge' || !secretMatches(secret, url.searchParams.get('key')) || request.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => attachSocket(core, webSocket));
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostPart}:${address.port}`;
  return {
    url: `${origin}/?key=${secret}`,
    core,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolvePromise) => sockets.close(() => resolvePromise()));
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
      core.closeAll();
    },
  };
}

/** The default folder of the built renderer, next to the built host. */
export function defaultRendererDirectory(fromFile: string): string {
  return join(fromFile, '..', '..', 'renderer');
}
