import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { negotiationText } from '../../electron/services/negotiationReader';
import { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { negotiationPlainText } from '../../shared/schema/plainText';
import { startAppSession, type AppSession } from '../support/appSession';

let session: AppSession;
let page: Page;

function paragraph(label: string) {
  return page.locator(`.zd-text [data-label="${label}"]`);
}

/** Clicks at the start or end of a numbered block and waits until the editor's selection is in it. */
async function placeCursor(label: string, where: 'start' | 'end'): Promise<void> {
  const block = paragraph(label);
  const box = await block.boundingBox();
  if (box === null) throw new Error(`Paragraph ${label} is not on screen.`);
  const id = await block.getAttribute('data-id');
  await block.click({ position: where === 'start' ? { x: 2, y: 6 } : { x: box.width - 2, y: box.height - 6 } });
  await page.keyboard.press(where === 'start' ? 'Home' : 'End');
  await expect.poll(() => page.evaluate(([blockId, side]) => {
    const view = (window as unknown as { zeroDraftEditor: { state: { selection: { $from: { parent: { attrs: { id: string }; content: { size: number } }; parentOffset: number } } } } }).zeroDraftEditor;
    const { $from } = view.state.selection;
    return $from.parent.attrs.id === blockId && $from.parentOffset === (side === 'start' ? 0 : $from.parent.content.size);
  }, [id, where] as const)).toBe(true);
}

async function waitUntilSaved(): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor();
}

/** Labels of the block holding `text`, the one before and the one after. */
async function labelsAround(text: string): Promise<string[]> {
  return page.evaluate((needle) => {
    const blocks = [...document.querySelectorAll<HTMLElement>('.zd-text .zd-paragraph, .zd-text .zd-subparagraph')];
    const index = blocks.findIndex((block) => block.textContent?.includes(needle));
    return blocks.slice(Math.max(0, index - 1), index + 2).map((block) => `${block.dataset.label} ${block.textContent?.slice(0, 40)}`);
  }, text);
}

beforeAll(async () => {
  session = await startAppSession('zd-e2e-', '5.');
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe('drafting the sample negotiation in real Chromium through the browser host', () => {
  it('opens the sample on first start, numbered 1 to 31', async () => {
    await expect.poll(() => page.locator('.zd-text .zd-paragraph').count()).toBe(31);
    expect(await paragraph('31.').count()).toBe(1);
    await expect.poll(() => page.locator('.zd-status-bar').innerText()).toContain('31 paragraphs');
  });

  it('types into paragraph 5, adds a sub-paragraph, inserts a paragraph before it, and the numbers shift', async () => {
    const originalStart = (await paragraph('5.').innerText()).slice(0, 30);
    await placeCursor('5.', 'end');
    await page.keyboard.type(' Typed in Chromium.');
    await page.keyboard.press('Control+Shift+Enter');
    await page.keyboard.type('A sub-paragraph of five.');
    await expect.poll(() => page.locator('.zd-text .zd-subparagraph', { hasText: 'A sub-paragraph of five.' }).getAttribute('data-label')).toBe('(a)');

    await placeCursor('5.', 'start');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('A new paragraph before five.');

    await expect.poll(() => paragraph('5.').innerText()).toBe('A new paragraph before five.');
    await expect.poll(() => paragraph('6.').innerText()).toContain(originalStart);
    await expect.poll(() => paragraph('6.').innerText()).toContain('Typed in Chromium.');
    await expect.poll(() => page.locator('.zd-text .zd-paragraph').count()).toBe(32);
    expect(await labelsAround('A sub-paragraph of five.')).toEqual([
      expect.stringMatching(/^6\. /), expect.stringMatching(/^\(a\) A sub-paragraph of five\./), expect.stringMatching(/^7\. /),
    ]);
    await waitUntilSaved();
  });

  it('finds everything again after a reload', async () => {
    await page.reload();
    await paragraph('5.').waitFor();
    await expect.poll(() => paragraph('5.').innerText()).toBe('A new paragraph before five.');
    await expect.poll(() => paragraph('6.').innerText()).toContain('Typed in Chromium.');
    await expect.poll(() => page.locator('.zd-text .zd-subparagraph', { hasText: 'A sub-paragraph of five.' }).getAttribute('data-label')).toBe('(a)');
    await expect.poll(() => page.locator('.zd-text .zd-paragraph').count()).toBe(32);
  });

  it('goes to an objective from the outline, with its heading at the top of the text', async () => {
    await page.locator('.zd-outline-objective button').first().click();
    const heading = page.locator('.zd-objective-heading').first();
    const [box, pane] = await Promise.all([heading.boundingBox(), page.locator('.zd-editor-scroll').boundingBox()]);
    expect(box!.y - pane!.y).toBeLessThan(120);
    // The cursor is at the start of the objective's heading; the next line is its paragraph.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.zd-status-bar .zd-position').innerText()).toBe('¶ 17 of 32');
    await page.keyboard.type('Moved here. ');
    await expect.poll(() => paragraph('17.').innerText()).toMatch(/^Moved here\. We commit to/);
  });

  it('switches the UI to Chinese, and keeps it after a reload', async () => {
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await expect.poll(() => page.locator('.zd-outline .zd-panel-title').textContent()).toBe('大纲');
    await expect.poll(() => page.locator('.zd-status-bar').innerText()).toContain('已');
    await expect.poll(() => page.getByRole('tab', { name: '段落' }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.locator('.zd-outline .zd-panel-title').textContent()).toBe('大纲');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.locator('.zd-outline .zd-panel-title').textContent()).toBe('Outline');
  });

  it('finds delegations and groups in the registry, in English and in Chinese', async () => {
    await page.getByRole('tab', { name: 'Delegations' }).click();
    await expect.poll(() => page.locator('.zd-delegations .zd-muted').first().innerText()).toContain('193 Member States');
    const search = page.getByRole('searchbox');
    await search.fill('g77');
    await expect.poll(() => page.locator('.zd-delegation-list li').first().innerText()).toContain('Group of 77 and China');
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await search.fill('墨西哥');
    await expect.poll(() => page.locator('.zd-delegation-list li').first().innerText()).toContain('墨西哥');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('tab', { name: 'Paragraph' }).click();
  });

  it('gives the renderer no require, no process and no file system', async () => {
    const probe = await page.evaluate(async () => {
      const scope = globalThis as Record<string, unknown>;
      let fileRead = 'refused';
      try {
        await fetch('file:///etc/hostname');
        fileRead = 'read';
      } catch {
        fileRead = 'refused';
      }
      return { require: typeof scope.require, process: typeof scope.process, module: typeof scope.module, fileRead };
    });
    expect(probe).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', fileRead: 'refused' });
  });

  it('stored every change in the workspace file', async () => {
    await page.close();
    await session.host.close();
    const document = WorkspaceDocument.open(session.host.core.appState.samplePath);
    try {
      const text = negotiationPlainText(negotiationText(document.doc));
      expect(text).toContain('5. A new paragraph before five.');
      expect(text).toMatch(/\n6\. .*Typed in Chromium\.\n\(a\) A sub-paragraph of five\.\n7\. /);
      expect(text).toContain('17. Moved here. We commit to');
    } finally {
      document.close();
    }
  });
});
