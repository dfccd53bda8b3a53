// The sync server's own database (SQLite, in its data folder): negotiation rooms, invite
// tokens (only their SHA-256 hashes) and each room's Yjs update log. Several server processes on
// one machine may share it (WAL, busy timeout): the Redis scale-out runs them on one data folder.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { ZeroDraftError } from '../../shared/api/errors';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';

/** What an invite token allows. */
export type TokenAccess = 'read-write' | 'read-only';

/** Why a token was refused; the client shows it to the user. */
export type TokenRefusal = 'token-unknown' | 'token-expired' | 'token-revoked' | 'token-wrong-room';

/** An invite token as listed (never the token itself: the server only has its hash). */
export interface TokenRecord {
  /** Public id, to name the token in `revoke-token`. */
  id: string;
  room: string;
  person: string;
  access: TokenAccess;
  createdAt: string;
  /** ISO time after which the token is refused, or null for never. */
  expiresAt: string | null;
  revokedAt: string | null;
}

/** The outcome of checking a token for a room. */
export type TokenCheck = { accepted: true; token: TokenRecord } | { accepted: false; reason: TokenRefusal };

/** The name of the database file in the server's data folder. */
export const syncDatabaseName = 'zerodraft-sync.sqlite';

const roomPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u;

const schema = `
CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  room TEXT NOT NULL REFERENCES rooms (name),
  person TEXT NOT NULL,
  access TEXT NOT NULL CHECK (access IN ('read-write', 'read-only')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS room_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL REFERENCES rooms (name),
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS room_updates_by_room ON room_updates (room, id);
`;

const tokenColumns = `id, room, person, access, created_at AS createdAt, expires_at AS expiresAt, revoked_at AS revokedAt`;

/** SHA-256 of a token, in hex: what the database keeps. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function invalid(message: string): ZeroDraftError {
  return new ZeroDraftError('invalid-argument', message);
}

/** The sync server's database: rooms, token hashes, update logs. */
export class SyncStore {
  readonly database: Database.Database;

  private constructor(database: Database.Database) {
    this.database = database;
  }

  /** Opens (or creates) the database in `dataDirectory`, creating the folder if needed. */
  static open(dataDirectory: string): SyncStore {
    mkdirSync(dataDirectory, { recursive: true });
    const database = new Database(join(dataDirectory, syncDatabaseName));
    try {
      database.pragma('busy_timeout = 5000');
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = FULL');
      database.pragma('foreign_keys = ON');
      database.exec(schema);
    } catch (error) {
      database.close();
      throw error;
    }
    return new SyncStore(database);
  }

  /** Creates a room (a negotiation the server keeps). Throws `already-exists` for a taken name. */
  createRoom(name: string): void {
    if (!roomPattern.test(name)) throw invalid(`"${name}" is not a room name: use letters, digits, ".", "_" or "-" (up to 100).`);
    const result = this.database.prepare('INSERT OR IGNORE INTO rooms (name, created_at) VALUES (?, ?)').run(name, new Date().toISOString());
    if (result.changes === 0) throw new ZeroDraftError('already-exists', `The room "${name}" exists already.`);
  }

  /** Whether a room exists. */
  hasRoom(name: string): boolean {
    return this.database.prepare('SELECT 1 FROM rooms WHERE name = ?').get(name) !== undefined;
  }

  /** The rooms, by name. */
  rooms(): string[] {
    return (this.database.prepare('SELECT name FROM rooms ORDER BY name').all() as { name: string }[]).map((row) => row.name);
  }

