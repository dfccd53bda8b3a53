import { isAbsolute } from 'node:path';
import { channelName, type ImportPreview, type InputsService } from '../../shared/api/contract';
import { ZeroDraftError } from '../../shared/api/errors';
import { computeCoverage, type Coverage } from '../../shared/domain/coverage';
import { sourceKinds, type SourceKind } from '../../shared/domain/inputs';
import { allLinks } from '../../shared/domain/links';
import { computeNumbering } from '../../shared/schema/numbering';
import { importInput } from './inputImport/importInput';
import type { InputsLibrary } from './inputsLibrary';
import { negotiationText } from './negotiationReader';
import type { WorkspaceDocument } from './workspaceDocument';

/** What the inputs service needs from the service core: the workspace and library behind a handle. */
export interface InputsContext {
  documentOf(handle: string): WorkspaceDocument;
  libraryOf(handle: string): InputsLibrary;
  send(channel: string, payload: unknown): void;
}

/** Coverage of a workspace's library against its current text. */
export function workspaceCoverage(document: WorkspaceDocument, library: InputsLibrary): Coverage {
  const sources = library.sources();
  const passagesBySource = new Map(sources.map((source) => [source.id, library.passages(source.id).map((passage) => passage.id)]));
  const paragraphs = computeNumbering(negotiationText(document.doc)).blocks
    .filter((block) => block.kind === 'paragraph')
    .map((block) => ({ id: block.id, number: block.number }));
  return computeCoverage(sources, passagesBySource, allLinks(document.doc), paragraphs);
}

function checkKind(kind: string): SourceKind {
  if (!sourceKinds.includes(kind as SourceKind)) throw new ZeroDraftError('invalid-argument', `Unknown kind of input "${kind}". Known kinds: ${sourceKinds.join(', ')}.`);
  return kind as SourceKind;
}

/** The inputs service of one client, over the workspaces it holds. */
export function inputsService(context: InputsContext): InputsService {
  const running = new Map<string, AbortController>();
  return {
    previewImport: async (handle, request): Promise<ImportPreview> => {
      const library = context.libraryOf(handle);
      if (request.path !== undefined && !isAbsolute(request.path)) throw new ZeroDraftError('invalid-argument', `The path must be absolute: ${request.path}`);
      const progress = channelName('inputs', 'onDidImportProgress');
      running.get(handle)?.abort();
      const controller = new AbortController();
      running.set(handle, controller);
      try {
        const result = await importInput(request, { signal: controller.signal, onProgress: (fraction, stage) => context.send(progress, { handle, fraction, stage }) });
        return { ...result, duplicateOf: library.findDuplicate(result.passages) };
      } catch (error) {
        if (controller.signal.aborted) throw new ZeroDraftError('cancelled', 'The import was cancelled; nothing was saved.');
        throw error;
      } finally {
        if (running.get(handle) === controller) running.delete(handle);
      }
    },
    cancelImport: async (handle) => { context.documentOf(handle); running.get(handle)?.abort(); },
    saveImport: async (handle, source, passages) => context.libraryOf(handle).addSource({ ...source, kind: checkKind(source.kind) }, passages),
    sources: async (handle) => context.libraryOf(handle).sources(),
    passages: async (handle, sourceId) => context.libraryOf(handle).passages(sourceId),
    passagesByIds: async (handle, passageIds) => context.libraryOf(handle).passagesByIds(passageIds),
    search: async (handle, query, filters) => context.libraryOf(handle).search(query, filters),
    suggest: async (handle, text, excludePassageIds) => context.libraryOf(handle).suggest(text, 8, excludePassageIds),
    coverage: async (handle) => workspaceCoverage(context.documentOf(handle), context.libraryOf(handle)),
    removeSource: async (handle, sourceId) => { context.libraryOf(handle).removeSource(sourceId); },
    onDidImportProgress: () => () => undefined,
    onDidChangeLibrary: () => () => undefined,
  };
}
