// Electron lifecycle only: one instance, the services, the window, the menu and the IPC. All
// workspace logic lives in electron/services, which runs under plain Node as well.
import { app, dialog, session, shell, type BrowserWindow, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MenuCommand } from '../../shared/api/contract';
import { ServiceCore, type ClientSession } from '../services/serviceCore';
import { useSqliteNativeBinding, workspaceExtension } from '../services/workspaceFile';
import { connectWindow, registerIpcHandlers } from './ipc';
import { keychainSecrets } from './keychainSecrets';
import { installMenu, rebuildMenu } from './menu';
import { createMainWindow, installContentSecurityPolicy } from './window';

interface MainWindow {
  window: BrowserWindow;
  session: ClientSession;
  /** Whether the page has loaded, so that it listens for commands. */
  rendererLoaded: boolean;
}

const productName = 'Zero Draft';
let core: ServiceCore | null = null;
let mainWindow: MainWindow | null = null;
/** Commands that arrived before the window could take them (files opened at launch). */
const pendingCommands: MenuCommand[] = [];

/**
 * better-sqlite3's addon built for Electron's ABI. The packager copies it to
 * resources/native; in development it is used when build/native/electron holds one.
 */
function sqliteNativeBindingPath(): string | undefined {
  if (app.isPackaged) return join(process.resourcesPath, 'native', 'better_sqlite3.node');
  const development = join(app.getAppPath(), 'build', 'native', 'electron', 'better_sqlite3.node');
  return existsSync(development) ? development : undefined;
}

/** The last workspace file named on a command line, made absolute. */
function workspacePathIn(argv: readonly string[], workingDirectory: string): string | null {
  const candidates = argv.slice(1).filter((argument) => !argument.startsWith('-') && argument.toLowerCase().endsWith(workspaceExtension));
  const last = candidates.at(-1);
  return last === undefined ? null : resolve(workingDirectory, last);
}

/** Asks the renderer to run a command, opening the window or waiting for its page if needed. */
function sendCommand(command: MenuCommand): void {
  if (mainWindow === null || !mainWindow.rendererLoaded) {
    pendingCommands.push(command);
    if (mainWindow === null && core !== null) openMainWindow();
    return;
  }
  mainWindow.session.requestCommand(command);
}

function flushPendingCommands(): void {
  if (mainWindow === null || !mainWindow.rendererLoaded) return;
  for (const command of pendingCommands.splice(0)) mainWindow.session.requestCommand(command);
}

function openMainWindow(): void {
  if (core === null) return;
  const window = createMainWindow(app.getPath('userData'));
  const opened: MainWindow = { window, session: connectWindow(core, window), rendererLoaded: false };
  mainWindow = opened;
  window.webContents.on('did-finish-load', () => {
    opened.rendererLoaded = true;
    flushPendingCommands();
  });
  window.on('closed', () => {
    if (mainWindow === opened) mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  const { window } = mainWindow;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** No new windows, navigation, webviews or permissions for any web contents; https links open outside. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) {
      shell.openExternal(url).catch((error: unknown) => console.error('Zero Draft: could not open', url, error));
    }
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_requester, _permission, callback) => callback(false));
}

function startServices(): void {
  useSqliteNativeBinding(sqliteNativeBindingPath());
  core = new ServiceCore({ dataDirectory: app.getPath('userData'), hostKind: 'electron', version: app.getVersion(), secrets: keychainSecrets() });
  installContentSecurityPolicy(session.defaultSession);
  registerIpcHandlers(rebuildMenu);
  installMenu({ core, sendCommand });
  const launchPath = workspacePathIn(process.argv, process.cwd());
  if (launchPath !== null) pendingCommands.push({ openPath: launchPath });
  openMainWindow();
}

function registerLifecycle(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    const path = workspacePathIn(argv, workingDirectory);
    if (path !== null) sendCommand({ openPath: path });
  });
  // macOS: a workspace double-clicked in the Finder or dropped on the Dock icon, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    sendCommand({ openPath: path });
  });
  app.on('activate', () => {
    if (mainWindow === null && core !== null) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core?.closeAll());
  app.whenReady().then(startServices).catch((error: unknown) => {
    dialog.showErrorBox(`${productName} could not start`, error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

// The same name and data folder in development and in the packaged app (package.json says
// "zerodraft"); set before the instance lock, which lives in the data folder.
app.setName(productName);
app.setPath('userData', join(app.getPath('appData'), productName));

if (app.requestSingleInstanceLock()) {
  registerLifecycle();
} else {
  // Another instance runs: it has received our command line through 'second-instance'.
  app.quit();
}
