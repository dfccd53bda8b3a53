// The one entry of export: checks the request, builds the bytes of the chosen kind and format,
// and writes them to a temporary file in the target folder that is renamed into place, so a
// failed export never leaves a half-written file. Export only reads the Y.Doc.
import { randomBytes } from 'node:crypto';
import { rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type * as Y from 'yjs';
import { exportKindFormats, type ExportFileFormat, type ExportKind as ContractExportKind } from '../../../shared/api/contract';
import { ZeroDraftError } from '../../../shared/api/errors';
import { aknXml } from './aknExport';
import { comparisonModel } from './comparisonModel';
import { proposalsCsv } from './csvExport';
import { docxFromModel } from './docxExport';
import { cleanModel, compilationModel, isEmptyText, titleBlockOf, type ExportModel } from './exportModel';
import { pdfFromModel } from './pdfExport';
import { proposalRows } from './proposalsTable';
import { proposalsTableDocx } from './proposalsTableDocx';
import { negotiationText } from '../negotiationReader';

/** What is exported: the agreed text, the compilation of proposals, a comparison of two revisions, the proposals table, or Akoma Ntoso. */
export type ExportKind = ContractExportKind;

/** The file format written. */
export type ExportFormat = ExportFileFormat;

/** The formats each kind can be written in (one list, shared with the Export dialog). */
export const exportFormats = exportKindFormats;

/** How messages name each kind. */
const kindNames: Readonly<Record<ExportKind, string>> = {
  clean: 'clean text', compilation: 'compilation', comparison: 'comparison', proposals: 'proposals table', akn: 'Akoma Ntoso text',
};

/** An export to run. */
export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  /** The negotiation (a revision or the current text); only read. */
  doc: Y.Doc;
  /** For a comparison: the older revision `doc` is compared against. */
  against?: Y.Doc;
  /** The file to write (replaced if it exists). */
  outPath: string;
  /** Progress, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** The temporary file to write first (default: a fresh name beside `outPath`). */
  temporaryPath?: string;
}

/** What an export wrote. */
export interface ExportResult {
  path: string;
  bytes: number;
}

/** The message of an export of an empty text. */
export const emptyTextMessage = 'The text is empty: there is nothing to export.';

/** Checks the kind, the format, the comparison's older revision and the text; throws `invalid-argument`. */
export function validateExportRequest(request: Pick<ExportRequest, 'kind' | 'format' | 'outPath'> & { hasAgainst: boolean }): void {
  const formats = exportFormats[request.kind] as readonly ExportFormat[] | undefined;
  if (!formats) {
    throw new ZeroDraftError('invalid-argument', `Unknown export kind "${String(request.kind)}": choose one of ${Object.keys(exportFormats).join(', ')}.`);
  }
  if (!formats.includes(request.format)) {
    throw new ZeroDraftError('invalid-argument', `The ${kindNames[request.kind]} can be exported as ${formats.map((format) => format.toUpperCase()).join(' or ')}, not as "${String(request.format)}".`);
  }
  if (request.kind === 'comparison' && !request.hasAgainst) {
    throw new ZeroDraftError('invalid-argument', 'A comparison needs the earlier revision to compare against.');
  }
  if (typeof request.outPath !== 'string' || request.outPath.trim() === '') {
    throw new ZeroDraftError('invalid-argument', 'Choose the file to export to.');
  }
}

function modelOf(request: ExportRequest, text: ProseMirrorNode): ExportModel {
  if (request.kind === 'compilation') return compilationModel(request.doc, text);
  if (request.kind === 'comparison') return comparisonModel(request.against as Y.Doc, request.doc, undefined, text);
  return cleanModel(request.doc, text);
}

/** The bytes of the export; `text` is the document's text, read once. */
async function exportBytes(request: ExportRequest, text: ProseMirrorNode, progress: (fraction: number) => void): Promise<Buffer> {
  if (request.kind === 'akn') return Buffer.from(aknXml(request.doc, undefined, text), 'utf8');
  if (request.kind === 'proposals') {
    const rows = proposalRows(request.doc, text);
    if (request.format === 'csv') return proposalsCsv(rows);
    return proposalsTableDocx(rows, titleBlockOf(text));
  }
  const model = modelOf(request, text);
  progress(0.1);
  const scaled = (fraction: number): void => progress(0.1 + 0.85 * fraction);
  return request.format === 'pdf' ? pdfFromModel(model, scaled) : docxFromModel(model, scaled);
}

/** Throws `io` naming the path when its folder does not exist or is not a folder. */
function checkFolder(path: string): void {
  const folder = dirname(path);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new ZeroDraftError('io', `Cannot export to ${path}: the folder ${folder} does not exist.`, path);
  }
  if (!isFolder) throw new ZeroDraftError('io', `Cannot export to ${path}: ${folder} is not a folder.`, path);
}

/** Why a file could not be written, in words (the temporary file's name means nothing to the user). */
function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES': case 'EPERM': case 'EROFS': return 'the folder cannot be written to';
    case 'ENOENT': return 'the folder does not accept new files';
    case 'EISDIR': return 'it is a folder';
    case 'ENOSPC': case 'EDQUOT': return 'the disk is full';
    default: return `the file could not be written (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/** A fresh name for the temporary file of an export to `path`, in the same folder (so the rename is atomic). */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
}

/** Writes bytes to a temporary file beside `path`, then renames it into place; on failure removes the temporary file. */
export function writeFileAtomically(path: string, bytes: Uint8Array, temporary: string = temporaryPathFor(path)): void {
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new ZeroDraftError('io', `Cannot export to ${path}: ${writeFailure(error)}. Nothing was written.`, path);
  }
}

/**
 * Exports a negotiation: the clean text, the compilation or a comparison (DOCX, PDF), the
 * proposals table (DOCX, CSV) or Akoma Ntoso (XML). Checks the request (`invalid-argument`),
 * refuses an empty text, writes the file whole or not at all (`io`, naming the path), and
 * never changes the Y.Doc.
 */
export async function exportDocument(request: ExportRequest): Promise<ExportResult> {
  validateExportRequest({ kind: request.kind, format: request.format, outPath: request.outPath, hasAgainst: request.against !== undefined });
  const path = resolve(request.outPath);
  const text = negotiationText(request.doc);
  if (isEmptyText(text)) throw new ZeroDraftError('invalid-argument', emptyTextMessage);
  checkFolder(path);
  let reached = 0;
  const progress = (fraction: number): void => {
    reached = Math.max(reached, Math.min(1, fraction));
    request.onProgress?.(reached);
  };
  progress(0);
  const bytes = await exportBytes(request, text, progress);
  writeFileAtomically(path, bytes, request.temporaryPath);
  progress(1);
  return { path, bytes: bytes.byteLength };
}
