import type { Coverage } from '../domain/coverage';
import type { InputPassage, InputSource, PassageDraft, PassageWithSource, SearchFilters, SearchHit, SourceDraft } from '../domain/inputs';

export type { PassageWithSource, SourceDraft };

/**
 * The service contract between the renderer and the Node side. Electron's main process
 * implements it over IPC, the browser host over a WebSocket; the renderer sees the same
 * {@link ZeroDraftApi} either way. Channels are named `app:<service>.<method>`.
 */

/** A workspace the renderer has opened; `handle` identifies this client's attachment. */
export interface OpenedWorkspace {
  /** Unique per client attachment; pass it back to every call about this workspace. */
  handle: string;
  /** Absolute path of the workspace file. */
  path: string;
  /** Display name (file name without extension). */
  name: string;
  /** The whole Yjs state of the negotiation, to apply to the renderer's replica. */
  state: Uint8Array;
  /** Schema version of the file. */
  schemaVersion: number;
}

/** Acknowledgement that an update is durably stored in the workspace file. */
export interface SaveAck {
  /** Number of updates the file's log holds after this one. */
  storedUpdates: number;
  /** ISO time of the save. */
  savedAt: string;
}

/** An update that reached the authoritative replica from another source (another window, sync). */
export interface WorkspaceUpdateEvent {
  handle: string;
  update: Uint8Array;
}

/** One entry of the Recent list. */
export interface RecentWorkspace {
  path: string;
  name: string;
  /** ISO time it was last opened. */
  openedAt: string;
  /** Whether the file still exists. */
  exists: boolean;
}

/** The UI languages the app speaks. */
export type UiLanguage = 'en' | 'zh';

/** User preferences kept by the host, outside any workspace. */
export interface Preferences {
  language: UiLanguage;
}

/** What the renderer needs to know about the host it runs in. */
export interface HostInfo {
  kind: 'electron' | 'browser';
  /** Whether {@link AppService.pickWorkspacePath} can show a native file dialog. */
  canPickFiles: boolean;
  /** Folder proposed for new workspaces. */
  defaultDirectory: string;
  /** App version. */
  version: string;
}

/** Commands the native menu (or the host) asks the renderer to run. */
export type MenuCommand =
  | 'new-workspace'
  | 'open-workspace'
  | 'close-workspace'
  | 'open-sample'
  | 'join-workspace'
  | 'share'
  | 'export'
  | 'go-to-start'
  | 'go-to-end'
  | 'toggle-outline'
  | 'language-en'
  | 'language-zh'
  | 'about'
  | { openPath: string };

/** Opening, creating and editing workspace files. */
export interface WorkspaceService {
  /** Creates a workspace file (failing if it exists) and opens it; `sample` seeds the built-in negotiation. */
  create(path: string, options: { sample: boolean }): Promise<OpenedWorkspace>;
  /** Opens an existing workspace file. */
  open(path: string): Promise<OpenedWorkspace>;
  /**
   * Joins a shared negotiation: creates an empty workspace file at `path`, connects it to the
   * sync server and opens it once the whole negotiation has arrived (`unauthorized` for a refused
   * token, `io` when the server cannot be reached; nothing is left behind).
   */
  join(path: string, request: SyncConnectRequest): Promise<OpenedWorkspace>;
  /** Detaches this client; the file is closed when no client holds it. */
  close(handle: string): Promise<void>;
  /** Applies a Yjs update made by this client; resolves once it is durably stored. */
  applyUpdate(handle: string, update: Uint8Array): Promise<SaveAck>;
  /** Updates from other sources for a workspace this client holds. */
  onDidUpdate(listener: (event: WorkspaceUpdateEvent) => void): () => void;
}

/** What an importer proposes for a file or pasted text, to adjust before saving. */
export interface ImportPreview {
  title: string;
  language: string;
  fileName: string | null;
  format: 'txt' | 'md' | 'html' | 'docx' | 'pdf' | 'text';
  passages: PassageDraft[];
  /** An identical source already in the library, if any. */
  duplicateOf: InputSource | null;
}

/** Progress of an import of one client. */
export interface ImportProgressEvent {
  handle: string;
  fraction: number;
  stage: string;
}

/** Sources that entered or left the library of an open workspace. */
export interface LibraryChangeEvent {
  handle: string;
  addedSourceIds: string[];
  removedSourceIds: string[];
}

