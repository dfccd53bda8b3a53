import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppSession, type AppSession } from '../support/appSession';

let session: AppSession;
let page: Page;

const paragraphThree = () => page.locator('.zd-text [data-label="3."]');

/** Selects `text` inside the editor as a user's drag would (a DOM selection the editor reads). */
async function selectText(text: string): Promise<void> {
  await paragraphThree().click({ position: { x: 60, y: 6 } });
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('.zd-text')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(needle);
      if (index >= 0) {
        getSelection()!.setBaseAndExtent(node, index, node, index + needle.length);
        return;
      }
    }
    throw new Error(`"${needle}" is not in the text`);
  }, text);
  await expect.poll(() => page.evaluate(() => {
    const view = (window as unknown as { zeroDraftEditor: { state: { selection: { empty: boolean } } } }).zeroDraftEditor;
    return view.state.selection.empty;
  })).toBe(false);
}

async function proposeAs(query: string): Promise<void> {
  await page.getByRole('textbox', { name: /Propose as/ }).fill(query);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  session = await startAppSession('zd-e2e-proposals-', '3.');
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('member-state proposals in real Chromium', () => {
  it('records an EU replacement and a G77 deletion in paragraph 3, decides them, and keeps everything after a reload', async () => {
    await proposeAs('eu');
    await expect.poll(() => page.getByTestId('proposal-mode').innerText()).toBe('Proposal: EU');
    await selectText('recall');
    await page.keyboard.type('reaffirm');
    await proposeAs('g77');
    await selectText(', and we take note of other relevant instruments');
    await page.keyboard.press('Backspace');

    await expect.poll(() => paragraphThree().locator('ins').innerText()).toBe('reaffirm');
    await expect.poll(() => paragraphThree().locator('del').count()).toBe(2);
    const view = page.getByRole('combobox', { name: 'View of the text' });
    await view.selectOption('clean');
    await expect.poll(() => paragraphThree().innerText()).toMatch(/^We recall the Charter of the United Nations, .*, and we take note of other relevant instruments/);
    await view.selectOption('as-accepted');
    await expect.poll(() => paragraphThree().innerText()).toMatch(/^We reaffirm the Charter of the United Nations, the Universal Declaration of Human Rights and the core international human rights treaties, including/);
    await view.selectOption('delegation:G77');
    await expect.poll(() => paragraphThree().innerText()).toMatch(/^We recall the Charter/);
    await view.selectOption('compilation');
    await page.getByRole('tab', { name: 'Proposals' }).click();
    const items = page.locator('.zd-proposal');
    await expect.poll(() => items.count()).toBe(2);
    const eu = items.filter({ has: page.locator('strong', { hasText: /^EU$/ }) });
    const g77 = items.filter({ has: page.locator('strong', { hasText: /^G77 and China$/ }) });
    expect(await eu.innerText()).toContain('replace');
    expect(await g77.innerText()).toContain('delete');
    const colours = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.zd-text [data-label="3."] [data-pid]')].map((element) => getComputedStyle(element).color));
    expect(new Set(colours).size).toBe(2);

    await eu.getByRole('button', { name: 'Accept' }).click();
    await g77.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => eu.innerText()).toContain('accepted');
    await expect.poll(() => g77.innerText()).toContain('rejected');
    await expect.poll(() => paragraphThree().innerText()).toMatch(/^We reaffirm the Charter of the United Nations, .*, and we take note of other relevant instruments, including/);

    await page.getByRole('button', { name: 'Drafting', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-save-state="saved"]') !== null);
    await page.reload();
    await paragraphThree().waitFor();
    await expect.poll(() => paragraphThree().innerText()).toMatch(/^We reaffirm the Charter/);
    await paragraphThree().click({ position: { x: 60, y: 6 } });
    await page.getByRole('tab', { name: 'Proposals' }).click();
    await expect.poll(() => page.locator('.zd-proposal').allInnerTexts()).toEqual([expect.stringMatching(/EU replace · accepted/), expect.stringMatching(/G77 and China delete · rejected/)]);
  });

  it('records a proposal made on behalf of a group, and decides it from the keyboard', async () => {
    await page.getByRole('button', { name: 'Drafting', exact: true }).click();
    await proposeAs('egypt');
    await page.getByRole('combobox', { name: 'on behalf of' }).selectOption('G77');
    await page.getByRole('tab', { name: 'Proposals' }).click();
    const four = page.locator('.zd-text [data-label="4."]');
    await four.click({ position: { x: 60, y: 6 } });
    await page.keyboard.press('Home');
    await page.keyboard.type('Firmly, ');
    const item = page.locator('.zd-proposal', { hasText: 'Firmly' });
    await expect.poll(() => item.innerText()).toContain('(Egypt / G77 and China)');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+Shift+A');
    await expect.poll(() => item.innerText()).toContain('accepted');
    // Joining two paragraphs is not something proposal mode records: refused, and said so.
    const before = await four.innerText();
    await page.keyboard.press('Home');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.zd-banner-notice').innerText()).toContain('Proposal mode records');
    expect(await four.innerText()).toBe(before);
  });
});
