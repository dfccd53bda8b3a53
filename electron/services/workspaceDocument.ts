import { rmSync } from 'node:fs';
import { basename, extname } from 'node:path';
import * as Y from 'yjs';
import { ZeroDraftError } from '../../shared/api/errors';
import type { SaveAck } from '../../shared/api/contract';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';
import { WorkspaceFile } from './workspaceFile';
import { watchProposalIntegrity } from '../../shared/domain/proposalIntegrity';

/** Origin of updates replayed from the file at open: they are already stored. */
export const loadOrigin = 'zerodraft:load';

/** When to compact the update log. */
export interface CompactionPolicy {
  /** Compact once the log holds this many updates since the last compaction. */
  everyUpdates: number;
  /** ... after this many milliseconds without a new update (so typing is never held up). */
  idleMilliseconds: number;
}

const defaultCompaction: CompactionPolicy = { everyUpdates: 1000, idleMilliseconds: 2000 };

/** Listener for changes to the authoritative replica; `origin` tells where they came from. */
export type DocumentUpdateListener = (update: Uint8Array, origin: unknown) => void;

/**
 * The authoritative replica of one open negotiation: a gc:false Y.Doc backed by a workspace
 * file. Every change is appended to the file's log before it is acknowledged; the log is
 * compacted in the background.
 */
export class WorkspaceDocument {
  readonly file: WorkspaceFile;
  private readonly replica: Y.Doc;
  private readonly compaction: CompactionPolicy;
  private readonly listeners = new Set<DocumentUpdateListener>();
  private compactionTimer: NodeJS.Timeout | undefined;
  private storedUpdates: number;
  private sinceCompaction = 0;
  private closed = false;
  /** The stored log, merged, until it is applied to the replica. */
  private unappliedLog: Uint8Array | undefined;
  private loadFailure: ZeroDraftError | undefined;

  private constructor(file: WorkspaceFile, compaction: CompactionPolicy) {
    this.file = file;
    this.compaction = compaction;
    this.replica = new Y.Doc(negotiationDocOptions);
    const updates = file.readUpdates();
    if (updates.length === 1) {
      // A compacted log is the state itself: a client can be sent it before the replica is built.
      this.unappliedLog = updates[0]!.data;
      this.cachedState = this.unappliedLog;
    } else if (updates.length > 1) {
      // Applied one by one in one transaction: Y.mergeUpdates is quadratic in the number of
      // updates (20,000 keystrokes: 5.7 s merged, 54 ms applied in turn).
      try {
        this.replica.transact(() => {
          for (const row of updates) Y.applyUpdate(this.replica, row.data, loadOrigin);
        }, loadOrigin);
      } catch (error) {
        throw this.unreadable(error);
      }
    }
    this.storedUpdates = updates.length;
    this.replica.on('update', this.onDocumentUpdate);
  }

  private unreadable(error: unknown): ZeroDraftError {
    return new ZeroDraftError('corrupt-workspace', `${basename(this.file.path)}: the negotiation text in this workspace cannot be read (${error instanceof Error ? error.message : String(error)}). The file was not changed.`, this.file.path);
  }

  /**
   * Opens a workspace file and replays its log. With `deferLoad`, the log is applied to the
   * replica at first use (or by {@link loadInBackground}), so a client can be sent the stored
   * state while the host builds its own replica.
   */
  static open(path: string, options: { compaction?: CompactionPolicy; deferLoad?: boolean } = {}): WorkspaceDocument {
    const file = WorkspaceFile.open(path);
    try {
      const document = new WorkspaceDocument(file, options.compaction ?? defaultCompaction);
      if (options.deferLoad !== true) document.ensureLoaded();
      return document;
    } catch (error) {
      file.close();
      throw error;
    }
  }

  /** The authoritative replica (gc:false), with the whole stored log applied. */
  get doc(): Y.Doc {
    this.ensureLoaded();
    return this.replica;
  }

  /** Applies the stored log to the replica if that is still to be done. */
  ensureLoaded(): void {
    if (this.loadFailure !== undefined) throw this.loadFailure;
    const log = this.unappliedLog;
    if (log === undefined) return;
    this.unappliedLog = undefined;
    try {
      Y.applyUpdate(this.replica, log, loadOrigin);
    } catch (error) {
      this.loadFailure = this.unreadable(error);
      throw this.loadFailure;
    }
  }

  /** Applies the stored log on the next turn of the event loop (after the current reply is sent). */
  loadInBackground(): void {
    setImmediate(() => {
      try {
        if (!this.closed) this.ensureLoaded();
      } catch {
        // Remembered in loadFailure: every later call reports it.
      }
    });
  }

  /** Creates a workspace file and seeds it with `seed` (stored as the first update). */
  static create(path: string, seed: (doc: Y.Doc) => void, compaction: CompactionPolicy = defaultCompaction): WorkspaceDocument {
    // (A new file has an empty log: nothing to load.)
    const file = WorkspaceFile.create(path);
    const document = new WorkspaceDocument(file, compaction);
    try {
      seed(document.doc);
    } catch (error) {
      // A half-made workspace is worse than none: release it and remove the file.
      document.close();
      rmSync(path, { force: true });
      throw error;
    }
    return document;
  }

