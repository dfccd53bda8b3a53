import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelName, serviceMethods, type CallResult, type ServiceName } from '../../shared/api/contract';
import { ZeroDraftError } from '../../shared/api/errors';
import type { ClientPort, ClientSession, ServiceCore } from '../services/serviceCore';
import { workspaceExtension } from '../services/workspaceFile';
import { menuStrings } from './menu';
import { rendererEntryPath } from './window';

interface WindowConnection {
  window: BrowserWindow;
  session: ClientSession;
}

/** The connected windows, by the id of their web contents. */
const connections = new Map<number, WindowConnection>();

/** Calls after which the Recent list or the language may have changed (the menu shows both). */
const stateChangingChannels: ReadonlySet<string> = new Set([
  channelName('workspace', 'create'), channelName('workspace', 'open'), channelName('workspace', 'close'),
  channelName('app', 'setPreferences'),
]);

const unauthorizedResult: CallResult = {
  ok: false,
  error: new ZeroDraftError('unauthorized', 'Only the Zero Draft window may call the Zero Draft services.').toJSON(),
};

/**
 * Registers one `ipcMain.handle` per method of the contract. Each call is checked to come from
 * the main frame of a connected window showing the app's own page, then answered by that
 * window's {@link ClientSession}. `onStateChange` runs after calls that may change the Recent
 * list or the preferences.
 */
export function registerIpcHandlers(onStateChange: () => void): void {
  for (const service of Object.keys(serviceMethods) as ServiceName[]) {
    for (const method of serviceMethods[service]) {
      const channel = channelName(service, method);
      ipcMain.handle(channel, (event, ...args: unknown[]) => answerCall(event, channel, args, onStateChange));
    }
  }
}

async function answerCall(event: IpcMainInvokeEvent, channel: string, args: unknown[], onStateChange: () => void): Promise<CallResult> {
  const session = authorizedSession(event);
  if (session === null) return unauthorizedResult;
  const result = await session.call(channel, args);
  if (result.ok && stateChangingChannels.has(channel)) {
    try {
      onStateChange();
    } catch (error) {
      // A stale menu must not turn a successful call into a failure.
      console.error('Zero Draft: could not refresh after', channel, error);
    }
  }
  return result;
}

/** The session of the window that sent the call, or null when the sender is not trusted. */
function authorizedSession(event: IpcMainInvokeEvent): ClientSession | null {
  const connection = connections.get(event.sender.id);
  const frame = event.senderFrame;
  if (connection === undefined || frame === null || connection.window.isDestroyed()) return null;
  const contents = connection.window.webContents;
  try {
    if (event.sender !== contents || frame.parent !== null) return null;
    if (frame.frameTreeNodeId !== contents.mainFrame.frameTreeNodeId) return null;
    return isRendererEntry(frame.url) ? connection.session : null;
  } catch {
    // The frame was disposed while the call travelled: nobody is left to answer.
    return null;
  }
}

/** Whether a URL is the app's own page, dist/renderer/index.html (any query or fragment). */
function isRendererEntry(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:') return false;
    // Compared as paths so that percent-encoding differences (spaces, non-Latin folders) don't matter.
    const actual = resolve(fileURLToPath(parsed));
    const expected = resolve(rendererEntryPath());
    return process.platform === 'win32' ? actual.toLowerCase() === expected.toLowerCase() : actual === expected;
  } catch {
    return false;
  }
}

/**
 * Connects a window to the services: its renderer's calls are answered by the returned session,
 * events reach it through `webContents.send`. The session's workspaces are detached when the
 * page reloads or crashes, and the session is disposed when the window closes.
 */
export function connectWindow(core: ServiceCore, window: BrowserWindow): ClientSession {
  const contents = window.webContents;
  const contentsId = contents.id;
  const session = core.connect(windowPort(core, window));
  connections.set(contentsId, { window, session });
  // A new page starts with no workspace: release what the previous page held.
  contents.on('did-navigate', () => session.dispose());
  contents.on('render-process-gone', () => session.dispose());
  window.on('closed', () => {
    connections.delete(contentsId);
    session.dispose();
  });
  return session;
}

function windowPort(core: ServiceCore, window: BrowserWindow): ClientPort {
  return {
    send: (channel, payload) => {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(channel, payload);
    },
    pickWorkspacePath: (mode) => pickWorkspacePath(core, window, mode),
  };
}

/** Shows the native Open or Save dialog for a workspace file, or Open for an input to import; null when cancelled. */
async function pickWorkspacePath(core: ServiceCore, window: BrowserWindow, mode: 'open' | 'create' | 'import' | 'export'): Promise<string | null> {
  if (window.isDestroyed()) return null;
  const strings = menuStrings(core);
  if (mode === 'export') {
    // The Export dialog sets the file's extension from the chosen format.
    const result = await dialog.showSaveDialog(window, { title: strings.exportDialogTitle, defaultPath: app.getPath('documents'), properties: ['createDirectory', 'showOverwriteConfirmation'] });
    return result.canceled || result.filePath === '' ? null : result.filePath;
  }
  if (mode === 'import') {
    const inputFilters = [{ name: strings.inputFilter, extensions: ['txt', 'md', 'html', 'htm', 'docx', 'pdf'] }];
    const result = await dialog.showOpenDialog(window, { title: strings.importDialogTitle, properties: ['openFile'], filters: inputFilters });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const filters = [{ name: strings.workspaceFilter, extensions: [workspaceExtension.slice(1)] }];
  if (mode === 'open') {
    const result = await dialog.showOpenDialog(window, { title: strings.openDialogTitle, properties: ['openFile'], filters });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const result = await dialog.showSaveDialog(window, {
    title: strings.createDialogTitle,
    defaultPath: join(app.getPath('documents'), `${strings.untitledWorkspace}${workspaceExtension}`),
    properties: ['createDirectory'],
    filters,
  });
  return result.canceled || result.filePath === '' ? null : result.filePath;
}
