// Runs a parse job off the calling thread, in a worker_threads Worker, so the host (Electron main,
// browser host, CLI) stays responsive; a job can be cancelled (the worker is terminated) and a
// runaway parse is capped by the worker's heap limit.
//
// Which worker script: see ../workerScript.ts. When none is available, parsing runs in-process,
// as plain async functions that yield to the event loop between zip entries and PDF pages (text
// formats are parsed in one go), with the same progress reports and cancellation between steps.
import type { Worker } from 'node:worker_threads';
import { findWorkerStarter, type WorkerStarter } from '../workerScript';
import { deserializeError, ZeroDraftError } from '../../../shared/api/errors';
import { abortReason, rejectedInput, throwIfAborted, type ParseJob, type ParsedInput, type ProgressReporter, type WorkerMessage } from './importJob';
import { parseInput } from './parsers';

/** Where a parse job runs. */
export type ParseLocation = 'worker' | 'in-process';

/** Options of a parse job: progress reports and cancellation. */
export interface ParseOptions {
  onProgress?: ProgressReporter;
  signal?: AbortSignal;
}

// A runaway parse (a pathological PDF) fails this worker, not the host.
const resourceLimits = { maxOldGenerationSizeMb: 1536 };

function findImportWorker(): WorkerStarter | null {
  return findWorkerStarter(import.meta.url, 'importWorker', resourceLimits);
}

let cachedStarter: WorkerStarter | null | undefined;

function workerStarter(): WorkerStarter | null {
  if (cachedStarter === undefined) cachedStarter = findImportWorker();
  return cachedStarter;
}

/** Where parse jobs run in this process: in a worker when a worker script is available. */
export function defaultParseLocation(): ParseLocation {
  return workerStarter() === null ? 'in-process' : 'worker';
}

function workerFailure(error: Error, displayName: string): Error {
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return rejectedInput(displayName, 'the document is too large or too complex to import (the parser ran out of memory)');
  }
  return new ZeroDraftError('internal', `${displayName}: the import failed (${error.message})`, displayName);
}

function transferList(bytes: Uint8Array): ArrayBuffer[] {
  const owned = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return owned ? [bytes.buffer as ArrayBuffer] : [];
}

function runJobInWorker(worker: Worker, job: ParseJob, reportProgress: ProgressReporter, signal: AbortSignal | undefined): Promise<ParsedInput> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = (): void => settle(() => reject(abortReason(signal!)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'result') settle(() => resolve(message.result));
      else if (message.type === 'error') settle(() => reject(deserializeError(message.error)));
      else if (!settled) {
        try {
          reportProgress(message.fraction, message.stage);
        } catch (error) {
          settle(() => reject(error));
        }
      }
    });
    worker.on('error', (error) => settle(() => reject(workerFailure(error, job.displayName))));
    worker.on('exit', (code) => settle(() => reject(new ZeroDraftError('internal', `${job.displayName}: the import stopped unexpectedly (exit code ${code})`, job.displayName))));
    worker.postMessage(job, transferList(job.bytes));
  });
}

/** A reporter whose fractions never go backwards; nothing when there is no callback. */
function monotonicReporter(onProgress: ProgressReporter | undefined): ProgressReporter {
  let reached = 0;
  return (fraction, stage) => {
    reached = Math.max(reached, Math.min(1, Math.max(0, fraction)));
    onProgress?.(reached, stage);
  };
}

/**
 * Parses a job in a worker thread (or in-process when no worker script is available, or when
 * `location` says so), reporting progress; rejects with the signal's reason when cancelled.
 * The job's bytes are transferred to the worker: do not use them afterwards.
 */
export async function runParseJob(job: ParseJob, options: ParseOptions = {}, location: ParseLocation = defaultParseLocation()): Promise<ParsedInput> {
  throwIfAborted(options.signal);
  const reportProgress = monotonicReporter(options.onProgress);
  const starter = location === 'worker' ? workerStarter() : null;
  if (starter === null) return parseInput(job, reportProgress, options.signal);
  return runJobInWorker(starter(), job, reportProgress, options.signal);
}
