import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppSession, type AppSession } from '../support/appSession';

let session: AppSession;
let page: Page;

const summary = [
  'Summary of the regional consultation in Addis Ababa',
  '1. Delegations stressed that portable social protection follows workers across borders.',
  '2. Several speakers called for the mutual recognition of skills acquired abroad, quoting 移民 workers in construction.',
  '3. The consultation closed with thanks to the host Government.',
].join('\n\n');

async function placeCursorIn(label: string): Promise<void> {
  const block = page.locator(`.zd-text [data-label="${label}"]`);
  await block.scrollIntoViewIfNeeded();
  await block.click({ position: { x: 60, y: 6 } });
}

beforeAll(async () => {
  session = await startAppSession('zd-e2e-inputs-', '7.');
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('inputs library in real Chromium through the browser host', () => {
  it('imports a file, searches it, links a passage to paragraph 7, and finds the link after a reload', async () => {
    const file = join(session.dataFolder, 'addis-summary.txt');
    writeFileSync(file, summary);
    await placeCursorIn('7.');
    await page.getByRole('tab', { name: 'Sources' }).click();
    await expect.poll(() => page.locator('.zd-sources h3').innerText()).toBe('Inputs of paragraph 7');
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.locator('input[name="import-path"]').fill(file);
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect.poll(() => page.locator('.zd-preview-passages li').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: /^Save \d+ passages$/ }).click();
    await expect.poll(() => page.locator('.zd-banner-notice').innerText()).toContain('imported');

    await page.getByRole('searchbox', { name: 'Search the library' }).fill('recognition of skills');
    const hit = page.locator('.zd-search-hit', { hasText: 'mutual recognition' }).first();
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.locator('mark').first().innerText()).toMatch(/recognition/i);
    await hit.getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => page.locator('.zd-linked-passage', { hasText: 'mutual recognition of skills' }).count()).toBe(1);

    await page.getByRole('searchbox', { name: 'Search the library' }).fill('移民');
    await expect.poll(() => page.locator('.zd-search-hit', { hasText: 'mutual recognition' }).count()).toBe(1);

    await page.waitForFunction(() => document.querySelector('[data-save-state="saved"]') !== null);
    await page.reload();
    await placeCursorIn('7.');
    await page.getByRole('tab', { name: 'Sources' }).click();
    await expect.poll(() => page.locator('.zd-linked-passage', { hasText: 'mutual recognition of skills' }).count()).toBe(1);
    expect(await page.locator('.zd-linked-passage', { hasText: 'mutual recognition of skills' }).innerText()).toContain('Addis Ababa');
  });

  it('shows the coverage of the inputs and goes to a paragraph no input backs', async () => {
    await page.getByRole('button', { name: 'Coverage' }).click();
    await expect.poll(() => page.locator('.zd-coverage .zd-bar').count()).toBeGreaterThan(7);
    const chip = page.locator('.zd-paragraph-chips button').first();
    const label = (await chip.innerText()).replace('¶ ', '');
    await chip.click();
    await expect.poll(() => page.locator('.zd-status-bar .zd-position').innerText()).toContain(`¶ ${label} of`);
  });
});
