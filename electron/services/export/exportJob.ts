// What crosses the thread boundary of an export: the job (Yjs states) and the worker's messages.
import * as Y from 'yjs';
import type { SerializedError } from '../../../shared/api/errors';
import { negotiationDocOptions } from '../../../shared/domain/documentLayout';
import type { ExportFormat, ExportKind, ExportResult } from './exportNegotiation';

/** An export to run in a worker: the negotiation as Yjs state updates (`Y.encodeStateAsUpdate`). */
export interface ExportJob {
  kind: ExportKind;
  format: ExportFormat;
  /** The negotiation (revision or current text) as one Yjs update. */
  state: Uint8Array;
  /** For a comparison: the older revision as one Yjs update. */
  againstState?: Uint8Array;
  outPath: string;
  /** The temporary file written before it is renamed to `outPath` (chosen by the runner, so it can remove it when it stops the worker). */
  temporaryPath?: string;
}

/** A message from the export worker. */
export type ExportWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: ExportResult }
  | { type: 'error'; error: SerializedError };

/** A negotiation Y.Doc (gc off, like every negotiation) rebuilt from a state update. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc(negotiationDocOptions);
  Y.applyUpdate(doc, state);
  return doc;
}
