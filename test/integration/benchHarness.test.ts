import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, projectRoot } from '../support/builtApp';
import { temporaryFolder } from '../support/temporaryFolder';

const run = promisify(execFile);
const folder = temporaryFolder('zd-bench-test-');
afterAll(() => folder.remove());

interface Measurement {
  workload: string; size: string; median: number; p95: number; baselineMedian: number; ratio: number; samples: number; baseline: string;
}

describe('npm run bench -- --quick', () => {
  it('runs every workload once on size S and records each figure beside its baseline', async () => {
    ensureBuilt();
    const out = join(folder.path, 'quick.json');
    await run(process.execPath, ['dist/node/bench.js', '--quick', '--out', out], { cwd: projectRoot, timeout: 240_000 });
    const result = JSON.parse(readFileSync(out, 'utf8')) as { quick: boolean; machine: Record<string, unknown>; measurements: Measurement[] };
    expect(result.quick).toBe(true);
    expect(result.machine).toMatchObject({ cores: expect.any(Number), node: process.version, chromium: expect.stringMatching(/\d+\./) });
    const workloads = new Set(result.measurements.map((measurement) => measurement.workload));
    expect([...workloads].sort()).toEqual(['export', 'memory', 'open', 'persist', 'search', 'sync', 'typing', 'typing-proposals']);
    for (const measurement of result.measurements) {
      expect(measurement.baseline.length).toBeGreaterThan(0);
      expect(Number.isFinite(measurement.median) && Number.isFinite(measurement.baselineMedian) && Number.isFinite(measurement.ratio)).toBe(true);
      expect(measurement.samples).toBeGreaterThan(0);
    }
    expect(result.measurements.every((measurement) => measurement.size === 'S')).toBe(true);
  }, 300_000);
});
