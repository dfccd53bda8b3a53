/** One numbered schema change; schema changes only add. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The workspace file's migrations, applied in order and recorded in `schema_migrations`.
 * `PRAGMA user_version` mirrors the highest applied version so a file can be checked before
 * any table is read.
 */
export const workspaceMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'update log and settings',
    sql: `
      CREATE TABLE doc_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        update_data BLOB NOT NULL,
        is_compacted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];

/** The schema version this build writes and reads. */
export const latestSchemaVersion = workspaceMigrations[workspaceMigrations.length - 1]!.version;
