// Where typing time goes: `npx tsx bench/profileTyping.ts [L|XL] [keys]` types into the app in
// Chromium under the CPU profiler and prints the functions with the most self time. Build with
// ZERODRAFT_NO_MINIFY=1 node build/build.mjs first to read function names.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBenchBrowser, openEditor, prepareWorkspace, startAppHost } from './browserBenchmark';
import type { BenchSize } from './negotiationGenerator';
import { keyIntervalMilliseconds, placeCursorInMiddle, typingText } from './typingBenchmark';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Self time (ms) by function, largest first. */
function selfTimes(profile: Profile): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = nodes.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...times].sort((a, b) => b[1] - a[1]);
}

const size = (process.argv[2] ?? 'L') as BenchSize;
const keys = Number(process.argv[3] ?? 150);
const projectRoot = join(fileURLToPath(import.meta.url), '..', '..');
const directory = mkdtempSync(join(tmpdir(), 'zd-profile-'));
const { workspace } = prepareWorkspace(size, directory);
mkdirSync(join(directory, 'data'));
const host = await startAppHost(projectRoot, join(directory, 'data'), workspace);
const browser = await launchBenchBrowser();
try {
  const { page } = await openEditor(browser, host.url, 'app');
  await placeCursorInMiddle(page, 'app');
  await page.keyboard.type(typingText(20), { delay: keyIntervalMilliseconds });
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await page.keyboard.type(typingText(keys), { delay: keyIntervalMilliseconds });
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
  for (const [name, milliseconds] of selfTimes(profile).slice(0, 30)) console.log(`${milliseconds.toFixed(1).padStart(9)} ms  ${name}`);
} finally {
  await browser.close();
  host.stop();
  rmSync(directory, { recursive: true, force: true });
}
