import type { BenchSize } from './negotiationGenerator';

/** One figure of a benchmark run, always beside its baseline measured in the same run. */
export interface BenchMeasurement {
  /** e.g. 'typing', 'open', 'persist', 'memory'. */
  workload: string;
  size: BenchSize;
  /** What was measured, e.g. 'keydown to next frame'. */
  metric: string;
  unit: 'ms' | 'MB' | 'updates/s' | 'bytes';
  median: number;
  p95: number;
  /** Extra percentiles or counts, e.g. { p99: 9.1, longTasks: 0 }. */
  details?: Record<string, number>;
  /** What the baseline is, e.g. 'plain ProseMirror, same text'. */
  baseline: string;
  baselineMedian: number;
  baselineP95: number;
  /** median / baselineMedian (for throughput: the app's over the baseline's). */
  ratio: number;
  /** The goal this figure is held to, in words, and whether it is met. */
  goal?: { text: string; met: boolean };
  samples: number;
}

/** Percentile (0-100) of a list of numbers, by nearest rank. */
export function percentile(values: readonly number[], rank: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Rounds for reports: 2 decimals under 10, 1 under 1000, else whole. */
export function rounded(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) < 10 ? 100 : Math.abs(value) < 1000 ? 10 : 1;
  return Math.round(value * digits) / digits;
}
