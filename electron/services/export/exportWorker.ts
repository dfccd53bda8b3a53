// Entry point of the export worker thread: receives one job (Yjs states, not Y.Docs, as those
// cannot cross threads), rebuilds the documents, exports, posts progress, then the result or
// the error. Started by runExportInWorker.ts.
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../../../shared/api/errors';
import { exportDocument } from './exportNegotiation';
import { docFromState, type ExportJob, type ExportWorkerMessage } from './exportJob';

function post(message: ExportWorkerMessage): void {
  parentPort?.postMessage(message);
}

parentPort?.once('message', (job: ExportJob) => {
  exportDocument({
    kind: job.kind, format: job.format, outPath: job.outPath, temporaryPath: job.temporaryPath,
    doc: docFromState(job.state), against: job.againstState ? docFromState(job.againstState) : undefined,
    onProgress: (fraction) => post({ type: 'progress', fraction }),
  })
    .then((result) => post({ type: 'result', result }))
    .catch((error: unknown) => post({ type: 'error', error: serializeError(error) }));
});
