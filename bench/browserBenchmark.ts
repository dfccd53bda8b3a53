import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { AppState } from '../electron/services/appState';
import { seedNegotiation } from '../electron/services/negotiationSeed';
import { WorkspaceDocument } from '../electron/services/workspaceDocument';
import { globalCompactProcess } from '../shared/domain/processTemplate';
import { draftFromOutline } from '../shared/schema/draftFromOutline';
import { generateNegotiation, type BenchSize } from './negotiationGenerator';

/** The editors compared in one run. */
export type EditorMode = 'app' | 'plain' | 'yjs';

/** Labels of the modes in reports. */
export const modeLabels: Record<EditorMode, string> = {
  app: 'Zero Draft (browser host)',
  plain: 'plain ProseMirror, same text',
  yjs: 'plain y-prosemirror, same text',
};

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches Debian's Chromium as the tests do. */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}

/** Writes a generated workspace of `size` and its Yjs state (for the baselines). */
export function prepareWorkspace(size: BenchSize, directory: string): { workspace: string; state: string } {
  const workspace = join(directory, `bench-${size}.zdraft`);
  const state = join(directory, `${size}.ystate`);
  if (existsSync(workspace) && existsSync(state)) return { workspace, state };
  const outline = generateNegotiation(size);
  const document = WorkspaceDocument.create(workspace, (doc) => seedNegotiation(doc, draftFromOutline(outline), globalCompactProcess, outline.title));
  writeFileSync(state, Y.encodeStateAsUpdate(document.doc));
  document.close();
  return { workspace, state };
}

/** A browser host in its own process (so its memory can be read), opening `workspace` at start. */
export async function startAppHost(projectRoot: string, dataDirectory: string, workspace: string): Promise<{ url: string; process: ChildProcess; stop: () => void }> {
  new AppState(dataDirectory).noteOpened(workspace);
  const child = spawn(process.execPath, [join(projectRoot, 'dist/node/serve.js'), '--port', '0', '--data', dataDirectory], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}): ${output}`)));
  });
  return { url, process: child, stop: () => child.kill('SIGTERM') };
}

/** Serves the baseline page and the Yjs states on 127.0.0.1. */
export async function startBaselineServer(pagesDirectory: string, dataDirectory: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path.startsWith('/data/') ? join(dataDirectory, path.slice(6).replace(/[^A-Za-z0-9.]/g, '')) : join(pagesDirectory, path.slice(1).replace(/[^A-Za-z0-9.]/g, ''));
    if (!existsSync(file)) { response.writeHead(404).end(); return; }
    const type = { '.html': 'text/html', '.js': 'text/javascript' }[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The URL of an editor mode. */
export function modeUrl(mode: EditorMode, appUrl: string, baselineOrigin: string, size: BenchSize): string {
  return mode === 'app' ? appUrl : `${baselineOrigin}/baseline.html?mode=${mode}&size=${size}`;
}

/** Opens a mode in a fresh page and waits until its editor is editable; returns the page and the ms it took. */
export async function openEditor(browser: Browser, url: string, mode: EditorMode): Promise<{ page: Page; milliseconds: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url);
  await page.waitForFunction(mode === 'app'
    ? () => (window as unknown as { zeroDraftEditor?: unknown }).zeroDraftEditor !== undefined && document.querySelector('.zd-text [data-label="1."]') !== null
    : () => (window as unknown as { benchReady?: boolean }).benchReady === true, undefined, { timeout: 120_000, polling: 'raf' });
  return { page, milliseconds: Date.now() - started };
}
