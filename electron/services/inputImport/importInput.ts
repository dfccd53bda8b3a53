// Imports an input (a session summary, a report, a submission) from a file or pasted text into
// passages. Validates the request, reads at most 50 MB from a regular file, checks the format
// against the content's first bytes, and hands the parsing to runInWorker (off this thread).
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ZeroDraftError } from '../../../shared/api/errors';
import type { PassageDraft } from '../../../shared/domain/inputs';
import { checkSignature, formatFromFileName } from './importFormat';
import { rejectedInput, throwIfAborted, type ImportFormat, type ParseJob, type ProgressReporter } from './importJob';
import { runParseJob } from './runInWorker';

/** What to import: exactly one of `path` (a file) and `text` (pasted text). */
export interface ImportRequest {
  path?: string;
  text?: string;
  /** The file's name, when it differs from the path's last part (or to name pasted text). */
  fileName?: string;
}

/** Progress reports and cancellation of an import. */
export interface ImportOptions {
  /** Called with a fraction from 0 to 1 and the current stage ('reading', 'page 3 of 12', ...). */
  onProgress?: ProgressReporter;
  signal?: AbortSignal;
}

/** An imported input, ready to be saved as a source with its passages. */
export interface ImportedInput {
  title: string;
  /** ISO 639-1 code guessed from the text, or 'und'. */
  language: string;
  passages: PassageDraft[];
  fileName: string | null;
  format: ImportFormat;
}

/** The largest file (or pasted text, in UTF-8) the importer reads. */
export const maximumImportBytes = 50 * 1024 * 1024;

const pastedTextName = 'Pasted text';

function megabytes(size: number): string {
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

function checkSize(size: number, displayName: string): void {
  if (size === 0) throw rejectedInput(displayName, 'the file is empty');
  if (size > maximumImportBytes) throw rejectedInput(displayName, `the file is ${megabytes(size)}, larger than the 50 MB the importer accepts`);
}

function openFailure(error: unknown, displayName: string): ZeroDraftError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ZeroDraftError('not-found', `${displayName}: the file does not exist`, displayName);
  if (code === 'EISDIR') return rejectedInput(displayName, 'this is a folder, not a file');
  const detail = error instanceof Error ? error.message : String(error);
  return new ZeroDraftError('io', `${displayName}: the file cannot be read (${detail})`, displayName);
}

/** Reads a regular file of at most 50 MB; nothing is read from a file that is rejected. */
async function readFileBytes(path: string, displayName: string): Promise<Uint8Array> {
  // stat first: opening a FIFO or a device could block or never end.
  const stats = await stat(path).catch((error: unknown) => {
    throw openFailure(error, displayName);
  });
  if (!stats.isFile()) throw rejectedInput(displayName, stats.isDirectory() ? 'this is a folder, not a file' : 'this is not a regular file');
  checkSize(stats.size, displayName);
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw openFailure(error, displayName);
  });
  try {
    const bytes = new Uint8Array(stats.size);
    let filled = 0;
    while (filled < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    checkSize(filled, displayName);
    return filled === bytes.byteLength ? bytes : bytes.slice(0, filled);
  } finally {
    await handle.close();
  }
}

function checkRequest(request: ImportRequest): void {
  if (typeof request !== 'object' || request === null) throw new ZeroDraftError('invalid-argument', 'Import: the request must be an object');
  const hasPath = request.path !== undefined;
  const hasText = request.text !== undefined;
  if (hasPath === hasText) throw new ZeroDraftError('invalid-argument', 'Import: give exactly one of a file path and a text');
  if (hasPath && (typeof request.path !== 'string' || request.path === '')) throw new ZeroDraftError('invalid-argument', 'Import: the file path must be a non-empty string');
  if (hasText && typeof request.text !== 'string') throw new ZeroDraftError('invalid-argument', 'Import: the text must be a string');
  if (request.fileName !== undefined && (typeof request.fileName !== 'string' || request.fileName.trim() === '')) {
    throw new ZeroDraftError('invalid-argument', 'Import: the file name must be a non-empty string');
  }
}

function titleFromFileName(fileName: string): string {
  return basename(fileName, extname(fileName)).trim() || fileName;
}

/**
 * Validates a request and reads its bytes into a parse job (format from the extension, checked
 * against the first bytes). Throws `invalid-argument` naming the file for input it will not read.
 */
export async function prepareImportJob(request: ImportRequest): Promise<ParseJob> {
  checkRequest(request);
  if (request.path !== undefined) {
    const displayName = request.fileName ?? basename(request.path);
    const format = formatFromFileName(displayName);
    const bytes = await readFileBytes(request.path, displayName);
    checkSignature(bytes, format, displayName);
    return { displayName, format, bytes, fallbackTitle: titleFromFileName(displayName) };
  }
  const displayName = request.fileName ?? pastedTextName;
  const bytes = new TextEncoder().encode(request.text);
  if (request.text!.trim() === '') throw rejectedInput(displayName, 'the text is empty');
  checkSize(bytes.byteLength, displayName);
  return { displayName, format: 'text', bytes, fallbackTitle: request.fileName === undefined ? pastedTextName : titleFromFileName(displayName) };
}

/**
 * Imports a file (.txt, .md, .html, .htm, .docx, .pdf) or pasted text as passages, with a title and
 * a guessed language. Parsing runs in a worker thread (see runInWorker.ts). Rejects hostile or
 * unreadable input with `invalid-argument` ('<file name>: <problem>'), a missing file with
 * `not-found`, and a cancelled import with the signal's reason.
 */
export async function importInput(request: ImportRequest, options: ImportOptions = {}): Promise<ImportedInput> {
  throwIfAborted(options.signal);
  options.onProgress?.(0, 'reading');
  const job = await prepareImportJob(request);
  throwIfAborted(options.signal);
  const parsed = await runParseJob(job, options);
  const fileName = request.path !== undefined ? (request.fileName ?? basename(request.path)) : (request.fileName ?? null);
  return { ...parsed, fileName, format: job.format };
}
