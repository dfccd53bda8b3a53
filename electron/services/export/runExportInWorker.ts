// Runs an export off the calling thread, in a worker_threads Worker, so the host (Electron main,
// browser host, CLI) stays responsive while a 300-page compilation is written.
//
// Which worker script: see ../workerScript.ts (exportWorker.ts from source, exportWorker.js next to
// the bundle); when none is available the export runs in-process (still asynchronous, same
// progress reports).
import { rmSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { findWorkerStarter, type WorkerStarter } from '../workerScript';
import { deserializeError, ZeroDraftError } from '../../../shared/api/errors';
import { docFromState, type ExportJob, type ExportWorkerMessage } from './exportJob';
import { exportDocument, temporaryPathFor, type ExportResult } from './exportNegotiation';

/** Where an export runs. */
export type ExportLocation = 'worker' | 'in-process';

/** Options of an export in a worker. */
export interface ExportOptions {
  onProgress?: (fraction: number) => void;
  /** Cancels the export: the worker is stopped and nothing is written. */
  signal?: AbortSignal;
}

let cachedStarter: WorkerStarter | null | undefined;

/** Where exports run in this process: in a worker when a worker script is available. */
export function defaultExportLocation(): ExportLocation {
  if (cachedStarter === undefined) cachedStarter = findWorkerStarter(import.meta.url, 'exportWorker');
  return cachedStarter === null ? 'in-process' : 'worker';
}

function cancelled(): ZeroDraftError {
  return new ZeroDraftError('cancelled', 'The export was cancelled; nothing was written.');
}

function runJob(worker: Worker, job: ExportJob, options: ExportOptions): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      // A stopped worker may have begun its temporary file: remove it once the worker is gone.
      void worker.terminate()
        .then(() => { if (job.temporaryPath) rmSync(job.temporaryPath, { force: true }); })
        .catch(() => undefined)
        .finally(outcome);
    };
    const onAbort = (): void => settle(() => reject(cancelled()));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'result') settle(() => resolve(message.result));
      else if (message.type === 'error') settle(() => reject(deserializeError(message.error)));
      else if (!settled) options.onProgress?.(message.fraction);
    });
    worker.on('error', (error) => settle(() => reject(new ZeroDraftError('internal', `The export failed (${error.message}).`, job.outPath))));
    worker.on('exit', (code) => settle(() => reject(new ZeroDraftError('internal', `The export stopped unexpectedly (exit code ${code}).`, job.outPath))));
    worker.postMessage(job);
  });
}

/**
 * Exports in a worker thread from Yjs states (`Y.encodeStateAsUpdate` of the negotiation and,
 * for a comparison, of the older revision): the worker rebuilds the documents and runs
 * `exportDocument`, reporting progress. Runs in-process when no worker script is available or
 * `location` says so. Cancelling (`signal`) stops the worker and removes its temporary file:
 * nothing is written.
 */
export async function runExportInWorker(job: ExportJob, options: ExportOptions = {}, location: ExportLocation = defaultExportLocation()): Promise<ExportResult> {
  if (options.signal?.aborted) throw cancelled();
  if (location === 'worker' && defaultExportLocation() === 'worker' && cachedStarter) {
    return runJob(cachedStarter(), { ...job, temporaryPath: job.temporaryPath ?? temporaryPathFor(job.outPath) }, options);
  }
  return exportDocument({
    kind: job.kind, format: job.format, outPath: job.outPath, onProgress: options.onProgress,
    doc: docFromState(job.state), against: job.againstState ? docFromState(job.againstState) : undefined,
  });
}
