// Entry point of the parsing worker thread: receives one ParseJob, parses it, posts progress, then
// the result or the error, and waits to be terminated. Started by runInWorker.ts.
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../../../shared/api/errors';
import type { ParseJob, WorkerMessage } from './importJob';
import { parseInput } from './parsers';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

parentPort?.once('message', (job: ParseJob) => {
  parseInput(job, (fraction, stage) => post({ type: 'progress', fraction, stage }))
    .then((result) => post({ type: 'result', result }))
    .catch((error: unknown) => post({ type: 'error', error: serializeError(error) }));
});
