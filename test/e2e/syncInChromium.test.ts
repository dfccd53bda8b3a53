import { copyFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../electron/serve/browserHost';
import { AppState } from '../../electron/services/appState';
import { createSampleWorkspace } from '../../electron/services/sampleWorkspace';
import { startSyncServer, type SyncServer } from '../../electron/sync/syncServer';
import { ensureBuilt, rendererDirectory } from '../support/builtApp';
import { launchChromium } from '../support/chromium';
import { temporaryFolder } from '../support/temporaryFolder';

const room = 'global-compact';
const folder = temporaryFolder('zd-e2e-sync-');
let server: SyncServer;
let browser: Browser;
const hosts: BrowserHost[] = [];
let alice: Page;
let bob: Page;

/** A browser host on its own data folder whose start-up workspace is a copy of `original`. */
async function startHost(name: string, original: string): Promise<BrowserHost> {
  const dataDirectory = `${folder.path}/${name}`;
  copyFileSync(original, new AppState(dataDirectory).samplePath);
  const host = await startBrowserHost({ host: '127.0.0.1', port: 0, dataDirectory, rendererDirectory, version: 'test' });
  hosts.push(host);
  return host;
}

async function openPage(host: BrowserHost): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.locator('.zd-text [data-label="1."]').waitFor();
  return page;
}

/** Opens the Share dialog with its shortcut or button, fills it in and connects. */
async function share(page: Page, token: string, name: string, viaShortcut = false): Promise<void> {
  if (viaShortcut) await page.keyboard.press('Control+Shift+S');
  else await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this workspace' });
  await dialog.locator('input[name="sync-url"]').fill(server.url);
  await dialog.locator('input[name="sync-room"]').fill(room);
  await dialog.locator('input[name="sync-token"]').fill(token);
  await dialog.locator('input[name="sync-name"]').fill(name);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
}

/** How many people named `name` the page lists as online. */
function online(page: Page, name: string): Promise<number> {
  return page.locator('.zd-online .zd-online-person', { hasText: name }).count();
}

function syncStatus(page: Page): Promise<string | null> {
  return page.locator('.zd-status-bar .zd-sync-indicator').getAttribute('data-sync-status');
}

/** Puts the cursor at the end of paragraph `label` and types `text`. */
async function typeAtEnd(page: Page, label: string, text: string): Promise<void> {
  const block = page.locator(`.zd-text [data-label="${label}"]`);
  const box = (await block.boundingBox())!;
  await block.click({ position: { x: box.width - 4, y: box.height - 6 } });
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

beforeAll(async () => {
  ensureBuilt();
  server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDirectory: `${folder.path}/server`, log: () => undefined });
  server.store.createRoom(room);
  // Both workspaces are copies of one negotiation, as when a co-facilitator sends the file.
  const original = `${folder.path}/original.zdraft`;
  createSampleWorkspace(original).close();
  browser = await launchChromium();
  alice = await openPage(await startHost('alice', original));
  bob = await openPage(await startHost('bob', original));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const host of hosts) await host.close();
  await server?.stop();
  folder.remove();
});

describe('sync between two browser contexts on two workspaces', () => {
  it('starts offline, and tells why a wrong token is refused', async () => {
    expect(await syncStatus(alice)).toBe('offline');
    await share(bob, 'zd1.not-a-real-token', 'Bob');
    const dialog = bob.getByRole('dialog', { name: 'Share this workspace' });
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('The server does not know this invite token');
    await expect.poll(() => syncStatus(bob)).toBe('error');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('connects both through the Share dialog, shows who is online, and carries typing both ways', async () => {
    await share(alice, server.store.issueToken(room, 'Alice', 'read-write', null).token, 'Alice');
    await share(bob, server.store.issueToken(room, 'Bob', 'read-write', null).token, 'Bob', true);
    await expect.poll(() => syncStatus(alice)).toBe('synced');
    await expect.poll(() => syncStatus(bob)).toBe('synced');
    for (const page of [alice, bob]) await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    await expect.poll(() => online(bob, 'Alice')).toBe(1);
    await expect.poll(() => online(alice, 'Bob')).toBe(1);

    await typeAtEnd(alice, '1.', ' Typed by Alice.');
    await expect.poll(() => bob.locator('.zd-text [data-label="1."]').innerText()).toContain('Typed by Alice.');
    await typeAtEnd(bob, '2.', ' Typed by Bob.');
    await expect.poll(() => alice.locator('.zd-text [data-label="2."]').innerText()).toContain('Typed by Bob.');
  });

  it("draws the other's cursor with a name label", async () => {
    await expect.poll(() => alice.locator('.zd-text .zd-remote-cursor-label').allInnerTexts()).toContain('Bob');
    await typeAtEnd(alice, '1.', ' More.');
    await expect.poll(() => bob.locator('.zd-text [data-label="1."] .zd-remote-cursor-label').allInnerTexts()).toContain('Alice');
  });

  it('keeps edits made offline and merges them on reconnect, with the stored token', async () => {
    await bob.getByRole('button', { name: 'Share…' }).click();
    const dialog = bob.getByRole('dialog', { name: 'Share this workspace' });
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => syncStatus(bob)).toBe('offline');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => online(alice, 'Bob')).toBe(0);
    await typeAtEnd(bob, '4.', ' Written offline by Bob.');
    await bob.locator('[data-save-state="saved"]').waitFor();
    expect(await alice.locator('.zd-text [data-label="4."]').innerText()).not.toContain('Written offline by Bob.');
    await bob.getByRole('button', { name: 'Share…' }).click();
    expect(await dialog.getByText('A token is stored for this workspace').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => syncStatus(bob)).toBe('synced');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => alice.locator('.zd-text [data-label="4."]').innerText()).toContain('Written offline by Bob.');
    // Back online under the same replica: the others see him again (his presence clock goes on).
    await expect.poll(() => online(alice, 'Bob')).toBe(1);
  });

  it('shows a read-only token as read-only and makes the text non-editable', async () => {
    await share(bob, server.store.issueToken(room, 'Bob', 'read-only', null).token, 'Bob');
    await expect.poll(() => syncStatus(bob)).toBe('read-only');
    await bob.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => bob.locator('.zd-text').getAttribute('contenteditable')).toBe('false');
    await expect.poll(() => bob.locator('.zd-banner-notice').innerText()).toContain('only allows reading');
    // The panels' and the top bar's controls that would change the negotiation are disabled too.
    await bob.getByRole('tab', { name: 'Revisions' }).click();
    await expect.poll(() => bob.getByRole('button', { name: 'Save revision' }).isDisabled()).toBe(true);
    await expect.poll(() => bob.getByRole('textbox', { name: /Propose as/ }).isDisabled()).toBe(true);
    await typeAtEnd(alice, '3.', ' Still shared.');
    await expect.poll(() => bob.locator('.zd-text [data-label="3."]').innerText()).toContain('Still shared.');
  });

  it('reconnects by itself when the workspace is opened again', async () => {
    await alice.reload();
    await alice.locator('.zd-text [data-label="1."]').waitFor();
    await expect.poll(() => syncStatus(alice)).toBe('synced');
    await expect.poll(() => online(alice, 'Bob')).toBe(1);
  });
});
