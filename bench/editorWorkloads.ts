import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { median, percentile, type BenchMeasurement } from './benchResult';
import {
  launchBenchBrowser, modeLabels, modeUrl, openEditor, prepareWorkspace, startAppHost, startBaselineServer, type EditorMode,
} from './browserBenchmark';
import type { BenchSize } from './negotiationGenerator';
import { measurePageMemory, measureTyping, placeCursorInMiddle, residentMegabytes, type TypingRun } from './typingBenchmark';

/** Options of {@link runEditorWorkloads}. */
export interface EditorWorkloadOptions {
  projectRoot: string;
  directory: string;
  sizes: BenchSize[];
  only: Set<string>;
  reps: number;
  keys: number;
  log: (line: string) => void;
}

interface ModeSamples { open: number[]; typing: TypingRun[]; heap: number[]; rss: number[]; nodeRss: number[]; domNodes: number[] }

const modes: EditorMode[] = ['app', 'plain', 'yjs'];

function emptySamples(): ModeSamples {
  return { open: [], typing: [], heap: [], rss: [], nodeRss: [], domNodes: [] };
}

/** One open (and typing and memory) of one mode; the app gets a fresh host so it really reads the file. */
async function runOnce(browser: Browser, options: EditorWorkloadOptions, size: BenchSize, mode: EditorMode, baselineOrigin: string, samples: ModeSamples, rep: number): Promise<void> {
  const { workspace } = prepareWorkspace(size, options.directory);
  const dataDirectory = join(options.directory, `data-${size}-${rep}-${mode}`);
  mkdirSync(dataDirectory, { recursive: true });
  const host = mode === 'app' ? await startAppHost(options.projectRoot, dataDirectory, workspace) : null;
  try {
    const { page, milliseconds } = await openEditor(browser, modeUrl(mode, host?.url ?? '', baselineOrigin, size), mode);
    samples.open.push(milliseconds);
    if (options.only.has('memory') && rep === 0) {
      const memory = await measurePageMemory(browser, page);
      samples.heap.push(memory.heapMegabytes);
      samples.rss.push(memory.rendererRssMegabytes);
      samples.domNodes.push(memory.domNodes);
      if (host !== null && host.process.pid !== undefined) samples.nodeRss.push(residentMegabytes(host.process.pid));
    }
    if (options.only.has('typing')) {
      await placeCursorInMiddle(page, mode);
      samples.typing.push(await measureTyping(page, options.keys));
    }
    await page.context().close();
  } finally {
    host?.stop();
  }
}

function typingFigure(size: BenchSize, metric: string, app: number[], base: number[], baseline: EditorMode, longTasks: number, baseLongTasks: number): BenchMeasurement {
  const p95 = percentile(app, 95);
  const baseP95 = percentile(base, 95);
  const goal = size === 'L' && baseline === 'plain' && metric === 'keydown to next frame'
    ? { text: 'p95 under 12 ms and at most 0.35x plain ProseMirror', met: p95 < 12 && p95 <= 0.35 * baseP95 }
    : size === 'XL' && baseline === 'plain' && metric === 'keydown to next frame'
      ? { text: 'p95 under 16 ms, no long task over 50 ms', met: p95 < 16 && longTasks === 0 }
      : undefined;
  return {
    workload: 'typing', size, metric, unit: 'ms', median: median(app), p95,
    details: { p99: percentile(app, 99), longTasks, baselineP99: percentile(base, 99), baselineLongTasks: baseLongTasks },
    baseline: modeLabels[baseline], baselineMedian: median(base), baselineP95: baseP95, ratio: p95 / baseP95, goal, samples: app.length,
  };
}

function sizeFigures(size: BenchSize, samples: Record<EditorMode, ModeSamples>): BenchMeasurement[] {
  const figures: BenchMeasurement[] = [];
  const { app, plain } = samples;
  if (app.open.length > 0) {
    const ratio = median(app.open) / median(plain.open);
    const goal = size === 'L' ? { text: 'open L under 1 s and within 1.3x the baseline', met: median(app.open) < 1000 && ratio <= 1.3 } : undefined;
    figures.push({ workload: 'open', size, metric: 'file to editable editor', unit: 'ms', median: median(app.open), p95: percentile(app.open, 95), baseline: 'same Yjs state rendered by plain ProseMirror', baselineMedian: median(plain.open), baselineP95: percentile(plain.open, 95), ratio, goal, samples: app.open.length, details: { yProsemirrorMedian: median(samples.yjs.open) } });
  }
  if (app.typing.length > 0) {
    const pool = (mode: EditorMode, key: 'toFrame' | 'afterFrame'): number[] => samples[mode].typing.flatMap((run) => run[key]);
    const longTasks = (mode: EditorMode): number => samples[mode].typing.reduce((sum, run) => sum + run.longTasks, 0);
    for (const baseline of ['plain', 'yjs'] as const) {
      figures.push(typingFigure(size, 'keydown to next frame', pool('app', 'toFrame'), pool(baseline, 'toFrame'), baseline, longTasks('app'), longTasks(baseline)));
    }
    figures.push(typingFigure(size, 'keydown to after the frame', pool('app', 'afterFrame'), pool('plain', 'afterFrame'), 'plain', longTasks('app'), longTasks('plain')));
  }
  if (app.heap.length > 0) {
    const goal = size === 'L' ? { text: 'renderer heap with L open under 300 MB', met: median(app.heap) < 300 } : undefined;
    figures.push({ workload: 'memory', size, metric: 'renderer V8 heap after GC', unit: 'MB', median: median(app.heap), p95: median(app.heap), baseline: modeLabels.plain, baselineMedian: median(plain.heap), baselineP95: median(plain.heap), ratio: median(app.heap) / median(plain.heap), goal, samples: 1, details: { domNodes: median(app.domNodes), baselineDomNodes: median(plain.domNodes) } });
    figures.push({ workload: 'memory', size, metric: 'renderer process RSS', unit: 'MB', median: median(app.rss), p95: median(app.rss), baseline: modeLabels.plain, baselineMedian: median(plain.rss), baselineP95: median(plain.rss), ratio: median(app.rss) / median(plain.rss), samples: 1, details: { nodeHostRss: median(app.nodeRss) } });
  }
  return figures;
}

/** Opens, types into and measures the app and its baselines at each size, alternating modes in each repetition. */
export async function runEditorWorkloads(options: EditorWorkloadOptions): Promise<{ measurements: BenchMeasurement[]; chromiumVersion: string }> {
  const browser = await launchBenchBrowser();
  const baseline = await startBaselineServer(join(options.projectRoot, 'dist', 'bench'), options.directory);
  const measurements: BenchMeasurement[] = [];
  try {
    for (const size of options.sizes) {
      options.log(`preparing ${size}`);
      prepareWorkspace(size, options.directory);
      const samples = { app: emptySamples(), plain: emptySamples(), yjs: emptySamples() };
      for (let rep = 0; rep < options.reps; rep += 1) {
        for (const mode of modes) {
          options.log(`${size} rep ${rep + 1}/${options.reps}: ${modeLabels[mode]}`);
          await runOnce(browser, options, size, mode, baseline.origin, samples[mode], rep);
        }
      }
      measurements.push(...sizeFigures(size, samples));
    }
    return { measurements, chromiumVersion: browser.version() };
  } finally {
    baseline.server.close();
    await browser.close();
  }
}
