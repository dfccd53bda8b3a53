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
  {
    version: 2,
    name: 'inputs library',
    // The search index is contentless: it holds only the normalized search form of each passage
    // (see searchText.ts), the original text stays in input_passages. `search_rowid` maps a
    // passage to its index row; it is explicit because the implicit rowid of a table with a TEXT
    // primary key may change on VACUUM. The CJK unigrams get their own column so the bigram
    // phrases of the body stay adjacent.
    sql: `
      CREATE TABLE input_sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        event_id TEXT,
        date TEXT,
        language TEXT NOT NULL,
        author TEXT,
        file_name TEXT,
        content_hash TEXT NOT NULL,
        imported_at TEXT NOT NULL
      );
      CREATE INDEX input_sources_content_hash ON input_sources (content_hash);
      CREATE INDEX input_sources_event_id ON input_sources (event_id);
      CREATE TABLE input_passages (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES input_sources (id),
        ordinal INTEGER NOT NULL,
        number TEXT,
        text TEXT NOT NULL,
        language TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        search_rowid INTEGER NOT NULL UNIQUE
      );
      CREATE UNIQUE INDEX input_passages_source_ordinal ON input_passages (source_id, ordinal);
      CREATE INDEX input_passages_content_hash ON input_passages (content_hash);
      CREATE VIRTUAL TABLE input_passage_search USING fts5 (
        body, characters,
        content = '', contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 2"
      );
      CREATE VIRTUAL TABLE input_passage_search_vocabulary USING fts5vocab (input_passage_search, row);
    `,
  },
];

/** The schema version this build writes and reads. */
export const latestSchemaVersion = workspaceMigrations[workspaceMigrations.length - 1]!.version;
