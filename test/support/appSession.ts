import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type BrowserHost } from '../../electron/serve/browserHost';
import { ensureBuilt, rendererDirectory } from './builtApp';
import { launchChromium } from './chromium';
import { temporaryFolder } from './temporaryFolder';

/** The app served by a real browser host on 127.0.0.1 and open in real Chromium, on a fresh data folder. */
export interface AppSession {
  host: BrowserHost;
  browser: Browser;
  page: Page;
  dataFolder: string;
  close(): Promise<void>;
}

/** Starts the browser host and Chromium, opens the app and waits for paragraph `readyLabel`. */
export async function startAppSession(prefix: string, readyLabel = '1.'): Promise<AppSession> {
  ensureBuilt();
  const folder = temporaryFolder(prefix);
  const host = await startBrowserHost({ host: '127.0.0.1', port: 0, dataDirectory: folder.path, rendererDirectory, version: 'test' });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(host.url);
  await page.locator(`.zd-text [data-label="${readyLabel}"]`).waitFor();
  return {
    host, browser, page, dataFolder: folder.path,
    close: async () => {
      await browser.close();
      await host.close();
      folder.remove();
    },
  };
}
