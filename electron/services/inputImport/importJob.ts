// The shapes that travel between the importer and the thread that parses: the job (bytes to
// parse), the parsed result, and the messages of the worker.
import { ZeroDraftError, type SerializedError } from '../../../shared/api/errors';
import type { PassageDraft } from '../../../shared/domain/inputs';

/** The formats the importer reads; 'text' is pasted text. */
export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf' | 'text';

/** Reports progress: a fraction from 0 to 1 and the name of the current stage. */
export type ProgressReporter = (fraction: number, stage: string) => void;

/** One file (or pasted text) to parse, as handed to the parsing thread. */
export interface ParseJob {
  /** Name used in messages: the file's name, or 'Pasted text'. */
  displayName: string;
  format: ImportFormat;
  bytes: Uint8Array;
  /** Title used when the document gives none (the file name without its extension). */
  fallbackTitle: string;
}

/** What parsing produces. */
export interface ParsedInput {
  title: string;
  language: string;
  passages: PassageDraft[];
}

/** A message from the parsing worker to the importer. */
export type WorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'result'; result: ParsedInput }
  | { type: 'error'; error: SerializedError };

/** The rejection of an input the importer will not read: 'invalid-argument', naming the file. */
export function rejectedInput(displayName: string, problem: string): ZeroDraftError {
  return new ZeroDraftError('invalid-argument', `${displayName}: ${problem}`, displayName);
}

/** Throws the signal's reason when the import has been cancelled. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortReason(signal);
}

/** The error an aborted import rejects with: the signal's reason, or an AbortError. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The import was cancelled.', 'AbortError');
}

/** Lets the event loop run (timers, I/O, IPC) before going on with a long parse. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
