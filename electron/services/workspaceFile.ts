import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ZeroDraftError } from '../../shared/api/errors';
import { latestSchemaVersion, workspaceMigrations } from './workspaceMigrations';

/** `PRAGMA application_id` of every workspace file: 'ZDRF'. */
export const workspaceApplicationId = 0x5a445246;
/** The extension suggested for workspace files. */
export const workspaceExtension = '.zdraft';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');
let sqliteNativeBinding: string | undefined;

/**
 * Makes every workspace file load better-sqlite3's addon from this path. Electron sets it to the
 * addon built for its own ABI; Node (tests, CLI, browser host) keeps the default build.
 */
export function useSqliteNativeBinding(path: string | undefined): void {
  sqliteNativeBinding = path;
}

/** One row of the update log. */
export interface StoredUpdate {
  id: number;
  data: Uint8Array;
}

function fileError(code: ZeroDraftError['code'], path: string, problem: string): ZeroDraftError {
  return new ZeroDraftError(code, `${basename(path)}: ${problem}`, path);
}

/** Reads the 100-byte SQLite header, or null when the file is shorter. */
function readHeader(path: string): Buffer | null {
  const descriptor = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const bytesRead = readSync(descriptor, header, 0, 100, 0);
    return bytesRead === 100 ? header : null;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Checks a file before it is opened for writing, from its header alone, so a foreign or newer
 * file is rejected without SQLite touching it.
 */
export function checkWorkspaceHeader(path: string): { schemaVersion: number } {
  if (!existsSync(path)) throw fileError('not-found', path, 'the file does not exist.');
  const stat = statSync(path);
  if (!stat.isFile()) throw fileError('not-a-workspace', path, 'this is a folder, not a Zero Draft workspace.');
  const header = readHeader(path);
  if (header === null || !header.subarray(0, 16).equals(sqliteHeader)) {
    throw fileError('not-a-workspace', path, 'this file is not a Zero Draft workspace. It was not changed.');
  }
  if (header.readUInt32BE(68) !== workspaceApplicationId) {
    throw fileError('not-a-workspace', path, 'this is a database of another program, not a Zero Draft workspace. It was not changed.');
  }
  const schemaVersion = header.readUInt32BE(60);
  if (schemaVersion > latestSchemaVersion) {
    throw fileError('newer-schema', path, `this workspace was written by a newer Zero Draft (schema ${schemaVersion}; this version reads up to ${latestSchemaVersion}). Update Zero Draft to open it. It was not changed.`);
  }
  return { schemaVersion };
}

function translateSqliteError(path: string, error: unknown): ZeroDraftError {
  if (error instanceof ZeroDraftError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return fileError('locked', path, 'this workspace is open in another Zero Draft window or process. Close it there first; nothing was changed.');
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return fileError('corrupt-workspace', path, 'the workspace file is damaged (truncated or corrupted) and cannot be opened. It was not changed; restore it from a copy.');
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_FULL')) {
    return fileError('io', path, `the file cannot be written or read (${code}).`);
  }
  return fileError('internal', path, error instanceof Error ? error.message : String(error));
}

/**
 * A workspace file: one SQLite database (WAL, synchronous=FULL) holding the Yjs update log of
 * the negotiation and its settings. The connection holds an exclusive lock for as long as it is
 * open, so a second process gets a clear `locked` error; the lock dies with the process.
 */
export class WorkspaceFile {
  readonly path: string;
  private readonly database: Database.Database;
  private readonly appendStatement: Database.Statement<[Uint8Array, string]>;
  private readonly countStatement: Database.Statement<[], { count: number }>;

  private constructor(path: string, database: Database.Database) {
    this.path = path;
    this.database = database;
    this.appendStatement = database.prepare('INSERT INTO doc_updates (update_data, created_at) VALUES (?, ?)');
    this.countStatement = database.prepare('SELECT count(*) AS count FROM doc_updates');
  }

  /** Creates a new workspace file; fails with `already-exists` if the path is taken. */
  static create(path: string): WorkspaceFile {
    if (existsSync(path)) throw fileError('already-exists', path, 'a file with this name already exists.');
    let database: Database.Database | undefined;
    try {
      database = new Database(path, { timeout: 0, nativeBinding: sqliteNativeBinding });
      // Set before anything is written to the new file (even the header): lets compaction give
      // the replaced log's pages back to the file system.
      database.pragma('auto_vacuum = INCREMENTAL');
      database.pragma(`application_id = ${workspaceApplicationId}`);
      WorkspaceFile.lock(database);
      WorkspaceFile.configure(database);
      WorkspaceFile.migrate(database);
      return new WorkspaceFile(path, database);
    } catch (error) {
      database?.close();
      throw translateSqliteError(path, error);
    }
  }

  /** Opens an existing workspace file, checking it first; foreign, damaged or newer files are left untouched. */
  static open(path: string): WorkspaceFile {
    checkWorkspaceHeader(path);
    let database: Database.Database | undefined;
    try {
      database = new Database(path, { timeout: 0, fileMustExist: true, nativeBinding: sqliteNativeBinding });
      WorkspaceFile.lock(database);
      WorkspaceFile.verify(path, database);
      WorkspaceFile.configure(database);
      WorkspaceFile.migrate(database);
      return new WorkspaceFile(path, database);
    } catch (error) {
      database?.close();
      throw translateSqliteError(path, error);
    }
  }

  /** Takes and keeps the exclusive lock, before anything is written. */
  private static lock(database: Database.Database): void {
    database.pragma('locking_mode = EXCLUSIVE');
    database.exec('BEGIN EXCLUSIVE; COMMIT;');
  }

  private static verify(path: string, database: Database.Database): void {
    const check = database.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw fileError('corrupt-workspace', path, `the workspace file is damaged (${String(check)}). It was not changed; restore it from a copy.`);
    const applicationId = database.pragma('application_id', { simple: true });
    if (applicationId !== workspaceApplicationId) throw fileError('not-a-workspace', path, 'this is not a Zero Draft workspace. It was not changed.');
    const version = Number(database.pragma('user_version', { simple: true }));
    if (version > latestSchemaVersion) {
      throw fileError('newer-schema', path, `this workspace was written by a newer Zero Draft (schema ${version}). It was not changed.`);
    }
  }

  private static configure(database: Database.Database): void {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
  }

  private static migrate(database: Database.Database): void {
    database.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(database.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const migration of workspaceMigrations) {
      if (applied.has(migration.version)) continue;
      database.transaction(() => {
        database.exec(migration.sql);
        database.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
        database.pragma(`user_version = ${migration.version}`);
      })();
    }
  }

  /**
   * The open SQLite connection, for the other stores kept in the workspace file (the inputs
   * library). There can be no second connection: this one holds the exclusive lock.
   */
  get connection(): Database.Database {
    return this.database;
  }

  /** The schema version of the file. */
  get schemaVersion(): number {
    return Number(this.database.pragma('user_version', { simple: true }));
  }

  /** Appends one update to the log; when this returns, it is on disk. Returns the row's id. */
  appendUpdate(update: Uint8Array): number {
    try {
      return Number(this.appendStatement.run(update, new Date().toISOString()).lastInsertRowid);
    } catch (error) {
      throw translateSqliteError(this.path, error);
    }
  }

  /** Number of updates in the log. */
  updateCount(): number {
    return this.countStatement.get()!.count;
  }

  /** All updates in the order they were appended. */
  readUpdates(): StoredUpdate[] {
    const rows = this.database.prepare('SELECT id, update_data AS data FROM doc_updates ORDER BY id').all() as { id: number; data: Buffer }[];
    return rows.map((row) => ({ id: row.id, data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) }));
  }

  /** Id of the last update in the log, 0 when empty. */
  lastUpdateId(): number {
    return (this.database.prepare('SELECT coalesce(max(id), 0) FROM doc_updates').pluck().get() as number);
  }

  /**
   * Replaces every update up to `throughId` by `state`, which must contain all of them (a full
   * Yjs state of a gc:false document keeps deleted content, so revision snapshots stay possible).
   * One transaction: a crash leaves either the old log or the new one.
   */
  compact(state: Uint8Array, throughId: number): void {
    try {
      this.database.transaction(() => {
        this.database.prepare('DELETE FROM doc_updates WHERE id <= ?').run(throughId);
        this.database.prepare('INSERT INTO doc_updates (update_data, is_compacted, created_at) VALUES (?, 1, ?)')
          .run(state, new Date().toISOString());
      })();
      // Returns the pages of the replaced log to the file system (files made with auto_vacuum).
      this.database.pragma('incremental_vacuum');
    } catch (error) {
      throw translateSqliteError(this.path, error);
    }
  }

  /** A setting of this workspace, or undefined. */
  getSetting(key: string): string | undefined {
    return this.database.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  }

  /** Stores a setting of this workspace. */
  setSetting(key: string, value: string): void {
    this.database.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Runs SQLite's full integrity check; 'ok' when sound. */
  integrityCheck(): string {
    return String(this.database.pragma('integrity_check', { simple: true }));
  }

  /** Closes the file and releases the lock. */
  close(): void {
    if (this.database.open) this.database.close();
  }
}
