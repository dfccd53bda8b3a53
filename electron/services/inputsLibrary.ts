// The inputs library of a workspace: sources, their passages, and full-text search over them
// (FTS5, bm25) in the six UN languages. The sources are shared state of the negotiation's Y.Doc
// (librarySharedState.ts), so they sync; the tables of the workspace file are its local index
// (libraryIndex.ts), kept in step by libraryFollower.ts. Without a Y.Doc (tests, legacy files) the
// library writes the index alone.
import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import { ZeroDraftError } from '../../shared/api/errors';
import {
  sourceKinds, type InputPassage, type InputSource, type PassageDraft, type PassageWithSource, type SearchFilters, type SearchHit, type SourceDraft,
} from '../../shared/domain/inputs';
import { newSharedSource, removeSharedSource, writeSharedSource } from '../../shared/domain/librarySharedState';
import { LibraryIndex, libraryOrigin, sourceHash } from './libraryIndex';
import { indexTerms, isStopTerm, queryToFts, snippetParts, wholeQueryPhrase } from './searchText';

const maximumPassageBytes = 1024 * 1024;
const defaultSearchLimit = 20;
const maximumSearchLimit = 200;
/** How many of a paragraph's terms a suggestion searches for. */
const suggestionTermCount = 12;
/** Added to the score of passages holding the whole query as a phrase; bm25 scores stay far below it. */
const exactPhraseBonus = 1000;
const idChunkSize = 500;
const maximumCachedStatements = 200;
const datePattern = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/u;
const languagePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/u;

const sourceColumns = `s.id, s.kind, s.title, s.event_id AS eventId, s.date, s.language, s.author,
  s.file_name AS fileName, s.imported_at AS importedAt,
  (SELECT count(*) FROM input_passages counted WHERE counted.source_id = s.id) AS passageCount`;
const passageColumns = 'p.id, p.source_id AS sourceId, p.ordinal, p.number, p.text';
const hitColumns = `p.id AS passageId, p.source_id AS sourceId, s.title AS sourceTitle, s.kind AS sourceKind,
  s.event_id AS eventId, p.language, p.number AS passageNumber, p.ordinal, p.text`;

type HitRow = Omit<SearchHit, 'snippet'> & { text: string };

function invalid(message: string): ZeroDraftError {
  return new ZeroDraftError('invalid-argument', message);
}

function checkOptionalText(value: unknown, name: string): void {
  if (value !== null && value !== undefined && typeof value !== 'string') throw invalid(`${name} must be text or null.`);
}

function checkDate(value: unknown, name: string): void {
  if (typeof value !== 'string' || !datePattern.test(value)) throw invalid(`${name} must be a date written YYYY-MM-DD or YYYY-MM.`);
}

function checkSourceDraft(source: SourceDraft): void {
  if (typeof source !== 'object' || source === null) throw invalid('The source must be an object.');
  if (!sourceKinds.includes(source.kind)) throw invalid(`Unknown source kind "${String(source.kind)}".`);
  if (typeof source.title !== 'string' || source.title.trim() === '') throw invalid('The source needs a title.');
  if (typeof source.language !== 'string' || !languagePattern.test(source.language)) {
    throw invalid(`"${String(source.language)}" is not a language code (use ISO 639-1, or "und").`);
  }
  if (source.date !== null && source.date !== undefined) checkDate(source.date, 'The date of the source');
  checkOptionalText(source.eventId, 'eventId');
  checkOptionalText(source.author, 'author');
  checkOptionalText(source.fileName, 'fileName');
}

function checkPassages(passages: readonly PassageDraft[]): void {
  if (!Array.isArray(passages) || passages.length === 0) throw invalid('A source needs at least one passage.');
  passages.forEach((passage: PassageDraft | null, index) => {
    if (typeof passage?.text !== 'string' || passage.text.trim() === '') throw invalid(`Passage ${index + 1} has no text.`);
    if (Buffer.byteLength(passage.text, 'utf8') > maximumPassageBytes) throw invalid(`Passage ${index + 1} is longer than 1 MB.`);
    checkOptionalText(passage.number, `The number of passage ${index + 1}`);
  });
}

