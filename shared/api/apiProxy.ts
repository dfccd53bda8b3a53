import {
  channelName, serviceEvents, serviceMethods, type ServiceName, type ZeroDraftApi,
} from './contract';

/** How a host carries calls and events; the preload and the browser client each provide one. */
export interface ApiTransport {
  /** Sends a call on a channel and resolves with its result (rejects with a ZeroDraftError). */
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  /** Subscribes to an event channel; returns the unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** Builds the whole {@link ZeroDraftApi} from a transport, one channel per method and event. */
export function createApiProxy(transport: ApiTransport): ZeroDraftApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const service of Object.keys(serviceMethods) as ServiceName[]) {
    const members: Record<string, unknown> = {};
    for (const method of serviceMethods[service]) {
      const channel = channelName(service, method);
      members[method] = (...args: unknown[]) => transport.invoke(channel, args);
    }
    for (const event of serviceEvents[service]) {
      const channel = channelName(service, event);
      members[event] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
    }
    api[service] = members;
  }
  return api as unknown as ZeroDraftApi;
}
