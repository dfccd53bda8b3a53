// Keeps the library's local index (libraryIndex.ts) in step with the shared library in the Y.Doc
// (librarySharedState.ts): catches up at open, then follows every change, whoever made it (this
// replica, another window, sync). The Y.Doc decides; the index only follows.
import type * as Y from 'yjs';
import {
  hasSharedEntry, libraryMap, readSharedSource, writeSharedSource,
} from '../../shared/domain/librarySharedState';
import { InputsLibrary } from './inputsLibrary';
import { LibraryIndex, libraryOrigin } from './libraryIndex';
import type { WorkspaceDocument } from './workspaceDocument';

/**
 * Setting that marks a workspace whose library lives in its Y.Doc. Before it is set, sources of
 * the index that the Y.Doc lacks were made before the library synced, and are added to the Y.Doc;
 * after it, they are sources the Y.Doc removed, and leave the index.
 */
export const libraryInDocumentSetting = 'library_in_document';

/** Sources that entered or left the index, and the origin of the Y.Doc change that moved them. */
export interface LibraryChange {
  addedSourceIds: string[];
  removedSourceIds: string[];
  /** The Y.Doc transaction's origin (`libraryOrigin` for this replica's own saves); null at catch-up. */
  origin: unknown;
}

/** The library of an open workspace, following its Y.Doc. */
export interface FollowedLibrary {
  readonly library: InputsLibrary;
  /** Listens to every change of the index (returns the unsubscribe). */
  onDidChange(listener: (change: LibraryChange) => void): () => void;
  /** Stops following the Y.Doc (the library still answers queries). */
  stop(): void;
}

/** Indexes a source; false when it was indexed already or cannot be (a passage id taken by another source). */
function tryIndex(index: LibraryIndex, source: NonNullable<ReturnType<typeof readSharedSource>>): boolean {
  try {
    return index.add(source);
  } catch {
    // A faulty peer's source that reuses passage ids of another: left out, nothing else touched.
    return false;
  }
}

/** Adds to the Y.Doc, once per workspace, the sources indexed before the library synced (ids kept, so links hold). */
function adoptLegacySources(document: WorkspaceDocument, index: LibraryIndex): void {
  if (document.file.getSetting(libraryInDocumentSetting) === '1') return;
  const doc = document.doc;
  const legacy = index.ids().filter((id) => !hasSharedEntry(doc, id));
  if (legacy.length > 0) {
    doc.transact(() => {
      for (const id of legacy) {
        const record = index.record(id);
        if (record !== null) writeSharedSource(doc, record, libraryOrigin);
      }
    }, libraryOrigin);
  }
  document.file.setSetting(libraryInDocumentSetting, '1');
}

/**
 * Brings the index to the Y.Doc: removes the sources the Y.Doc no longer has, indexes those it
 * lacks. An entry that is there but malformed changes nothing (nothing indexed is lost to it).
 */
export function catchUpIndex(doc: Y.Doc, index: LibraryIndex): LibraryChange {
  const change: LibraryChange = { addedSourceIds: [], removedSourceIds: [], origin: null };
  for (const id of index.ids()) {
    if (!hasSharedEntry(doc, id) && index.remove(id)) change.removedSourceIds.push(id);
  }
  for (const id of libraryMap(doc).keys()) {
    if (index.has(id)) continue;
    const source = readSharedSource(doc, id);
    if (source !== null && tryIndex(index, source)) change.addedSourceIds.push(id);
  }
  return change;
}

/** Applies one change of the library map to the index. */
function followEvent(doc: Y.Doc, index: LibraryIndex, event: Y.YMapEvent<unknown>): LibraryChange {
  const change: LibraryChange = { addedSourceIds: [], removedSourceIds: [], origin: event.transaction.origin };
  for (const [id, keyChange] of event.changes.keys) {
    if (keyChange.action === 'delete') {
      if (index.remove(id)) change.removedSourceIds.push(id);
      continue;
    }
    // 'add', or 'update' (an entry replaced: sources are immutable, so only a faulty peer or two
    // replicas adopting the same legacy file do that, the latter with identical content).
    const source = readSharedSource(doc, id);
    if (source !== null && tryIndex(index, source)) change.addedSourceIds.push(id);
  }
  return change;
}

/**
 * Opens the library of a workspace and makes its index follow the Y.Doc: adopts a library made
 * before the library synced, catches up, then follows every change of the library map. Loads the
 * Y.Doc if it is not loaded yet.
 */
export function followLibrary(document: WorkspaceDocument): FollowedLibrary {
  const database = document.file.connection;
  const doc = document.doc;
  const index = new LibraryIndex(database);
  const listeners = new Set<(change: LibraryChange) => void>();
  adoptLegacySources(document, index);
  catchUpIndex(doc, index);
  const announce = (change: LibraryChange): void => {
    if (change.addedSourceIds.length === 0 && change.removedSourceIds.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not stop the others, nor the Y.Doc's own update handling.
      }
    }
  };
  const observer = (event: Y.YMapEvent<unknown>): void => {
    // An exception here would keep Yjs from emitting the update, so the file would not store it.
    if (!database.open) return;
    try {
      announce(followEvent(doc, index, event));
    } catch {
      // The index is behind (e.g. the disk failed); the next open catches it up.
    }
  };
  libraryMap(doc).observe(observer);
  return {
    library: new InputsLibrary(database, doc),
    onDidChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => libraryMap(doc).unobserve(observer),
  };
}
