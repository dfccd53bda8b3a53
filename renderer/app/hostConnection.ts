import { createApiProxy } from '../../shared/api/apiProxy';
import type { RawBridge, ZeroDraftApi } from '../../shared/api/contract';
import { deserializeError } from '../../shared/api/errors';
import { connectBrowserTransport } from './browserTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    zeroDraftBridge?: RawBridge;
  }
}

/** A connection to whichever host serves this renderer. */
export interface HostConnection {
  api: ZeroDraftApi;
  onDisconnect(listener: () => void): void;
}

/** Connects to the Electron preload bridge when present, else to the browser host's WebSocket. */
export async function connectToHost(): Promise<HostConnection> {
  const bridge = window.zeroDraftBridge;
  if (bridge !== undefined) {
    const api = createApiProxy({
      invoke: async (channel, args) => {
        const result = await bridge.invoke(channel, args);
        if (result.ok) return result.value;
        throw deserializeError(result.error);
      },
      subscribe: (channel, listener) => bridge.subscribe(channel, listener),
    });
    return { api, onDisconnect: () => undefined };
  }
  const transport = await connectBrowserTransport(window.location);
  return { api: createApiProxy(transport), onDisconnect: (listener) => transport.onDisconnect(listener) };
}