/** The inputs library of an open workspace: import, search, suggestions, coverage. */
export interface InputsService {
  /** Reads a file (path on this machine) or pasted text and proposes passages; saves nothing. */
  previewImport(handle: string, request: { path?: string; text?: string; fileName?: string }): Promise<ImportPreview>;
  /** Stops this client's import under way, if any (its preview then fails with `cancelled`). */
  cancelImport(handle: string): Promise<void>;
  /** Saves a source and its passages (after the user adjusted the preview). */
  saveImport(handle: string, source: SourceDraft, passages: PassageDraft[]): Promise<InputSource>;
  sources(handle: string): Promise<InputSource[]>;
  passages(handle: string, sourceId: string): Promise<InputPassage[]>;
  passagesByIds(handle: string, passageIds: string[]): Promise<PassageWithSource[]>;
  search(handle: string, query: string, filters: SearchFilters): Promise<SearchHit[]>;
  /** Passages similar to a paragraph's text, best first, leaving out those given. */
  suggest(handle: string, text: string, excludePassageIds: string[]): Promise<SearchHit[]>;
  coverage(handle: string): Promise<Coverage>;
  removeSource(handle: string, sourceId: string): Promise<void>;
  onDidImportProgress(listener: (event: ImportProgressEvent) => void): () => void;
  /** Sources entered or left the library (saved here, in another window, or arriving by sync). */
  onDidChangeLibrary(listener: (event: LibraryChangeEvent) => void): () => void;
}

/** Where the sync of a workspace stands, as the connection indicator shows it. */
export type SyncStatus = 'offline' | 'connecting' | 'synced' | 'error' | 'read-only';

/** Why the sync server refused or dropped the connection, told to the user in words. */
export type SyncErrorReason =
  | 'token-unknown' | 'token-expired' | 'token-revoked' | 'token-wrong-room' | 'token-missing' | 'permission-denied' | 'unreachable';

/** How to reach a shared negotiation; kept in the workspace file's settings. */
export interface SyncSettings {
  /** The sync server, `ws://` or `wss://`. */
  url: string;
  /** The room (one shared negotiation) on that server. */
  room: string;
  /** The name others see next to this user's cursor. */
  name: string;
  /** This user's colour, `#rrggbb`, chosen once per workspace. */
  colour: string;
}

/** What a client asks when it connects a workspace to a sync server. */
export interface SyncConnectRequest {
  url: string;
  room: string;
  /** The invite token; empty to reuse the one stored for this workspace. */
  token: string;
  name: string;
}

/** The sync state of one workspace, for one client's handle. */
export interface SyncState {
  handle: string;
  status: SyncStatus;
  /** Set when the status is `error` (or a refusal closed the connection). */
  reason: SyncErrorReason | null;
  /** The server's or the network's own words, for details. */
  detail: string | null;
  /** The stored settings, or null when this workspace was never shared. */
  settings: SyncSettings | null;
  /** Whether an invite token is stored for this workspace. */
  hasToken: boolean;
  /** Where the token is kept: the OS keychain (encrypted) or the workspace file in plain text. */
  tokenStorage: 'keychain' | 'workspace';
}

/** Presence of the other people in a shared workspace, as a y-protocols awareness update. */
export interface PresenceEvent {
  handle: string;
  /** `encodeAwarenessUpdate` of the remote users whose state changed (a null state: gone). */
  update: Uint8Array;
}

/** Sharing a workspace through a sync server: connection, status and presence. */
export interface SyncService {
  /** Stores the settings (the token in the keychain where there is one) and connects. */
  connect(handle: string, request: SyncConnectRequest): Promise<SyncState>;
  /** Disconnects; the settings stay, the workspace stops reconnecting on open. */
  disconnect(handle: string): Promise<SyncState>;
  status(handle: string): Promise<SyncState>;
  /** Every remote user's presence at once (for a client that starts listening). */
  presence(handle: string): Promise<Uint8Array>;
  /** This client's own awareness state (cursor), as an awareness update of one client. */
  setPresence(handle: string, update: Uint8Array): Promise<void>;
  onDidChangeStatus(listener: (event: SyncState) => void): () => void;
  onDidChangePresence(listener: (event: PresenceEvent) => void): () => void;
}

/** The host application: recent files, preferences, dialogs, menu. */
export interface AppService {
  hostInfo(): Promise<HostInfo>;
  recentWorkspaces(): Promise<RecentWorkspace[]>;
  /** The workspace to open at start: the last one, or the sample (created on first start). */
  startupWorkspace(): Promise<string>;
  /** Path of the built-in sample workspace, created if missing. */
  sampleWorkspace(): Promise<string>;
  preferences(): Promise<Preferences>;
  setPreferences(preferences: Partial<Preferences>): Promise<Preferences>;
  /** Native dialog for a path (a workspace to open or create, an input to import); null when cancelled or when the host has no dialogs. */
  pickWorkspacePath(mode: 'open' | 'create' | 'import' | 'export'): Promise<string | null>;
  /** Commands from the native menu. */
  onDidRequestCommand(listener: (command: MenuCommand) => void): () => void;
}

/** What is exported and how (see the export engine in electron/services/export). */
export type ExportKind = 'clean' | 'compilation' | 'comparison' | 'proposals' | 'akn';
/** The file format of an export. */
export type ExportFileFormat = 'docx' | 'pdf' | 'csv' | 'xml';

