import { resolve } from 'node:path';
import { ZeroDraftError } from '../../shared/api/errors';
import { closeRound, listRevisions, saveRevision, type RevisionInfo } from '../../shared/domain/revisions';
import { exportFormats, type ExportFormat, type ExportKind } from '../services/export/exportNegotiation';
import { runExportInWorker } from '../services/export/runExportInWorker';
import { exportJobFor } from '../services/exportService';
import type { WorkspaceDocument } from '../services/workspaceDocument';
import type { CommandOutput } from './proposalsCommands';

/** Options of `zerodraft revisions`, `revise` and `export`. */
export interface RevisionsOptions {
  json: boolean;
  name?: string;
  date?: string;
  note?: string;
  'close-round'?: string;
  kind?: string;
  format?: string;
  revision?: string;
  against?: string;
  out?: string;
}

/** `zerodraft revisions <file> [--json]`: the saved revisions, oldest first. */
export function commandRevisions(document: WorkspaceDocument, options: RevisionsOptions, output: CommandOutput): void {
  const revisions = listRevisions(document.doc);
  if (options.json) {
    output.out(`${JSON.stringify(revisions, null, 2)}\n`);
    return;
  }
  if (revisions.length === 0) {
    output.out('No revision has been saved yet (zerodraft revise <file> --name "Zero draft").\n');
    return;
  }
  for (const revision of revisions) output.out(`${revisionLine(revision)}\n`);
}

function revisionLine(revision: RevisionInfo): string {
  const round = revision.round === null ? '' : `  closes round ${revision.round}`;
  return `${revision.name}  ${revision.date}${round}${revision.note === '' ? '' : `  — ${revision.note}`}`;
}

/** `zerodraft revise <file> --name "Rev 1" [--date YYYY-MM-DD] [--note "..."] [--close-round N]`. */
export function commandRevise(document: WorkspaceDocument, options: RevisionsOptions, output: CommandOutput): void {
  if (options.name === undefined) throw new ZeroDraftError('invalid-argument', '"revise" needs --name, e.g. --name "Rev 1".');
  const request = { name: options.name, date: options.date, note: options.note };
  const roundOption = options['close-round'];
  let revision: RevisionInfo;
  if (roundOption === undefined) {
    revision = saveRevision(document.doc, request);
  } else {
    const round = Number(roundOption);
    if (!Number.isInteger(round) || round < 1) throw new ZeroDraftError('invalid-argument', `--close-round needs a round number, not "${roundOption}".`);
    revision = closeRound(document.doc, { ...request, round });
  }
  output.out(`Saved revision ${revisionLine(revision)}\n`);
}

function kindOption(value: string | undefined): ExportKind {
  const kinds = Object.keys(exportFormats) as ExportKind[];
  if (value === undefined || !kinds.includes(value as ExportKind)) throw new ZeroDraftError('invalid-argument', `--kind must be one of: ${kinds.join(', ')}.`);
  return value as ExportKind;
}

/**
 * `zerodraft export <file> --kind K --format F [--revision R] [--against R] --out <path>`.
 * Reads the workspace only; the export runs in a worker thread.
 */
export async function commandExport(document: WorkspaceDocument, options: RevisionsOptions, output: CommandOutput): Promise<void> {
  const kind = kindOption(options.kind);
  const format = (options.format ?? exportFormats[kind][0]) as ExportFormat;
  if (options.out === undefined) throw new ZeroDraftError('invalid-argument', '"export" needs --out <path>: the file to write.');
  if (kind === 'comparison' && options.against === undefined) throw new ZeroDraftError('invalid-argument', 'A comparison needs --against <revision>: the earlier revision.');
  const result = await runExportInWorker(exportJobFor(document.doc, {
    kind, format, outPath: resolve(options.out), revision: options.revision ?? null, against: options.against ?? null,
  }));
  output.out(`Wrote ${result.path} (${result.bytes} bytes)\n`);
}