  /**
   * Issues a token for one person in one room. Returns the raw token (to hand over once; only
   * its hash is stored) and its record.
   */
  issueToken(room: string, person: string, access: TokenAccess, expiresAt: Date | null): { token: string; record: TokenRecord } {
    if (!this.hasRoom(room)) throw new ZeroDraftError('not-found', `There is no room "${room}". Create it first (create-room).`);
    if (person.trim() === '') throw invalid('The token needs the name of the person it is for.');
    if (access !== 'read-write' && access !== 'read-only') throw invalid(`The access must be read-write or read-only, not "${String(access)}".`);
    const id = randomBytes(6).toString('hex');
    const token = `zd1.${randomBytes(32).toString('base64url')}`;
    this.database.prepare(`INSERT INTO tokens (id, room, person, access, token_hash, created_at, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, room, person.trim(), access, tokenHash(token), new Date().toISOString(), expiresAt?.toISOString() ?? null);
    return { token, record: this.tokenRecord(id)! };
  }

  /** Revokes a token by its public id; returns false when there is no such token. */
  revokeToken(id: string): boolean {
    const result = this.database.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), id);
    return result.changes > 0 || this.tokenRecord(id) !== null;
  }

  /** One token's record, or null. */
  tokenRecord(id: string): TokenRecord | null {
    return (this.database.prepare(`SELECT ${tokenColumns} FROM tokens WHERE id = ?`).get(id) as TokenRecord | undefined) ?? null;
  }

  /** The tokens (of one room, or all), oldest first. */
  tokens(room?: string): TokenRecord[] {
    const sql = `SELECT ${tokenColumns} FROM tokens ${room === undefined ? '' : 'WHERE room = ?'} ORDER BY created_at, id`;
    return this.database.prepare(sql).all(...(room === undefined ? [] : [room])) as TokenRecord[];
  }

  /** Why a token (by id) is no longer valid at `now` (revoked, expired, deleted), or null while it is. */
  tokenStanding(id: string, now = new Date()): TokenRefusal | null {
    const record = this.tokenRecord(id);
    if (record === null) return 'token-unknown';
    if (record.revokedAt !== null) return 'token-revoked';
    if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now.getTime()) return 'token-expired';
    return null;
  }

  /** Checks a raw token for a room at `now`. */
  checkToken(room: string, token: string, now = new Date()): TokenCheck {
    const record = this.database.prepare(`SELECT ${tokenColumns} FROM tokens WHERE token_hash = ?`).get(tokenHash(token)) as TokenRecord | undefined;
    if (record === undefined) return { accepted: false, reason: 'token-unknown' };
    if (record.revokedAt !== null) return { accepted: false, reason: 'token-revoked' };
    if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now.getTime()) return { accepted: false, reason: 'token-expired' };
    if (record.room !== room) return { accepted: false, reason: 'token-wrong-room' };
    return { accepted: true, token: record };
  }

  /** Appends one Yjs update to a room's log (durable before it returns: WAL + synchronous=FULL). */
  appendUpdate(room: string, update: Uint8Array): void {
    this.database.prepare('INSERT INTO room_updates (room, data) VALUES (?, ?)').run(room, update);
  }

  /** How many updates a room's log holds. */
  updateCount(room: string): number {
    return (this.database.prepare('SELECT count(*) AS count FROM room_updates WHERE room = ?').get(room) as { count: number }).count;
  }

  /** A room's whole stored state as one update, or null when nothing is stored. */
  roomState(room: string): Uint8Array | null {
    const rows = this.database.prepare('SELECT data FROM room_updates WHERE room = ? ORDER BY id').all(room) as { data: Buffer }[];
    if (rows.length === 0) return null;
    if (rows.length === 1) return new Uint8Array(rows[0]!.data);
    return mergedState(rows.map((row) => row.data));
  }

  /**
   * Replaces a room's log by one update holding its state, in one transaction. Built from the
   * stored rows only (never from memory), so a row another process appended meanwhile is kept.
   */
  compact(room: string): { before: number; bytes: number } {
    return this.database.transaction(() => {
      const rows = this.database.prepare('SELECT id, data FROM room_updates WHERE room = ? ORDER BY id').all(room) as { id: number; data: Buffer }[];
      if (rows.length <= 1) return { before: rows.length, bytes: rows[0]?.data.byteLength ?? 0 };
      const state = mergedState(rows.map((row) => row.data));
      const lastId = rows[rows.length - 1]!.id;
      this.database.prepare('DELETE FROM room_updates WHERE room = ? AND id <= ?').run(room, lastId);
      this.database.prepare('INSERT INTO room_updates (room, data) VALUES (?, ?)').run(room, state);
      return { before: rows.length, bytes: state.byteLength };
    }).immediate();
  }

  /** Closes the database. */
  close(): void {
    if (this.database.open) this.database.close();
  }
}

/** Applies updates in turn to a gc:false doc (Y.mergeUpdates is quadratic) and encodes its state. */
function mergedState(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc(negotiationDocOptions);
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