/** The formats each kind of export can be written in (the first is the usual one). */
export const exportKindFormats: Readonly<Record<ExportKind, readonly ExportFileFormat[]>> = {
  clean: ['docx', 'pdf'],
  compilation: ['docx', 'pdf'],
  comparison: ['docx', 'pdf'],
  proposals: ['docx', 'csv'],
  akn: ['xml'],
};

/** An export asked for from the Export dialog. */
export interface ExportServiceRequest {
  kind: ExportKind;
  format: ExportFileFormat;
  /** A revision's name or id; null: the current text. */
  revision: string | null;
  /** For a comparison: the earlier revision's name or id. */
  against: string | null;
  /** Absolute path of the file to write (replaced if it exists). */
  outPath: string;
}

/** What an export wrote. */
export interface ExportOutcome {
  path: string;
  bytes: number;
}

/** Progress of one client's export. */
export interface ExportProgressEvent {
  handle: string;
  fraction: number;
}

/** Exported documents of an open workspace: written off the UI thread, never changing the workspace. */
export interface ExportsService {
  /** Writes the document; fails with `cancelled` when {@link cancel} stopped it (nothing written). */
  run(handle: string, request: ExportServiceRequest): Promise<ExportOutcome>;
  /** Stops this client's export under way, if any. */
  cancel(handle: string): Promise<void>;
  onDidExportProgress(listener: (event: ExportProgressEvent) => void): () => void;
}

/** Everything the renderer can ask of the host. */
export interface ZeroDraftApi {
  workspace: WorkspaceService;
  inputs: InputsService;
  app: AppService;
  sync: SyncService;
  exports: ExportsService;
}

/** The services of the contract. */
export type ServiceName = keyof ZeroDraftApi;

/** Request/response methods of each service (events excluded); checked against the interfaces below. */
export const serviceMethods = {
  workspace: ['create', 'open', 'join', 'close', 'applyUpdate'],
  inputs: ['previewImport', 'cancelImport', 'saveImport', 'sources', 'passages', 'passagesByIds', 'search', 'suggest', 'coverage', 'removeSource'],
  app: [
    'hostInfo', 'recentWorkspaces', 'startupWorkspace', 'sampleWorkspace', 'preferences',
    'setPreferences', 'pickWorkspacePath',
  ],
  sync: ['connect', 'disconnect', 'status', 'presence', 'setPresence'],
  exports: ['run', 'cancel'],
} as const satisfies { [S in ServiceName]: readonly MethodName<ZeroDraftApi[S]>[] };

/** Event subscriptions of each service. */
export const serviceEvents = {
  workspace: ['onDidUpdate'],
  inputs: ['onDidImportProgress', 'onDidChangeLibrary'],
  app: ['onDidRequestCommand'],
  sync: ['onDidChangeStatus', 'onDidChangePresence'],
  exports: ['onDidExportProgress'],
} as const satisfies { [S in ServiceName]: readonly EventName<ZeroDraftApi[S]>[] };

/** Names of a service's members that are events (`onDidX`). */
export type EventName<T> = { [K in keyof T]: K extends `onDid${string}` ? K : never }[keyof T] & string;
/** Names of a service's members that are request/response methods. */
export type MethodName<T> = Exclude<keyof T & string, EventName<T>>;

// Compile-time proof that the lists above name every method and event of the interfaces.
type Missing<All extends string, Listed extends string> = Exclude<All, Listed>;
type AssertNever<T extends never> = T;
export type ContractIsComplete = [
  AssertNever<Missing<MethodName<WorkspaceService>, (typeof serviceMethods.workspace)[number]>>,
  AssertNever<Missing<MethodName<AppService>, (typeof serviceMethods.app)[number]>>,
  AssertNever<Missing<MethodName<InputsService>, (typeof serviceMethods.inputs)[number]>>,
  AssertNever<Missing<EventName<InputsService>, (typeof serviceEvents.inputs)[number]>>,
  AssertNever<Missing<EventName<WorkspaceService>, (typeof serviceEvents.workspace)[number]>>,
  AssertNever<Missing<EventName<AppService>, (typeof serviceEvents.app)[number]>>,
  AssertNever<Missing<MethodName<SyncService>, (typeof serviceMethods.sync)[number]>>,
  AssertNever<Missing<EventName<SyncService>, (typeof serviceEvents.sync)[number]>>,
  AssertNever<Missing<MethodName<ExportsService>, (typeof serviceMethods.exports)[number]>>,
  AssertNever<Missing<EventName<ExportsService>, (typeof serviceEvents.exports)[number]>>,
];

/** The channel of a method or event: `app:<service>.<member>`. */
export function channelName(service: ServiceName, member: string): string {
  return `app:${service}.${member}`;
}

/** What a host sends back for every call: errors travel as data so their code survives the bridge. */
export type CallResult =
  | { ok: true; value: unknown }
  | { ok: false; error: import('./errors').SerializedError };

/** The raw bridge the Electron preload exposes to the renderer as `window.zeroDraftBridge`. */
export interface RawBridge {
  invoke(channel: string, args: unknown[]): Promise<CallResult>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}
