import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import type { EditorMode } from './browserBenchmark';
import { seededRandom } from '../shared/seededRandom';

/** Latencies of one typing run, in ms, and the long tasks (over 50 ms) seen during it. */
export interface TypingRun {
  toFrame: number[];
  afterFrame: number[];
  longTasks: number;
}

/** Text to type: words and spaces, deterministic. */
export function typingText(keys: number, seed = 2018): string {
  const random = seededRandom(seed);
  const words = ['migration', 'cooperation', 'states', 'commit', 'rights', 'safe', 'orderly', 'regular', 'pathways', 'data'];
  let text = '';
  while (text.length < keys) text += `${words[Math.floor(random() * words.length)]} `;
  return text.slice(0, keys);
}

/** Scrolls to the paragraph in the middle of the text and puts the cursor at its end. */
export async function placeCursorInMiddle(page: Page, mode: EditorMode): Promise<void> {
  const selector = mode === 'app' ? '.zd-text .zd-paragraph' : '.ProseMirror > p';
  const index = await page.evaluate((query) => {
    const blocks = [...document.querySelectorAll<HTMLElement>(query)];
    const middle = Math.floor(blocks.length / 2);
    blocks[middle]!.scrollIntoView({ block: 'center' });
    return middle;
  }, selector);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const target = page.locator(selector).nth(index);
  const box = await target.boundingBox();
  if (box === null) throw new Error('The middle paragraph is not laid out.');
  await target.click({ position: { x: box.width - 2, y: box.height - 6 } });
  await page.keyboard.press('End');
}

/** Records keydown to the next animation frame, and to just after that frame, for every key. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = { toFrame: [] as number[], afterFrame: [] as number[], longTasks: 0 };
    (window as unknown as { typingBench: typeof bench }).typingBench = bench;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.duration > 50) bench.longTasks += 1;
    }).observe({ type: 'longtask' });
    document.addEventListener('keydown', () => {
      const started = performance.now();
      requestAnimationFrame(() => {
        bench.toFrame.push(performance.now() - started);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.afterFrame.push(performance.now() - started);
        channel.port2.postMessage(0);
      });
    }, true);
  });
}

/**
 * Milliseconds between keystrokes: 16 keys a second, faster than any typist. Much shorter
 * intervals (25 ms) collide with headless Chromium's 16.7 ms frame clock, so a key often waits
 * for a frame already under way and the figure measures frame scheduling, not editing work
 * (plain ProseMirror on the 30-paragraph sample then shows a p95 of 16.6 ms).
 */
export const keyIntervalMilliseconds = 60;

/** Types `keys` characters (after a short warm-up) and returns the latencies. */
export async function measureTyping(page: Page, keys: number, delayMilliseconds = keyIntervalMilliseconds): Promise<TypingRun> {
  await page.keyboard.type(typingText(20, 7), { delay: delayMilliseconds });
  await instrument(page);
  await page.keyboard.type(typingText(keys), { delay: delayMilliseconds });
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { typingBench: TypingRun }).typingBench);
}

/** Memory of the page with its text open: V8 heap after GC (CDP), DOM node count, renderer RSS. */
export async function measurePageMemory(browser: Browser, page: Page): Promise<{ heapMegabytes: number; domNodes: number; rendererRssMegabytes: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const heap = await session.send('Runtime.getHeapUsage');
  const counters = await session.send('Memory.getDOMCounters');
  const browserSession = await browser.newBrowserCDPSession();
  const info = await browserSession.send('SystemInfo.getProcessInfo') as { processInfo: { type: string; id: number }[] };
  const rss = info.processInfo.filter((entry) => entry.type === 'renderer').map((entry) => residentMegabytes(entry.id));
  return { heapMegabytes: heap.usedSize / 1e6, domNodes: counters.nodes, rendererRssMegabytes: Math.max(0, ...rss) };
}

/** Resident memory of a process from /proc, in MB (0 when unreadable). */
export function residentMegabytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
