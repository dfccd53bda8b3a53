// `npm run bench [-- --quick] [--sizes L,XL] [--reps 3] [--keys 500] [--only typing,open,memory,persist,search,proposals,export,sync] [--out file]`
// Runs every workload against its baselines in the same run and writes
// bench/results/<date>-<machine>.json plus the table in bench/README.md.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { BenchMeasurement } from './benchResult';
import { runEditorWorkloads } from './editorWorkloads';
import type { BenchSize } from './negotiationGenerator';
import { runPersistBenchmark } from './persistBenchmark';
import { runSearchBenchmark } from './searchBenchmark';
import { runProposalTyping } from './proposalWorkload';
import { runExportBenchmark } from './exportBenchmark';
import { runSyncBenchmark } from './syncBenchmark';
import { machineDescription, writeResults } from './benchReport';

const projectRoot = join(fileURLToPath(import.meta.url), '..', '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      reps: { type: 'string' },
      keys: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const quick = values.quick;
  const sizes = (values.sizes?.split(',') ?? (quick ? ['S'] : ['L', 'XL'])) as BenchSize[];
  const only = new Set(values.only?.split(',') ?? ['open', 'typing', 'memory', 'persist', 'search', 'proposals', 'export', 'sync']);
  const directory = mkdtempSync(join(tmpdir(), 'zd-bench-'));
  const log = (line: string): void => console.log(`bench: ${line}`);
  const measurements: BenchMeasurement[] = [];
  const started = Date.now();
  let chromiumVersion = '';
  try {
    if (only.has('open') || only.has('typing') || only.has('memory')) {
      const editor = await runEditorWorkloads({
        projectRoot, directory, sizes, only, log,
        reps: Number(values.reps ?? (quick ? 1 : 3)), keys: Number(values.keys ?? (quick ? 30 : 500)),
      });
      measurements.push(...editor.measurements);
      chromiumVersion = editor.chromiumVersion;
    }
    if (only.has('proposals')) {
      const proposalDirectory = join(directory, 'proposals');
      mkdirSync(proposalDirectory);
      measurements.push(await runProposalTyping({
        projectRoot, directory: proposalDirectory, log, size: quick ? 'S' : 'L', proposals: quick ? 50 : 10_000,
        reps: Number(values.reps ?? (quick ? 1 : 3)), keys: Number(values.keys ?? (quick ? 30 : 500)),
      }));
    }
    if (only.has('search')) {
      const searchDirectory = join(directory, 'search');
      mkdirSync(searchDirectory);
      measurements.push(...await runSearchBenchmark({ quick, directory: searchDirectory, log }));
    }
    if (only.has('export')) {
      const exportDirectory = join(directory, 'export');
      mkdirSync(exportDirectory);
      measurements.push(...await runExportBenchmark({ quick, directory: exportDirectory, log, reps: Number(values.reps ?? (quick ? 1 : 3)) }));
    }
    if (only.has('sync')) {
      const syncDirectory = join(directory, 'sync');
      mkdirSync(syncDirectory);
      measurements.push(...await runSyncBenchmark({ quick, directory: syncDirectory, builtDirectory: join(projectRoot, 'dist', 'node'), log }));
    }
    if (only.has('persist')) {
      const persistDirectory = join(directory, 'persist');
      mkdirSync(persistDirectory);
      measurements.push(...await runPersistBenchmark({ quick, directory: persistDirectory, log }));
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  const machine = machineDescription(chromiumVersion);
  const file = writeResults({ projectRoot, machine, measurements, quick, out: values.out, seconds: (Date.now() - started) / 1000, partial: values.only !== undefined });
  log(`${measurements.length} figures in ${Math.round((Date.now() - started) / 1000)} s, written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
