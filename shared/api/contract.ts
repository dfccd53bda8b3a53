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
  pickWorkspacePath(mode: 'open' | 'create' | 'import'): Promise<string | null>;
  /** Commands from the native menu. */
  onDidRequestCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Everything the renderer can ask of the host. */
export interface ZeroDraftApi {
  workspace: WorkspaceService;
  inputs: InputsService;
  app: AppService;
}

/** The services of the contract. */
export type ServiceName = keyof ZeroDraftApi;

/** Request/response methods of each service (events excluded); checked against the interfaces below. */
export const serviceMethods = {
  workspace: ['create', 'open', 'close', 'applyUpdate'],
  inputs: ['previewImport', 'cancelImport', 'saveImport', 'sources', 'passages', 'passagesByIds', 'search', 'suggest', 'coverage', 'removeSource'],
  app: [
    'hostInfo', 'recentWorkspaces', 'startupWorkspace', 'sampleWorkspace', 'preferences',
    'setPreferences', 'pickWorkspacePath',
  ],
} as const satisfies { [S in ServiceName]: readonly MethodName<ZeroDraftApi[S]>[] };

/** Event subscriptions of each service. */
export const serviceEvents = {
  workspace: ['onDidUpdate'],
  inputs: ['onDidImportProgress'],
  app: ['onDidRequestCommand'],
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
