import { existsSync, rmSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { validateCall, parseChannel } from '../../shared/api/argumentValidation';
import {
  channelName, type AppService, type CallResult, type HostInfo, type MenuCommand, type OpenedWorkspace,
  type ExportsService, type InputsService, type SyncConnectRequest, type SyncService, type WorkspaceService,
} from '../../shared/api/contract';
import { ZeroDraftError, serializeError } from '../../shared/api/errors';
import { AppState } from './appState';
import type { InputsLibrary } from './inputsLibrary';
import { followLibrary, type FollowedLibrary, type LibraryChange } from './libraryFollower';
import { inputsService } from './inputsService';
import { exportsService } from './exportService';
import { createSampleWorkspace, createWorkspace } from './sampleWorkspace';
import { connectWorkspace, createJoiningWorkspace } from './syncClient';
import { syncService, WorkspaceSyncs, type SyncConnector } from './syncService';
import type { SecretStore } from './syncSettings';
import { WorkspaceDocument } from './workspaceDocument';
import { workspaceExtension } from './workspaceFile';

/** How the services reach one connected renderer. */
export interface ClientPort {
  /** Delivers an event to the renderer on a channel `app:<service>.<event>`. */
  send(channel: string, payload: unknown): void;
  /** Shows a native file dialog; absent where the host has none (browser host). */
  pickWorkspacePath?(mode: 'open' | 'create' | 'import' | 'export'): Promise<string | null>;
}

/** Settings of the Node-side services. */
export interface ServiceCoreOptions {
  /** Folder for the app's own state (Recent list, preferences) and the sample workspace. */
  dataDirectory: string;
  hostKind: HostInfo['kind'];
  version: string;
  /** The OS keychain, for sync tokens (Electron's safeStorage); without it tokens stay in the workspace file. */
  secrets?: SecretStore;
  /** How workspaces reach a sync server (tests may replace it). */
  syncConnector?: SyncConnector;
}

interface Attachment { handle: string; client: ClientSession; document: WorkspaceDocument; path: string }

/**
 * The Node side of the app, shared by every host (Electron main, browser host, tests): it holds
 * the authoritative replica of each open workspace and serves any number of connected clients.
 */
export class ServiceCore {
  readonly options: ServiceCoreOptions;
  readonly appState: AppState;
  /** The sync of every open workspace. */
  readonly syncs: WorkspaceSyncs;
  private readonly documents = new Map<string, WorkspaceDocument>();
  private readonly attachments = new Map<string, Attachment>();
  private nextHandle = 1;

  constructor(options: ServiceCoreOptions) {
    this.options = options;
    this.appState = new AppState(options.dataDirectory);
    this.syncs = new WorkspaceSyncs({
      secrets: options.secrets,
      connector: options.syncConnector ?? connectWorkspace,
      notify: (document, channel, payloadFor) => {
        for (const attachment of this.attachments.values()) {
          if (attachment.document === document) attachment.client.port.send(channel, payloadFor(attachment.handle));
        }
      },
    });
  }

  /** Connects a renderer; the returned session answers its calls. */
  connect(port: ClientPort): ClientSession {
    return new ClientSession(this, port);
  }

  private readonly libraries = new WeakMap<WorkspaceDocument, FollowedLibrary>();

  /** The inputs library of a workspace: shared in its Y.Doc, indexed in its file, the index following the Y.Doc. */
  libraryOf(document: WorkspaceDocument): InputsLibrary {
    let followed = this.libraries.get(document);
    if (followed === undefined) {
      followed = followLibrary(document);
      followed.onDidChange((change) => this.announceLibraryChange(document, change));
      this.libraries.set(document, followed);
    }
    return followed.library;
  }

  /** Tells every client of a workspace that sources entered or left its library. */
  private announceLibraryChange(document: WorkspaceDocument, change: LibraryChange): void {
    for (const attachment of this.attachments.values()) {
      if (attachment.document !== document) continue;
      attachment.client.port.send(channelName('inputs', 'onDidChangeLibrary'), {
        handle: attachment.handle, addedSourceIds: change.addedSourceIds, removedSourceIds: change.removedSourceIds,
      });
    }
  }

  /** Makes the library's index follow the Y.Doc once the replica is built (so sources arriving by sync are indexed). */
  private followLibraryLater(path: string, document: WorkspaceDocument): void {
    setImmediate(() => {
      if (this.documents.get(path) !== document) return;
      try {
        this.libraryOf(document);
      } catch {
        // An unreadable workspace: its calls report why.
      }
    });
  }

  /** @internal Opens (or reuses) the authoritative replica and attaches a client to it. */
  attach(client: ClientSession, path: string, create: { sample: boolean } | null): OpenedWorkspace {
    const absolute = resolve(path);
    let document = this.documents.get(absolute);
    if (create !== null) {
      if (document !== undefined || existsSync(absolute)) throw new ZeroDraftError('already-exists', `A file named ${absolute} already exists; choose another name.`, absolute);
      document = createWorkspace(absolute, create.sample);
    } else if (document === undefined) {
      // The client gets the stored state at once; the host applies it to its own replica next.
      document = WorkspaceDocument.open(absolute, { deferLoad: true });
      document.loadInBackground();
      this.resumeSyncLater(absolute, document);
    }
    if (!this.documents.has(absolute)) this.watchDocument(absolute, document);
    return this.attachClient(client, absolute, document);
  }

  /** Gives a client a handle on an open workspace, with the state its replica starts from. */
  private attachClient(client: ClientSession, path: string, document: WorkspaceDocument): OpenedWorkspace {
    const handle = `w${this.nextHandle++}`;
    this.attachments.set(handle, { handle, client, document, path });
    this.appState.noteOpened(path);
    return { handle, path, name: document.name, state: document.encodeState(), schemaVersion: document.file.schemaVersion };
  }

  /**
   * Joins a shared negotiation on a new machine: creates an empty (unseeded) workspace file,
   * connects it to the sync server and attaches the client once the whole negotiation has
   * arrived. On a refusal or a timeout the file is removed and nothing is left behind.
   */
  async join(client: ClientSession, path: string, request: SyncConnectRequest, timeoutMilliseconds = 30_000): Promise<OpenedWorkspace> {
    const absolute = resolve(path);
    if (this.documents.has(absolute) || existsSync(absolute)) throw new ZeroDraftError('already-exists', `A file named ${absolute} already exists; choose another name.`, absolute);
    const document = createJoiningWorkspace(absolute);
    try {
      this.syncs.connect(document, request);
      await this.syncs.whenSettled(document, timeoutMilliseconds);
    } catch (error) {
      this.syncs.release(document);
      document.close();
      rmSync(absolute, { force: true });
      throw error;
    }
    this.watchDocument(absolute, document);
    return this.attachClient(client, absolute, document);
  }

  /** Reconnects a workspace left shared, once the client has its state and the replica is built. */
  private resumeSyncLater(path: string, document: WorkspaceDocument): void {
    setImmediate(() => {
      if (this.documents.get(path) !== document) return;
      try {
        this.syncs.resume(document);
      } catch (error) {
        console.error('Zero Draft: could not reconnect', path, error);
      }
    });
  }

  private watchDocument(path: string, document: WorkspaceDocument): void {
    this.documents.set(path, document);
    // The authoritative replica repairs what concurrent edits did to proposals (proposalIntegrity.ts).
    document.watchIntegrity();
    this.followLibraryLater(path, document);
    document.onUpdate((update, origin) => {
      for (const attachment of this.attachments.values()) {
        if (attachment.document === document && attachment.handle !== origin) {
          attachment.client.port.send(channelName('workspace', 'onDidUpdate'), { handle: attachment.handle, update });
        }
      }
    });
  }

  /** @internal The attachment behind a handle, checked to belong to the calling client. */
  attachment(client: ClientSession, handle: string): Attachment {
    const attachment = this.attachments.get(handle);
    if (attachment === undefined || attachment.client !== client) throw new ZeroDraftError('not-open', 'This workspace is not open in this window.');
    return attachment;
  }

  /** @internal Detaches a handle; closes the file when no client holds it any more. */
  detach(handle: string, userClosed: boolean): void {
    const attachment = this.attachments.get(handle);
    if (attachment === undefined) return;
    this.attachments.delete(handle);
    if (userClosed) this.appState.noteClosed(attachment.path);
    const stillHeld = [...this.attachments.values()].some((other) => other.document === attachment.document);
    if (!stillHeld) {
      this.documents.delete(attachment.path);
      this.syncs.release(attachment.document);
      attachment.document.close();
    }
  }

  /** @internal Every handle a client holds. */
  handlesOf(client: ClientSession): string[] {
    return [...this.attachments.values()].filter((attachment) => attachment.client === client).map((attachment) => attachment.handle);
  }

  /** The sample workspace's path, creating it on first use. */
  ensureSample(): string {
    const path = this.appState.samplePath;
    if (!existsSync(path) && !this.documents.has(path)) createSampleWorkspace(path).close();
    return path;
  }

  /** Closes every open workspace (at quit). */
  closeAll(): void {
    for (const handle of [...this.attachments.keys()]) this.detach(handle, false);
  }
}

function checkedPath(path: string): string {
  if (!isAbsolute(path)) throw new ZeroDraftError('invalid-argument', `The path must be absolute: ${path}`);
  return path;
}

/** One connected renderer: implements the contract for it and forwards events to it. */
export class ClientSession {
  readonly port: ClientPort;
  private readonly core: ServiceCore;
  private readonly commandListeners = new Set<(command: MenuCommand) => void>();
  private readonly services: { workspace: WorkspaceService; inputs: InputsService; app: AppService; sync: SyncService; exports: ExportsService };

  constructor(core: ServiceCore, port: ClientPort) {
    this.core = core;
    this.port = port;
    this.services = {
      workspace: this.workspaceService(),
      inputs: inputsService({
        documentOf: (handle) => core.attachment(this, handle).document,
        libraryOf: (handle) => core.libraryOf(core.attachment(this, handle).document),
        send: (channel, payload) => port.send(channel, payload),
      }),
      app: this.appService(),
      sync: syncService({ documentOf: (handle) => core.attachment(this, handle).document, syncs: core.syncs }),
      exports: exportsService({
        documentOf: (handle) => core.attachment(this, handle).document,
        send: (channel, payload) => port.send(channel, payload),
      }),
    };
  }

  /** Answers a call on a channel; validates it; never throws (errors travel as data). */
  async call(channel: unknown, args: unknown): Promise<CallResult> {
    try {
      const parsed = parseChannel(channel);
      if (parsed === null) throw new ZeroDraftError('invalid-argument', 'Unknown channel.');
      const call = validateCall(parsed.service, parsed.method, args);
      const service = this.services[call.service] as unknown as Record<string, (...callArgs: unknown[]) => Promise<unknown>>;
      const value = await service[call.method]!(...call.args);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: serializeError(error) };
    }
  }

  /** Asks the renderer to run a menu command. */
  requestCommand(command: MenuCommand): void {
    this.port.send(channelName('app', 'onDidRequestCommand'), command);
    for (const listener of this.commandListeners) listener(command);
  }

  /** Detaches every workspace this client holds (window closed, socket dropped). */
  dispose(): void {
    for (const handle of this.core.handlesOf(this)) this.core.detach(handle, false);
  }

  private workspaceService(): WorkspaceService {
    return {
      create: async (path, options) => this.core.attach(this, withExtension(checkedPath(path)), options),
      open: async (path) => this.core.attach(this, checkedPath(path), null),
      join: async (path, request) => this.core.join(this, withExtension(checkedPath(path)), request),
      close: async (handle) => { this.core.attachment(this, handle); this.core.detach(handle, true); },
      applyUpdate: async (handle, update) => this.core.attachment(this, handle).document.applyUpdate(update, handle),
      onDidUpdate: () => () => undefined,
    };
  }

  private appService(): AppService {
    const core = this.core;
    return {
      hostInfo: async () => ({
        kind: core.options.hostKind, canPickFiles: this.port.pickWorkspacePath !== undefined,
        defaultDirectory: core.appState.dataDirectory, version: core.options.version,
      }),
      recentWorkspaces: async () => core.appState.recent(),
      startupWorkspace: async () => core.appState.lastWorkspace() ?? core.ensureSample(),
      sampleWorkspace: async () => core.ensureSample(),
      preferences: async () => core.appState.preferences(),
      setPreferences: async (preferences) => core.appState.setPreferences(preferences),
      pickWorkspacePath: async (mode) => (this.port.pickWorkspacePath ? this.port.pickWorkspacePath(mode) : null),
      onDidRequestCommand: (listener) => { this.commandListeners.add(listener); return () => this.commandListeners.delete(listener); },
    };
  }
}

/** Adds the workspace extension when a new file's name has none. */
export function withExtension(path: string): string {
  return /\.[a-z0-9]+$/i.test(path) ? path : `${path}${workspaceExtension}`;
}
