// The write side of the library's local index: the rows of input_sources, input_passages and the
// FTS5 table (migration 2) for sources of the shared library (librarySharedState.ts). Every write
// is idempotent, so the same source may arrive any number of times (local save, sync, catch-up).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PassageDraft } from '../../shared/domain/inputs';
import type { SharedPassage, SharedSource } from '../../shared/domain/librarySharedState';
import { foldText, normalizeForIndex } from './searchText';

/** Origin of the Y.Doc transactions in which this replica saves or removes a source. */
export const libraryOrigin = 'zerodraft:library';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The form a passage is compared in: folded, white space collapsed. */
function comparisonForm(text: string): string {
  return foldText(text).replace(/\s+/gu, ' ').trim();
}

/** The content hash of a passage's text. */
export function passageHash(text: string): string {
  return sha256(comparisonForm(text));
}

/** The content hash of a whole source: equal for texts that differ only in case, accents, marks or spacing. */
export function sourceHash(passages: readonly PassageDraft[]): string {
  return sha256(passages.map((passage) => comparisonForm(passage.text)).join('\n'));
}

interface SourceRow {
  id: string; kind: string; title: string; eventId: string | null; date: string | null; language: string;
  author: string | null; fileName: string | null; importedAt: string;
}

/** The index rows of one workspace file, written from shared sources. */
export class LibraryIndex {
  private readonly database: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** Uses the workspace file's connection, migrated to schema 2 or later. */
  constructor(database: Database.Database) {
    this.database = database;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.database.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Whether the index holds a source with this id. */
  has(id: string): boolean {
    return this.statement('SELECT 1 FROM input_sources WHERE id = ?').pluck().get(id) !== undefined;
  }

  /** The ids of every indexed source. */
  ids(): string[] {
    return this.statement('SELECT id FROM input_sources ORDER BY id').pluck().all() as string[];
  }

  /**
   * Indexes a source and its passages (one transaction); false, changing nothing, when a source
   * with this id is indexed already. Throws (writing nothing) when a passage id is already taken.
   */
  add(source: SharedSource): boolean {
    return this.database.transaction(() => {
      if (this.has(source.id)) return false;
      this.statement(`INSERT INTO input_sources (id, kind, title, event_id, date, language, author, file_name, content_hash, imported_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(source.id, source.kind, source.title, source.eventId, source.date,
        source.language, source.author, source.fileName, sourceHash(source.passages), source.importedAt);
      for (const passage of source.passages) this.addPassage(source.id, passage, source.language);
      return true;
    })();
  }

  private addPassage(sourceId: string, passage: SharedPassage, language: string): void {
    const indexed = normalizeForIndex(passage.text);
    const searchRowid = this.statement('INSERT INTO input_passage_search (body, characters) VALUES (?, ?)')
      .run(indexed.body, indexed.characters).lastInsertRowid;
    this.statement(`INSERT INTO input_passages (id, source_id, ordinal, number, text, language, content_hash, search_rowid)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(passage.id, sourceId, passage.ordinal, passage.number, passage.text, language,
      passageHash(passage.text), searchRowid);
  }

  /** Removes a source, its passages and their search rows (one transaction); false when it was not indexed. */
  remove(id: string): boolean {
    return this.database.transaction(() => {
      if (!this.has(id)) return false;
      this.statement('DELETE FROM input_passage_search WHERE rowid IN (SELECT search_rowid FROM input_passages WHERE source_id = ?)').run(id);
      this.statement('DELETE FROM input_passages WHERE source_id = ?').run(id);
      this.statement('DELETE FROM input_sources WHERE id = ?').run(id);
      return true;
    })();
  }

  /** An indexed source as the shared library holds it (ids kept, so links to it still hold), or null. */
  record(id: string): SharedSource | null {
    const row = this.statement(`SELECT id, kind, title, event_id AS eventId, date, language, author, file_name AS fileName,
      imported_at AS importedAt FROM input_sources WHERE id = ?`).get(id) as SourceRow | undefined;
    if (row === undefined) return null;
    const passages = this.statement('SELECT id, ordinal, number, text FROM input_passages WHERE source_id = ? ORDER BY ordinal')
      .all(id) as SharedPassage[];
    return { ...row, kind: row.kind as SharedSource['kind'], passages };
  }
}
