// Rounds, revisions, comparison, lineage and export in real Chromium through the browser host:
// save "Rev 1", make proposals and decide one, compare with Rev 1, follow a paragraph's lineage,
// and export the compilation (a real DOCX written by the host).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppSession, type AppSession } from '../support/appSession';

let session: AppSession;
let page: Page;

const paragraphThree = () => page.locator('.zd-text [data-label="3."]');

beforeAll(async () => {
  session = await startAppSession('zd-e2e-revisions-', '3.');
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('revisions in real Chromium', () => {
  it('saves Rev 1, records proposals, compares with Rev 1, shows the lineage and exports the compilation', async () => {
    await page.getByRole('tab', { name: 'Revisions' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Rev 1');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await expect.poll(() => page.locator('[data-revision="Rev 1"]').count()).toBe(1);

    // As the EU, add words at the end of paragraph 3; then accept them.
    await page.getByRole('textbox', { name: /Propose as/ }).fill('eu');
    await page.keyboard.press('Enter');
    await paragraphThree().click();
    // The cursor at the very end of paragraph 3 (End would stop at the end of the visual line).
    await page.evaluate(() => {
      const paragraph = document.querySelector('.zd-text [data-label="3."]')!;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let last: Node | null = null;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) last = node;
      getSelection()!.setBaseAndExtent(last!, last!.textContent!.length, last!, last!.textContent!.length);
    });
    await page.waitForTimeout(100);
    await page.keyboard.type(' and reaffirm them');
    await expect.poll(() => paragraphThree().locator('ins').innerText()).toBe(' and reaffirm them');
    await page.getByRole('button', { name: 'Drafting' }).click();
    await page.getByRole('tab', { name: 'Proposals' }).click();
    await page.getByRole('button', { name: 'Accept' }).first().click();

    // Compare Rev 1 with the current text: the accepted words are an insertion in paragraph 3.
    await page.getByRole('tab', { name: 'Revisions' }).click();
    await page.locator('[data-revision="Rev 1"]').getByRole('button', { name: 'Compare' }).click();
    const comparison = page.getByRole('dialog', { name: 'Compare revisions' });
    await expect.poll(() => comparison.locator('ins').allInnerTexts()).toContain(' and reaffirm them');
    await expect.poll(() => comparison.getByRole('status').innerText()).toMatch(/Rev 1 → Current text: 0 inserted, 0 deleted, 1 changed/);

    // Export the comparison's sibling, the compilation, from the dialog: a real file on disk.
    await comparison.getByRole('button', { name: 'Close' }).click();
    await page.locator('[data-revision="Rev 1"]').getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await exportDialog.getByRole('combobox', { name: 'Document' }).selectOption('compilation');
    const target = join(session.dataFolder, 'compilation.docx');
    await exportDialog.getByRole('textbox', { name: 'File' }).fill(target);
    await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => exportDialog.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/Wrote .*compilation\.docx/);
    expect(existsSync(target)).toBe(true);
    expect(statSync(target).size).toBeGreaterThan(5000);
    // A bad path: a clear message, nothing written.
    await exportDialog.getByRole('textbox', { name: 'File' }).fill(join(session.dataFolder, 'no-such-folder', 'x.docx'));
    await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => exportDialog.getByRole('alert').innerText()).toMatch(/does not exist/);
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    // The lineage of paragraph 3: its text in Rev 1 and now, and the EU proposal of round 1, accepted.
    await paragraphThree().click();
    await page.getByRole('tab', { name: 'Lineage' }).click();
    const lineage = page.locator('.zd-lineage');
    await expect.poll(() => lineage.locator('[data-revision="Rev 1"]').count()).toBe(1);
    await expect.poll(() => lineage.locator('ins').allInnerTexts()).toContain(' and reaffirm them');
    await expect.poll(() => lineage.innerText()).toMatch(/EU · add · accepted/);
  });
});