  private stopIntegrity: (() => void) | undefined;

  /**
   * Repairs, shortly after any change, what edits made at once on several replicas did to
   * proposals (words typed into a range being deleted, words added to a decided proposal).
   */
  watchIntegrity(): void {
    if (this.stopIntegrity !== undefined) return;
    // On the replica itself, not `doc`: watching must not force a deferred load.
    this.stopIntegrity = watchProposalIntegrity(this.replica, (run) => setImmediate(() => {
      if (this.closed || this.storageFailure !== undefined) return;
      try {
        run();
      } catch (error) {
        // A repair that cannot be made (or stored) must not take the host down; the text is as before.
        console.error(`${this.name}: proposal repair failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }));
  }

  /** Display name: the file name without its extension. */
  get name(): string {
    return basename(this.file.path, extname(this.file.path));
  }

  /** Number of updates the log holds. */
  get updateCount(): number {
    return this.storedUpdates;
  }

  /** Listens to every change of the replica (including those from {@link applyUpdate}). */
  onUpdate(listener: DocumentUpdateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies an update from a client. The raw update is stored (pending parts included) and
   * only then acknowledged. A malformed update is refused and nothing is stored.
   */
  applyUpdate(update: Uint8Array, origin: unknown): SaveAck {
    this.assertOpen();
    if (this.storageFailure !== undefined) throw this.storageFailure;
    try {
      Y.decodeUpdate(update);
    } catch {
      throw new ZeroDraftError('invalid-update', 'The change could not be read (malformed update); it was not saved.');
    }
    const receipt = { origin, stored: false };
    this.pendingReceipt = receipt;
    try {
      Y.applyUpdate(this.doc, update, receipt);
    } catch (error) {
      if (this.storageFailure !== undefined) throw this.storageFailure;
      throw new ZeroDraftError('invalid-update', `The change could not be applied (${error instanceof Error ? error.message : String(error)}); it was not saved.`);
    } finally {
      this.pendingReceipt = undefined;
    }
    // A duplicate or a not-yet-applicable (pending) update raises no event, but is still kept.
    if (!receipt.stored) this.store(update);
    return { storedUpdates: this.storedUpdates, savedAt: new Date().toISOString() };
  }

  private pendingReceipt: { origin: unknown; stored: boolean } | undefined;
  private storageFailure: ZeroDraftError | undefined;
  /** The encoded state, kept until the next change (at open: the stored log itself). */
  private cachedState: Uint8Array | undefined;

  /** The whole state as one Yjs update, for a client that opens the workspace. */
  encodeState(): Uint8Array {
    this.cachedState ??= Y.encodeStateAsUpdate(this.doc);
    return this.cachedState;
  }

  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    // The stored log, replayed: already on disk, and every client was sent it when it opened.
    if (origin === loadOrigin) return;
    this.store(update);
    if (this.pendingReceipt !== undefined && origin === this.pendingReceipt) this.pendingReceipt.stored = true;
    const listenerOrigin = typeof origin === 'object' && origin !== null && 'origin' in origin ? (origin as { origin: unknown }).origin : origin;
    for (const listener of this.listeners) listener(update, listenerOrigin);
  };

  private store(update: Uint8Array): void {
    this.cachedState = undefined;
    try {
      this.file.appendUpdate(update);
    } catch (error) {
      // Memory now holds a change the file does not: refuse every further change, say why.
      const reason = error instanceof Error ? error.message : String(error);
      this.storageFailure = new ZeroDraftError('io', `${this.name}: Zero Draft could not write to the workspace file (${reason}). The latest changes are not saved; copy them elsewhere, then reopen the workspace.`, this.file.path);
      throw this.storageFailure;
    }
    this.storedUpdates += 1;
    this.sinceCompaction += 1;
    if (this.sinceCompaction >= this.compaction.everyUpdates) this.scheduleCompaction();
  }

  private scheduleCompaction(): void {
    clearTimeout(this.compactionTimer);
    this.compactionTimer = setTimeout(() => this.compactNow(), this.compaction.idleMilliseconds);
    this.compactionTimer.unref();
  }

  /**
   * Replaces the log by one update holding the whole state. The doc never garbage-collects,
   * so the compacted state still holds every deleted item that a revision snapshot may need.
   */
  compactNow(): void {
    if (this.closed) return;
    clearTimeout(this.compactionTimer);
    const throughId = this.file.lastUpdateId();
    if (this.storedUpdates <= 1) return;
    this.file.compact(Y.encodeStateAsUpdate(this.doc), throughId);
    this.storedUpdates = 1;
    this.sinceCompaction = 0;
  }

  private assertOpen(): void {
    if (this.closed) throw new ZeroDraftError('not-open', `${this.name}: the workspace is closed.`, this.file.path);
  }

  /** Compacts (so the next open is fast), then closes the file and releases its lock. */
  close(): void {
    if (this.closed) return;
    try {
      if (this.sinceCompaction > 0) this.compactNow();
    } finally {
      this.closed = true;
      clearTimeout(this.compactionTimer);
      this.stopIntegrity?.();
      this.replica.off('update', this.onDocumentUpdate);
      this.listeners.clear();
      this.file.close();
      this.replica.destroy();
    }
  }
}