function checkLimit(limit: unknown, fallback: number): number {
  if (limit === undefined) return fallback;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw invalid('The limit must be a whole number of at least 1.');
  return Math.min(limit, maximumSearchLimit);
}

/** SQL conditions (on `s`, the source, and `p`, the passage) and their parameters for search filters. */
function filterConditions(filters: SearchFilters): { conditions: string[]; parameters: unknown[] } {
  if (typeof filters !== 'object' || filters === null) throw invalid('The search filters must be an object.');
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const addList = (column: string, values: unknown, name: string): void => {
    if (values === undefined || values === null) return;
    if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) throw invalid(`${name} must be a list of text.`);
    // An empty list filters nothing, like a filter the user has not set.
    if (values.length === 0) return;
    conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    parameters.push(...values);
  };
  if (filters.kinds?.some((kind) => !sourceKinds.includes(kind))) throw invalid('The filters name an unknown source kind.');
  addList('s.kind', filters.kinds, 'kinds');
  addList('s.event_id', filters.eventIds, 'eventIds');
  addList('p.language', filters.languages, 'languages');
  // Compared at the precision of the coarser date, so a source dated '2017-05' falls in May's days.
  // Null, as undefined, is a filter the user has not set (it may come over the bridge as JSON).
  if (filters.from !== undefined && filters.from !== null) {
    checkDate(filters.from, 'from');
    conditions.push('s.date >= substr(?, 1, length(s.date))');
    parameters.push(filters.from);
  }
  if (filters.to !== undefined && filters.to !== null) {
    checkDate(filters.to, 'to');
    conditions.push('substr(s.date, 1, length(?)) <= ?');
    parameters.push(filters.to, filters.to);
  }
  return { conditions, parameters };
}

function toHit(row: HitRow, highlightQuery: string): SearchHit {
  const { text, ...hit } = row;
  return { ...hit, snippet: snippetParts(text, highlightQuery) };
}

/**
 * The inputs library of one workspace: adds and removes sources with their passages (in the
 * Y.Doc when it has one, and in the index at once), searches and suggests passages.
 */
