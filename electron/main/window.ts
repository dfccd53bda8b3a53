import { BrowserWindow, screen, type Rectangle, type Session, type WebPreferences } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// esbuild bundles this file into dist/electron/main.js; the preload and the renderer are built
// next to it, so their paths are found from the bundle's own location (inside app.asar too).
const bundleDirectory = dirname(fileURLToPath(import.meta.url));

/** The Content-Security-Policy of the renderer (also a meta tag in index.html). */
export const contentSecurityPolicy = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
  "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

/** Absolute path of the built renderer page, dist/renderer/index.html. */
export function rendererEntryPath(): string {
  return join(bundleDirectory, '..', 'renderer', 'index.html');
}

/** Absolute path of the built preload script, dist/electron/preload.cjs. */
export function preloadPath(): string {
  return join(bundleDirectory, 'preload.cjs');
}

/** The one set of web preferences of every window: sandboxed, isolated, no Node. */
export function buildWebPreferences(): WebPreferences {
  return {
    preload: preloadPath(),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}

/** Adds the Content-Security-Policy header to every response the session receives. */
export function installContentSecurityPolicy(target: Session): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = { ...details.responseHeaders };
    for (const name of Object.keys(responseHeaders)) {
      if (name.toLowerCase() === 'content-security-policy') delete responseHeaders[name];
    }
    responseHeaders['Content-Security-Policy'] = [contentSecurityPolicy];
    callback({ responseHeaders });
  });
}

interface StoredBounds extends Rectangle {
  maximized: boolean;
}

const defaultBounds = { width: 1280, height: 860 };

function boundsPath(dataDirectory: string): string {
  return join(dataDirectory, 'window.json');
}

/** The bounds saved at the last close, if they are well formed and still on a screen. */
function readBounds(dataDirectory: string): StoredBounds | null {
  try {
    const value = JSON.parse(readFileSync(boundsPath(dataDirectory), 'utf8')) as Partial<StoredBounds>;
    const { x, y, width, height } = value;
    if (![x, y, width, height].every((number) => typeof number === 'number' && Number.isFinite(number))) return null;
    const bounds = { x: x!, y: y!, width: Math.max(width!, 640), height: Math.max(height!, 480) };
    // A window saved on a display that is gone would open out of sight.
    const visible = screen.getAllDisplays().some(({ workArea }) => (
      bounds.x < workArea.x + workArea.width && bounds.x + bounds.width > workArea.x
      && bounds.y < workArea.y + workArea.height && bounds.y + bounds.height > workArea.y
    ));
    return visible ? { ...bounds, maximized: value.maximized === true } : null;
  } catch {
    // No file yet, or a damaged one: the window opens at the default size.
    return null;
  }
}

function writeBounds(dataDirectory: string, window: BrowserWindow): void {
  const stored: StoredBounds = { ...window.getNormalBounds(), maximized: window.isMaximized() };
  const path = boundsPath(dataDirectory);
  try {
    writeFileSync(`${path}.tmp`, JSON.stringify(stored));
    renameSync(`${path}.tmp`, path);
  } catch {
    // Losing the window size is harmless; it must never stop the app from closing.
  }
}

/**
 * Creates the main window at its remembered bounds and loads the renderer from
 * dist/renderer/index.html. The window is shown once its first frame is ready.
 */
export function createMainWindow(dataDirectory: string): BrowserWindow {
  const stored = readBounds(dataDirectory);
  const bounds = stored === null ? defaultBounds : { x: stored.x, y: stored.y, width: stored.width, height: stored.height };
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    title: 'Zero Draft',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: buildWebPreferences(),
  });
  if (stored?.maximized === true) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => writeBounds(dataDirectory, window));
  window.loadFile(rendererEntryPath()).catch((error: unknown) => {
    console.error(`Zero Draft: the window could not load ${rendererEntryPath()}:`, error);
  });
  return window;
}
