import * as Y from 'yjs';
import type { OpenedWorkspace, ZeroDraftApi } from '../../shared/api/contract';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';

/** Where the renderer's changes are: all stored, on their way, or failing to store. */
export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

/** Origin of updates that came from the host (never sent back). */
export const hostOrigin = 'zerodraft:host';
const retryMilliseconds = 3000;
/** Local changes are gathered this long, then sent in one message, outside the keystroke's task. */
const sendDelayMilliseconds = 20;
/** Up to this many queued updates are merged into one message; more are sent as a state difference. */
const maxMergedUpdates = 64;

/**
 * The renderer's replica of an open negotiation. Local changes are sent to the host in order,
 * merged while one is in flight; the save state turns "saved" only when the host has them on
 * disk. Changes from the host (other windows, sync) are applied as they come.
 */
export class WorkspaceReplica {
  readonly doc = new Y.Doc(negotiationDocOptions);
  readonly opened: OpenedWorkspace;
  private readonly api: ZeroDraftApi;
  private queue: Uint8Array[] = [];
  private sending = false;
  private saveState: SaveState = { kind: 'saved', at: null };
  private readonly listeners = new Set<(state: SaveState) => void>();
  private readonly unsubscribe: () => void;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  /** State vector of what the host has confirmed storing. */
  private confirmedVector: Uint8Array;

  constructor(api: ZeroDraftApi, opened: OpenedWorkspace) {
    this.api = api;
    this.opened = opened;
    Y.applyUpdate(this.doc, opened.state, hostOrigin);
    this.confirmedVector = Y.encodeStateVector(this.doc);
    performance.mark('zd:replica');
    this.doc.on('update', this.onLocalUpdate);
    this.unsubscribe = api.workspace.onDidUpdate((event) => {
      if (event.handle === opened.handle && !this.destroyed) Y.applyUpdate(this.doc, event.update, hostOrigin);
    });
  }

  /** The current save state. */
  get state(): SaveState {
    return this.saveState;
  }

  /** True while changes are not yet stored. */
  get hasUnsavedChanges(): boolean {
    return this.queue.length > 0 || this.sending;
  }

  /** Listens to save-state changes; returns the unsubscribe. */
  onSaveState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === hostOrigin) return;
    this.queue.push(update);
    if (this.sendTimer === undefined) {
      this.setState({ kind: 'saving' });
      this.sendTimer = setTimeout(() => { this.sendTimer = undefined; void this.flush(); }, sendDelayMilliseconds);
    }
  };

  private setState(state: SaveState): void {
    if (state.kind === 'saving' && this.saveState.kind === 'saving') return;
    this.saveState = state;
    for (const listener of this.listeners) listener(state);
  }

  /** Sends what is queued; one call in flight at a time. */
  async flush(): Promise<void> {
    if (this.sending || this.queue.length === 0 || this.destroyed) return;
    this.sending = true;
    const batch = this.queue;
    this.queue = [];
    if (this.saveState.kind !== 'saving') this.setState({ kind: 'saving' });
    // A long queue (the host was unreachable for a while) is sent as the difference from what the
    // host last confirmed: merging thousands of updates is quadratic in Yjs.
    const vector = Y.encodeStateVector(this.doc);
    const update = batch.length === 1 ? batch[0]! : batch.length <= maxMergedUpdates ? Y.mergeUpdates(batch) : Y.encodeStateAsUpdate(this.doc, this.confirmedVector);
    try {
      const ack = await this.api.workspace.applyUpdate(this.opened.handle, update);
      this.confirmedVector = vector;
      this.sending = false;
      if (this.queue.length > 0) void this.flush();
      else this.setState({ kind: 'saved', at: ack.savedAt });
    } catch (error) {
      this.sending = false;
      // Keep the changes and try again: Yjs updates are idempotent.
      this.queue = [...batch, ...this.queue];
      this.setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.flush(), retryMilliseconds);
    }
  }

  /** Waits until everything queued is stored (or failed). */
  async settle(): Promise<void> {
    clearTimeout(this.sendTimer);
    this.sendTimer = undefined;
    void this.flush();
    while ((this.sending || this.queue.length > 0) && this.saveState.kind !== 'error') {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops listening; the host keeps the file open until {@link ZeroDraftApi.workspace.close}. */
  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.sendTimer);
    this.unsubscribe();
    this.doc.off('update', this.onLocalUpdate);
    this.doc.destroy();
  }
}