export class InputsLibrary {
  private readonly database: Database.Database;
  private readonly doc: Y.Doc | null;
  private readonly index: LibraryIndex;
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * Uses the workspace file's connection (`WorkspaceFile.connection`), migrated to schema 2 or
   * later, and the negotiation's Y.Doc, where sources are saved so they sync (null: the index
   * alone, as before the library synced). Use libraryFollower.ts `followLibrary` for an open
   * workspace, so that sources from other replicas reach the index too.
   */
  constructor(database: Database.Database, doc: Y.Doc | null = null) {
    this.database = database;
    this.doc = doc;
    this.index = new LibraryIndex(database);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      // Filter lists make many shapes of search SQL; keep the cache small.
      if (this.statements.size >= maximumCachedStatements) this.statements.clear();
      statement = this.database.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Saves a source and its passages (in the Y.Doc, one transaction) and indexes them. Throws
   * `already-exists` (naming the existing source) when the library holds a source with the same
   * text. (Two replicas that import the same text while apart both keep theirs: see README.)
   */
  addSource(source: SourceDraft, passages: readonly PassageDraft[]): InputSource {
    checkSourceDraft(source);
    checkPassages(passages);
    const existing = this.sourceWithHash(sourceHash(passages));
    if (existing !== null) {
      throw new ZeroDraftError('already-exists', `This source is already in the library, as "${existing.title}". Nothing was added.`);
    }
    const shared = newSharedSource({ ...source, title: source.title.trim() }, passages, new Date().toISOString());
    if (this.doc !== null) writeSharedSource(this.doc, shared, libraryOrigin);
    // Indexed by the follower already when there is one; the index ignores a second add.
    this.index.add(shared);
    return this.source(shared.id)!;
  }

  private sourceWithHash(contentHash: string): InputSource | null {
    const row = this.statement(`SELECT ${sourceColumns} FROM input_sources s WHERE s.content_hash = ? ORDER BY s.imported_at LIMIT 1`).get(contentHash);
    return (row as InputSource | undefined) ?? null;
  }

  /** The source already in the library with the same text as `passages`, or null (also for no passages). */
  findDuplicate(passages: readonly PassageDraft[]): InputSource | null {
    if (!Array.isArray(passages) || passages.some((passage: PassageDraft | null) => typeof passage?.text !== 'string')) {
      throw invalid('The passages must be a list of passages with text.');
    }
    return passages.length === 0 ? null : this.sourceWithHash(sourceHash(passages));
  }

  /** Every source, by date (undated last), then title. */
  sources(): InputSource[] {
    return this.statement(`SELECT ${sourceColumns} FROM input_sources s ORDER BY s.date IS NULL, s.date, s.title, s.id`).all() as InputSource[];
  }

  /** One source, or null when the library has no source with this id. */
  source(id: string): InputSource | null {
    return (this.statement(`SELECT ${sourceColumns} FROM input_sources s WHERE s.id = ?`).get(id) as InputSource | undefined) ?? null;
  }

  /** The passages of a source in their order (empty for an unknown source). */
  passages(sourceId: string): InputPassage[] {
    return this.statement(`SELECT ${passageColumns} FROM input_passages p WHERE p.source_id = ? ORDER BY p.ordinal`).all(sourceId) as InputPassage[];
  }

  /** The passages with these ids, in the order asked, each with its source; unknown ids are left out. */
  passagesByIds(ids: readonly string[]): PassageWithSource[] {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw invalid('The passage ids must be a list of text.');
    const found = new Map<string, InputPassage>();
    for (let start = 0; start < ids.length; start += idChunkSize) {
      const chunk = ids.slice(start, start + idChunkSize);
      const rows = this.statement(`SELECT ${passageColumns} FROM input_passages p WHERE p.id IN (${chunk.map(() => '?').join(', ')})`).all(...chunk);
      for (const row of rows as InputPassage[]) found.set(row.id, row);
    }
    const sources = new Map<string, InputSource>();
    return ids.flatMap((id) => {
      const passage = found.get(id);
      if (passage === undefined) return [];
      const source = sources.get(passage.sourceId) ?? this.source(passage.sourceId)!;
      sources.set(source.id, source);
      return [{ ...passage, source }];
    });
  }

  /**
   * Passages matching every term of `query` (a "quoted phrase" as a phrase), best first: those
   * holding the whole query as a phrase, then by bm25. Default limit 20, at most 200.
   */
  search(query: string, filters: SearchFilters = {}): SearchHit[] {
    if (typeof query !== 'string') throw invalid('The query must be text.');
    const limit = checkLimit(filters?.limit ?? undefined, defaultSearchLimit);
    const { conditions, parameters } = filterConditions(filters);
    const match = queryToFts(query);
    if (match === null) return [];
    return this.rankedRows(match, wholeQueryPhrase(query), conditions, parameters, limit).map((row) => toHit(row, query));
  }

  /**
   * Without filters: FTS5 ranks on its own (ORDER BY rank LIMIT n keeps only the best n, no join
   * per match), phrase matches first; then only those rows are joined to their passages.
   */
  private topRows(match: string, phrase: string | null, limit: number): HitRow[] {
    const best = this.statement('SELECT rowid, -rank AS score FROM input_passage_search WHERE input_passage_search MATCH ? ORDER BY rank LIMIT ?');
    const ranked = new Map<number, number>();
    if (phrase !== null) for (const row of best.all(phrase, limit) as { rowid: number; score: number }[]) ranked.set(row.rowid, row.score + exactPhraseBonus);
    for (const row of best.all(match, limit) as { rowid: number; score: number }[]) if (!ranked.has(row.rowid)) ranked.set(row.rowid, row.score);
    const order = [...ranked].sort((a, b) => b[1] - a[1]).slice(0, limit);
    if (order.length === 0) return [];
    const rows = this.statement(`SELECT ${hitColumns}, 0 AS score, p.search_rowid AS search_rowid
      FROM input_passages p JOIN input_sources s ON s.id = p.source_id
      WHERE p.search_rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(order.map(([rowid]) => rowid))) as (HitRow & { search_rowid: number })[];
    const byRowid = new Map(rows.map((row) => [row.search_rowid, row]));
    return order.flatMap(([rowid, score]) => {
      const row = byRowid.get(rowid);
      return row === undefined ? [] : [{ ...row, score }];
    });
  }

  /** Runs an FTS5 match (built by searchText, never user syntax) with filters, best first. */
  private rankedRows(match: string, phrase: string | null, conditions: string[], parameters: unknown[], limit: number): HitRow[] {
    if (conditions.length === 0) return this.topRows(match, phrase, limit);
    // FTS5 auxiliary functions (bm25) need the table's own name, not an alias.
    const bonus = phrase === null
      ? '0'
      : `(input_passage_search.rowid IN (SELECT rowid FROM input_passage_search(?))) * ${exactPhraseBonus}`;
    const sql = `SELECT ${hitColumns}, ${bonus} - bm25(input_passage_search) AS score
      FROM input_passage_search
      JOIN input_passages p ON p.search_rowid = input_passage_search.rowid
      JOIN input_sources s ON s.id = p.source_id
      WHERE input_passage_search MATCH ? ${conditions.map((condition) => `AND ${condition}`).join(' ')}
      ORDER BY score DESC, p.source_id, p.ordinal
      LIMIT ?`;
    const values = [...(phrase === null ? [] : [phrase]), match, ...parameters, limit];
    return this.statement(sql).all(...values) as HitRow[];
  }

  /**
   * Passages like a paragraph's text: its most distinctive terms (no function words; rarest in
   * the library first, by the index's document frequencies), any of them, ranked by bm25.
   */
  suggest(text: string, limit = 8, excludePassageIds: readonly string[] = []): SearchHit[] {
    if (typeof text !== 'string') throw invalid('The text must be text.');
    if (!Array.isArray(excludePassageIds) || excludePassageIds.some((id) => typeof id !== 'string')) {
      throw invalid('The excluded passage ids must be a list of text.');
    }
    const checkedLimit = checkLimit(limit, 8);
    const terms = this.distinctiveTerms(text);
    if (terms.length === 0) return [];
    const match = terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' OR ');
    const conditions = excludePassageIds.length === 0 ? [] : [`p.id NOT IN (${excludePassageIds.map(() => '?').join(', ')})`];
    return this.rankedRows(match, null, conditions, [...excludePassageIds], checkedLimit).map((row) => toHit(row, terms.join(' ')));
  }

  /** The terms of `text` that best tell its passages apart: frequent in the text, rare in the library. */
  private distinctiveTerms(text: string): string[] {
    const counts = new Map<string, number>();
    for (const term of indexTerms(text)) {
      if (!isStopTerm(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    const total = this.passageCount();
    const frequency = this.statement('SELECT doc FROM input_passage_search_vocabulary WHERE term = ?').pluck();
    const weighted: { term: string; weight: number }[] = [];
    for (const [term, count] of counts) {
      const documents = (frequency.get(term) as number | undefined) ?? 0;
      // A term no passage holds cannot find anything.
      if (documents > 0) weighted.push({ term, weight: count * Math.log(1 + total / documents) });
    }
    weighted.sort((first, second) => second.weight - first.weight || (first.term < second.term ? -1 : 1));
    return weighted.slice(0, suggestionTermCount).map((entry) => entry.term);
  }

  /** Removes a source (from the Y.Doc, so from every replica), its passages and their index rows; `not-found` for an unknown id. */
  removeSource(id: string): void {
    if (typeof id !== 'string' || !this.index.has(id)) throw new ZeroDraftError('not-found', 'This source is not in the library (it may have been removed already).');
    if (this.doc !== null) removeSharedSource(this.doc, id, libraryOrigin);
    this.index.remove(id);
  }

  /** Number of passages in the library. */
  passageCount(): number {
    return this.statement('SELECT count(*) FROM input_passages').pluck().get() as number;
  }
}
