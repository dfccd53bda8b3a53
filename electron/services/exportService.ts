import { isAbsolute } from 'node:path';
import * as Y from 'yjs';
import { channelName, type ExportOutcome, type ExportServiceRequest, type ExportsService } from '../../shared/api/contract';
import { ZeroDraftError } from '../../shared/api/errors';
import { revisionDoc } from '../../shared/domain/revisions';
import type { ExportJob } from './export/exportJob';
import { validateExportRequest } from './export/exportNegotiation';
import { runExportInWorker } from './export/runExportInWorker';
import type { WorkspaceDocument } from './workspaceDocument';

/** What the exports service needs from the service core. */
export interface ExportsContext {
  documentOf(handle: string): WorkspaceDocument;
  send(channel: string, payload: unknown): void;
}

/**
 * The job of an export (what the worker reads: the chosen revision or the current text, and for a
 * comparison the earlier revision, as Yjs states). Throws `not-found` for an unknown revision.
 */
export function exportJobFor(doc: Y.Doc, request: ExportServiceRequest): ExportJob {
  const chosen = request.revision === null ? doc : revisionDoc(doc, request.revision);
  const job: ExportJob = { kind: request.kind, format: request.format, outPath: request.outPath, state: Y.encodeStateAsUpdate(chosen) };
  if (request.kind !== 'comparison') return job;
  if (request.against === null) throw new ZeroDraftError('invalid-argument', 'A comparison needs the earlier revision to compare against.');
  return { ...job, againstState: Y.encodeStateAsUpdate(revisionDoc(doc, request.against)) };
}

/**
 * Exports of one client: each runs in a worker thread (the host stays responsive), reports
 * progress, can be cancelled, writes its file whole or not at all, and only reads the workspace.
 */
export function exportsService(context: ExportsContext): ExportsService {
  const running = new Map<string, AbortController>();
  return {
    run: async (handle, request): Promise<ExportOutcome> => {
      const document = context.documentOf(handle);
      validateExportRequest({ kind: request.kind, format: request.format, outPath: request.outPath, hasAgainst: request.against !== null });
      if (!isAbsolute(request.outPath)) throw new ZeroDraftError('invalid-argument', `The path must be absolute: ${request.outPath}`);
      const job = exportJobFor(document.doc, request);
      running.get(handle)?.abort();
      const controller = new AbortController();
      running.set(handle, controller);
      const progress = channelName('exports', 'onDidExportProgress');
      try {
        return await runExportInWorker(job, {
          signal: controller.signal,
          onProgress: (fraction) => context.send(progress, { handle, fraction }),
        });
      } finally {
        if (running.get(handle) === controller) running.delete(handle);
      }
    },
    cancel: async (handle) => { context.documentOf(handle); running.get(handle)?.abort(); },
    onDidExportProgress: () => () => undefined,
  };
}
