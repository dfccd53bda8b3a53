import type { ApiTransport } from '../../shared/api/apiProxy';
import type { CallResult } from '../../shared/api/contract';
import { deserializeError, ZeroDraftError } from '../../shared/api/errors';
import { decodeWireMessage, encodeWireMessage } from '../../shared/api/wireFormat';

/** A transport to the browser host over one WebSocket, authenticated by the per-run key in the page URL. */
export interface BrowserTransport extends ApiTransport {
  /** Called once if the connection to the host is lost. */
  onDisconnect(listener: () => void): void;
}

/** Opens the WebSocket to the browser host that served this page. */
export function connectBrowserTransport(location: Location): Promise<BrowserTransport> {
  const key = new URLSearchParams(location.search).get('key') ?? '';
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${protocol}//${location.host}/bridge?key=${encodeURIComponent(key)}`);
  socket.binaryType = 'arraybuffer';
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const disconnectListeners: (() => void)[] = [];
  let nextId = 1;

  socket.addEventListener('message', (event) => {
    const message = decodeWireMessage(new Uint8Array(event.data as ArrayBuffer));
    if (message.type === 'result') {
      const call = pending.get(message.id);
      pending.delete(message.id);
      const result = message.result as CallResult;
      if (result.ok) call?.resolve(result.value);
      else call?.reject(deserializeError(result.error));
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const call of pending.values()) call.reject(new ZeroDraftError('io', 'The connection to the Zero Draft host was lost. Changes made since the last save may not be stored.'));
    pending.clear();
    for (const listener of disconnectListeners) listener();
  });

  const transport: BrowserTransport = {
    invoke: (channel, args) => new Promise((resolve, reject) => {
      if (socket.readyState !== WebSocket.OPEN) {
        reject(new ZeroDraftError('io', 'Not connected to the Zero Draft host.'));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(encodeWireMessage({ type: 'call', id, channel, args }));
    }),
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
    onDisconnect: (listener) => { disconnectListeners.push(listener); },
  };
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(transport), { once: true });
    socket.addEventListener('error', () => reject(new ZeroDraftError('unauthorized', 'Could not connect to the Zero Draft host. Open the exact address that `npm run serve` printed (it contains the key).')), { once: true });
  });
}
