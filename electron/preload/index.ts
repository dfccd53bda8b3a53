// The only bridge between the sandboxed renderer and the Node side: one object on
// `window.zeroDraftBridge`, limited to the channels of the contract. Errors travel as data
// (CallResult) so their codes survive; shared/api/apiProxy.ts turns them back into exceptions.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  channelName, serviceEvents, serviceMethods, type CallResult, type RawBridge, type ServiceName,
} from '../../shared/api/contract';

function channelsOf(members: { [S in ServiceName]: readonly string[] }): ReadonlySet<string> {
  const channels = new Set<string>();
  for (const service of Object.keys(members) as ServiceName[]) {
    for (const member of members[service]) channels.add(channelName(service, member));
  }
  return channels;
}

const methodChannels = channelsOf(serviceMethods);
const eventChannels = channelsOf(serviceEvents);

const bridge: RawBridge = {
  async invoke(channel: string, args: unknown[]): Promise<CallResult> {
    if (!methodChannels.has(channel)) throw new Error(`Zero Draft bridge: unknown method channel "${channel}".`);
    if (!Array.isArray(args)) throw new Error('Zero Draft bridge: arguments must be a list.');
    return (await ipcRenderer.invoke(channel, ...args)) as CallResult;
  },
  subscribe(channel: string, listener: (payload: unknown) => void): () => void {
    if (!eventChannels.has(channel)) throw new Error(`Zero Draft bridge: unknown event channel "${channel}".`);
    if (typeof listener !== 'function') throw new Error('Zero Draft bridge: the listener must be a function.');
    // The event object carries the sender; the page gets the payload only.
    const wrapper = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapper);
    return () => {
      ipcRenderer.removeListener(channel, wrapper);
    };
  },
};

contextBridge.exposeInMainWorld('zeroDraftBridge', bridge);
