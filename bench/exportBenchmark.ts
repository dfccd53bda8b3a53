// Export at negotiation scale: the compilation of L (300 pages) holding 10,000 pending
// proposals, as DOCX (every proposal a Word tracked change with a comment) and as PDF, each
// beside the clean export of the same workspace measured in the same run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportDocument, type ExportFormat, type ExportKind } from '../electron/services/export/exportNegotiation';
import { WorkspaceDocument } from '../electron/services/workspaceDocument';
import { median, percentile, type BenchMeasurement } from './benchResult';
import type { BenchSize } from './negotiationGenerator';
import { prepareProposalWorkspace } from './proposalWorkload';

/** Options of {@link runExportBenchmark}. */
export interface ExportBenchmarkOptions {
  directory: string;
  quick: boolean;
  reps: number;
  log: (line: string) => void;
}

interface Timings { clean: number[]; compilation: number[]; bytes: { clean: number; compilation: number } }

async function timeExport(document: WorkspaceDocument, kind: ExportKind, format: ExportFormat, outPath: string): Promise<{ milliseconds: number; bytes: number }> {
  const started = performance.now();
  const result = await exportDocument({ kind, format, doc: document.doc, outPath });
  return { milliseconds: performance.now() - started, bytes: result.bytes };
}

async function measureFormat(document: WorkspaceDocument, format: ExportFormat, options: ExportBenchmarkOptions, label: string): Promise<Timings> {
  const timings: Timings = { clean: [], compilation: [], bytes: { clean: 0, compilation: 0 } };
  // One unmeasured round first: module loading, font parsing and JIT warm-up belong to no variant.
  const rounds = options.reps + 1;
  for (let round = 0; round < rounds; round += 1) {
    for (const kind of ['clean', 'compilation'] as const) {
      const { milliseconds, bytes } = await timeExport(document, kind, format, join(options.directory, `${kind}.${format}`));
      if (round === 0) continue;
      timings[kind].push(milliseconds);
      timings.bytes[kind] = bytes;
      options.log(`export ${label} rep ${round}/${options.reps}: ${kind} ${format.toUpperCase()} ${Math.round(milliseconds)} ms, ${(bytes / 1e6).toFixed(1)} MB`);
    }
  }
  return timings;
}

function measurement(size: BenchSize, proposals: number, format: ExportFormat, timings: Timings): BenchMeasurement {
  const compilation = median(timings.compilation);
  const clean = median(timings.clean);
  const isDocx = format === 'docx';
  return {
    workload: 'export', size,
    metric: `compilation ${format.toUpperCase()} export, ${proposals.toLocaleString('en')} pending proposals (file to file)`, unit: 'ms',
    median: compilation, p95: percentile(timings.compilation, 95),
    details: { megabytes: Math.round(timings.bytes.compilation / 1e5) / 10, baselineMegabytes: Math.round(timings.bytes.clean / 1e5) / 10 },
    baseline: `clean ${format.toUpperCase()} export of the same workspace`, baselineMedian: clean, baselineP95: percentile(timings.clean, 95),
    ratio: compilation / clean,
    goal: isDocx && size === 'L' ? { text: 'under 10 s and within 2x the clean export', met: compilation < 10_000 && compilation <= 2 * clean } : undefined,
    samples: timings.compilation.length,
  };
}

/**
 * Exports the compilation and the clean text of L with 10,000 pending proposals (S with 50 in
 * a quick run) as DOCX and as PDF, alternating the two in each repetition after one warm-up.
 */
export async function runExportBenchmark(options: ExportBenchmarkOptions): Promise<BenchMeasurement[]> {
  const size: BenchSize = options.quick ? 'S' : 'L';
  const proposals = options.quick ? 50 : 10_000;
  const outputs = join(options.directory, 'exports');
  mkdirSync(outputs, { recursive: true });
  options.log(`export: preparing ${size} with ${proposals} proposals`);
  const document = WorkspaceDocument.open(prepareProposalWorkspace(size, proposals, options.directory));
  try {
    const settings = { ...options, directory: outputs };
    const docx = await measureFormat(document, 'docx', settings, size);
    const pdf = await measureFormat(document, 'pdf', settings, size);
    return [measurement(size, proposals, 'docx', docx), measurement(size, proposals, 'pdf', pdf)];
  } finally {
    document.close();
  }
}
