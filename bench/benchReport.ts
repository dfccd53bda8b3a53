import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { rounded, type BenchMeasurement } from './benchResult';

/** The machine a result was measured on. */
export interface MachineDescription {
  cpu: string;
  cores: number;
  memoryGigabytes: number;
  os: string;
  node: string;
  chromium: string;
  commit: string;
}

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Describes this machine: CPU, cores, memory, OS, Node and Chromium versions, commit. */
export function machineDescription(chromium: string): MachineDescription {
  return {
    cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGigabytes: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`, node: process.version, chromium, commit: currentCommit(),
  };
}

function tableRow(measurement: BenchMeasurement): string {
  const details = Object.entries(measurement.details ?? {}).map(([key, value]) => `${key} ${rounded(value)}`).join(', ');
  const goal = measurement.goal === undefined ? '' : `${measurement.goal.met ? 'met' : '**missed**'}: ${measurement.goal.text}`;
  return `| ${measurement.workload} | ${measurement.size} | ${measurement.metric} | ${rounded(measurement.median)} / ${rounded(measurement.p95)} ${measurement.unit} | ${measurement.baseline}: ${rounded(measurement.baselineMedian)} / ${rounded(measurement.baselineP95)} | ${rounded(measurement.ratio)}x | ${details} | ${goal} |`;
}

function measurementKey(measurement: BenchMeasurement): string {
  return `${measurement.workload}|${measurement.size}|${measurement.metric}|${measurement.baseline}`;
}

/** Earlier figures with the new ones put in their place (or added). */
function mergeMeasurements(earlier: readonly BenchMeasurement[], newer: readonly BenchMeasurement[]): BenchMeasurement[] {
  const replaced = new Map(newer.map((measurement) => [measurementKey(measurement), measurement]));
  const merged = earlier.map((measurement) => replaced.get(measurementKey(measurement)) ?? measurement);
  const known = new Set(earlier.map(measurementKey));
  return [...merged, ...newer.filter((measurement) => !known.has(measurementKey(measurement)))];
}

/** The results as a Markdown table. */
export function resultsTable(measurements: readonly BenchMeasurement[]): string {
  return [
    '| workload | size | metric | median / p95 | baseline: median / p95 | ratio | details | goal |',
    '|---|---|---|---|---|---|---|---|',
    ...measurements.map(tableRow),
  ].join('\n');
}

/**
 * Writes the results: JSON in bench/results/<date>-<machine>.json (or `out`), and for a full
 * run the table between the markers in bench/README.md.
 */
export function writeResults(options: { projectRoot: string; machine: MachineDescription; measurements: BenchMeasurement[]; quick: boolean; out?: string; seconds: number; partial: boolean }): string {
  const date = new Date().toISOString().slice(0, 10);
  const file = options.out ?? join(options.projectRoot, 'bench', 'results', `${date}-${hostname().replace(/[^A-Za-z0-9-]/g, '')}${options.quick ? '-quick' : ''}.json`);
  mkdirSync(join(file, '..'), { recursive: true });
  // A partial run (--only) replaces its own figures in the day's results and keeps the others.
  const earlier = options.partial && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as { measurements: BenchMeasurement[]; machine: MachineDescription } : null;
  const measurements = earlier === null ? options.measurements : mergeMeasurements(earlier.measurements, options.measurements);
  options.measurements = measurements;
  // A run without the browser workloads does not know Chromium's version: keep the earlier one.
  if (options.machine.chromium === '' && earlier !== null) options.machine = { ...options.machine, chromium: earlier.machine.chromium };
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), quick: options.quick, seconds: Math.round(options.seconds), machine: options.machine, measurements }, null, 2)}\n`);
  const readme = join(options.projectRoot, 'bench', 'README.md');
  if (!options.quick && options.out === undefined && existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    const machine = `Measured ${date} on ${options.machine.cpu}, ${options.machine.cores} cores, Node ${options.machine.node}, Chromium ${options.machine.chromium}, commit ${options.machine.commit}.`;
    const block = `<!-- results:start -->\n${machine}\n\n${resultsTable(options.measurements)}\n<!-- results:end -->`;
    writeFileSync(readme, text.replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, block));
  }
  return file;
}
