/**
 * The inputs library as shared state of a negotiation's Y.Doc, so that it syncs with the text:
 * `library` is a Y.Map of source id to a Y.Map holding the source's fields, one key each
 * (kind, title, eventId, date, language, author, fileName, importedAt), and `passages`, a plain
 * JSON array of {@link SharedPassage}.
 *
 * Sources are immutable once saved (only removal changes them), so the passages are one plain
 * value: a source arrives whole, in one update, never half of it; fields are their own keys (as in
 * links.ts) so that a later "edit the title" would merge field by field. Ids come from
 * {@link newBlockId} (62 random bits), so sources and passages made on different replicas never
 * collide. Removing a source deletes its key; links to its passages stay (and show as removed).
 *
 * A faulty peer may write anything here: {@link readSharedSource} checks every field and answers
 * null for an entry it cannot trust, which every reader then leaves out.
 */
import * as Y from 'yjs';
import { newBlockId } from '../schema/blockId';
import { documentLayout } from './documentLayout';
import { sourceKinds, type PassageDraft, type SourceDraft, type SourceKind } from './inputs';

/** A passage of a source, as the Y.Doc holds it. */
export interface SharedPassage {
  id: string;
  /** Position in the source, from 1. */
  ordinal: number;
  number: string | null;
  text: string;
}

/** A source with its passages, as the Y.Doc holds it. */
export interface SharedSource extends SourceDraft {
  id: string;
  /** ISO time of the import, on the replica that made it. */
  importedAt: string;
  /** In source order; ordinals 1, 2, ... */
  passages: SharedPassage[];
}

const optionalTextFields = ['eventId', 'date', 'author', 'fileName'] as const;

/** The library map of a negotiation: source id to a Y.Map of the source's fields. */
export function libraryMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(documentLayout.library);
}

/** A new source record with fresh ids, ready for {@link writeSharedSource}. */
export function newSharedSource(source: SourceDraft, passages: readonly PassageDraft[], importedAt: string): SharedSource {
  return {
    id: newBlockId(), kind: source.kind, title: source.title, eventId: source.eventId ?? null, date: source.date ?? null,
    language: source.language, author: source.author ?? null, fileName: source.fileName ?? null, importedAt,
    passages: passages.map((passage, index) => ({ id: newBlockId(), ordinal: index + 1, number: passage.number ?? null, text: passage.text })),
  };
}

function isOptionalText(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function readPassages(value: unknown): SharedPassage[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const ids = new Set<string>();
  const passages: SharedPassage[] = [];
  for (const [index, item] of (value as unknown[]).entries()) {
    if (typeof item !== 'object' || item === null) return null;
    const { id, ordinal, number, text } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || ids.has(id) || ordinal !== index + 1) return null;
    if (!isOptionalText(number) || typeof text !== 'string' || text.trim() === '') return null;
    ids.add(id);
    passages.push({ id, ordinal, number, text });
  }
  return passages;
}

/** Reads one entry of the library map; null when it is not a Y.Map or any field is malformed. */
function readEntry(id: string, entry: unknown): SharedSource | null {
  if (!(entry instanceof Y.Map)) return null;
  const map = entry as Y.Map<unknown>;
  const kind = map.get('kind');
  const title = map.get('title');
  const language = map.get('language');
  const importedAt = map.get('importedAt');
  if (!sourceKinds.includes(kind as SourceKind) || typeof title !== 'string' || title.trim() === '') return null;
  if (typeof language !== 'string' || language === '' || typeof importedAt !== 'string') return null;
  const optional = optionalTextFields.map((field) => map.get(field) ?? null);
  if (!optional.every(isOptionalText)) return null;
  const passages = readPassages(map.get('passages'));
  if (passages === null) return null;
  const [eventId, date, author, fileName] = optional as (string | null)[];
  return { id, kind: kind as SourceKind, title, eventId: eventId!, date: date!, language, author: author!, fileName: fileName!, importedAt, passages };
}

/** One source of the shared library, or null when it is absent or malformed. */
export function readSharedSource(doc: Y.Doc, id: string): SharedSource | null {
  const map = libraryMap(doc);
  return map.has(id) ? readEntry(id, map.get(id)) : null;
}

/** Whether the shared library has an entry (well-formed or not) under this id. */
export function hasSharedEntry(doc: Y.Doc, id: string): boolean {
  return libraryMap(doc).has(id);
}

/** Every well-formed source of the shared library (malformed entries are left out). */
export function allSharedSources(doc: Y.Doc): SharedSource[] {
  const sources: SharedSource[] = [];
  libraryMap(doc).forEach((entry, id) => {
    const source = readEntry(id, entry);
    if (source !== null) sources.push(source);
  });
  return sources;
}

/** Writes a source (one transaction, one Y.Map); an entry already under its id is replaced. */
export function writeSharedSource(doc: Y.Doc, source: SharedSource, origin: unknown = null): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const field of ['kind', 'title', 'language', 'importedAt', ...optionalTextFields] as const) map.set(field, source[field]);
    map.set('passages', source.passages.map(({ id, ordinal, number, text }) => ({ id, ordinal, number, text })));
    libraryMap(doc).set(source.id, map);
  }, origin);
}

/** Removes a source from the shared library; false when it had no entry under this id. */
export function removeSharedSource(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  if (!libraryMap(doc).has(id)) return false;
  doc.transact(() => libraryMap(doc).delete(id), origin);
  return true;
}
