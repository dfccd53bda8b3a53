import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { SyncConnectRequest, SyncState, ZeroDraftApi } from '../../shared/api/contract';
import type { WorkspaceReplica } from './workspaceReplica';

/** Someone else in the shared workspace. */
export interface OnlinePerson {
  clientId: number;
  name: string;
  colour: string;
}

/** Origin of awareness changes that came from the host (never sent back). */
const hostOrigin = 'zerodraft:host';
/** The cursor is sent at most this often while the user types or moves. */
const presenceDelayMilliseconds = 60;
/** States in which this user's cursor is shown to the others. */
const sharedStatuses: ReadonlySet<SyncState['status']> = new Set(['connecting', 'synced', 'read-only']);

/**
 * The renderer's side of sync for one open workspace. The network is the host's business; this
 * keeps the status the host reports, and a y-protocols Awareness mirrored from the host's: the
 * others' states arrive as awareness updates, this user's cursor (written by y-prosemirror's
 * cursor plugin) goes back the same way. While the workspace is not shared the local state is
 * null, so the cursor plugin publishes nothing and typing costs nothing extra.
 */
export class SyncSession {
  readonly awareness: Awareness;
  /** The handle of the workspace this session follows. */
  readonly handle: string;
  private readonly api: ZeroDraftApi;
  private current: SyncState | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribes: (() => void)[] = [];
  private presenceTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(api: ZeroDraftApi, replica: WorkspaceReplica) {
    this.api = api;
    this.handle = replica.opened.handle;
    this.awareness = new Awareness(replica.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.awareness.on('change', this.emit);
    this.unsubscribes.push(
      api.sync.onDidChangeStatus((state) => { if (state.handle === this.handle) this.setState(state); }),
      api.sync.onDidChangePresence((event) => { if (event.handle === this.handle) this.applyPresence(event.update); }),
    );
    void api.sync.status(this.handle).then((state) => { if (this.current === null) this.setState(state); }, () => undefined);
    void api.sync.presence(this.handle).then((update) => this.applyPresence(update), () => undefined);
  }

  /** The last state the host reported, or null before its first answer. */
  get state(): SyncState | null {
    return this.current;
  }

  /** Whether the server gave this workspace read-only access. */
  get readOnly(): boolean {
    return this.current?.status === 'read-only';
  }

  /** The other people in the workspace, by name. */
  people(): OnlinePerson[] {
    const people: OnlinePerson[] = [];
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
      if (typeof user?.name !== 'string') return;
      people.push({ clientId, name: user.name, colour: typeof user.color === 'string' ? user.color : '#888888' });
    });
    return people.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Listens to status and presence changes; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects the workspace (the host stores the settings and the token). */
  async connect(request: SyncConnectRequest): Promise<SyncState> {
    const state = await this.api.sync.connect(this.handle, request);
    this.setState(state);
    return state;
  }

  /** Disconnects the workspace; it stays local until connected again. */
  async disconnect(): Promise<SyncState> {
    const state = await this.api.sync.disconnect(this.handle);
    this.setState(state);
    return state;
  }

  private setState(state: SyncState): void {
    if (this.destroyed) return;
    this.current = state;
    const shared = sharedStatuses.has(state.status);
    if (shared && this.awareness.getLocalState() === null) this.awareness.setLocalState({});
    if (!shared && this.awareness.getLocalState() !== null) this.awareness.setLocalState(null);
    this.emit();
  }

  private applyPresence(update: Uint8Array): void {
    if (!this.destroyed) applyAwarenessUpdate(this.awareness, update, hostOrigin);
  }

  private readonly emit = (): void => {
    for (const listener of this.listeners) listener();
  };

  private readonly onAwarenessUpdate = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === hostOrigin || this.destroyed) return;
    const own = this.awareness.clientID;
    if (![...changes.added, ...changes.updated, ...changes.removed].includes(own)) return;
    if (this.presenceTimer !== undefined) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = undefined;
      if (this.destroyed) return;
      void this.api.sync.setPresence(this.handle, encodeAwarenessUpdate(this.awareness, [own])).catch(() => undefined);
    }, presenceDelayMilliseconds);
  };

  /** Stops listening and drops the mirrored states (the host keeps the connection). */
  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.presenceTimer);
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.off('change', this.emit);
    this.listeners.clear();
    this.awareness.destroy();
  }
}
