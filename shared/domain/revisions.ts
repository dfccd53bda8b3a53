/**
 * Named revisions of a negotiation ("Zero draft", "Rev 1", ...): each a Yjs snapshot of the
 * whole Y.Doc (text, proposal records, links, library) taken when it was saved, kept in the
 * Y.Doc so it syncs. The doc never garbage-collects, so any snapshot can be restored as a
 * read-only copy ({@link revisionDoc}). Saving a revision does not change the text: the clean
 * text of a revision is derived from its text and its proposal records, as for the current one.
 *
 * Rounds: the process calendar's negotiation rounds (processTemplate.ts); the current round
 * (meta `currentRound`) stamps new proposals; closing a round saves a revision and moves on.
 */
import * as Y from 'yjs';
import { ZeroDraftError } from '../api/errors';
import { newBlockId } from '../schema/blockId';
import { documentLayout, negotiationDocOptions } from './documentLayout';
import { processEventsOf } from './processCalendar';
import { negotiationRounds, type ProcessEvent } from './processTemplate';

/** A saved revision, as listed. */
export interface RevisionInfo {
  id: string;
  /** "Zero draft", "Rev 1", ... (unique, compared without case). */
  name: string;
  /** The date it bears ('YYYY-MM-DD'). */
  date: string;
  note: string;
  /** The round it closed, if it was saved by closing one. */
  round: number | null;
  /** ISO time it was saved. */
  createdAt: string;
}

/** What is asked for when saving a revision. */
export interface RevisionRequest {
  name: string;
  /** 'YYYY-MM-DD'; default today. */
  date?: string;
  note?: string;
  round?: number | null;
}

/** The map of revision id to revision record. */
export function revisionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(documentLayout.revisions);
}

function readRevision(id: string, record: unknown): RevisionInfo | null {
  if (!(record instanceof Y.Map)) return null;
  const name = record.get('name');
  const date = record.get('date');
  const createdAt = record.get('createdAt');
  if (typeof name !== 'string' || typeof date !== 'string' || typeof createdAt !== 'string' || !(record.get('snapshot') instanceof Uint8Array)) return null;
  const note = record.get('note');
  const round = record.get('round');
  return { id, name, date, createdAt, note: typeof note === 'string' ? note : '', round: typeof round === 'number' ? round : null };
}

/** Every well-formed revision, oldest first (the same order on every replica). */
export function listRevisions(doc: Y.Doc): RevisionInfo[] {
  const revisions: RevisionInfo[] = [];
  revisionsMap(doc).forEach((record, id) => {
    const revision = readRevision(id, record);
    if (revision !== null) revisions.push(revision);
  });
  return revisions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function checkRequest(doc: Y.Doc, request: RevisionRequest): { name: string; date: string } {
  const name = typeof request.name === 'string' ? request.name.trim() : '';
  if (name === '' || name.length > 120) throw new ZeroDraftError('invalid-argument', 'A revision needs a name of 1 to 120 characters (e.g. "Rev 1"). Nothing was saved.');
  if (listRevisions(doc).some((revision) => revision.name.toLowerCase() === name.toLowerCase())) {
    throw new ZeroDraftError('already-exists', `There is already a revision named "${name}"; choose another name. Nothing was saved.`);
  }
  const date = request.date ?? new Date().toISOString().slice(0, 10);
  if (!datePattern.test(date) || Number.isNaN(Date.parse(date))) throw new ZeroDraftError('invalid-argument', `The date must be YYYY-MM-DD, not "${String(date)}". Nothing was saved.`);
  if (request.round !== undefined && request.round !== null && (!Number.isInteger(request.round) || request.round < 1)) {
    throw new ZeroDraftError('invalid-argument', `The round must be a positive whole number, not ${String(request.round)}. Nothing was saved.`);
  }
  return { name, date };
}

/**
 * Saves a named revision: a snapshot of the whole negotiation as it is now. Throws
 * `invalid-argument` for an empty name or a bad date, `already-exists` for a name in use.
 */
export function saveRevision(doc: Y.Doc, request: RevisionRequest, origin: unknown = null): RevisionInfo {
  const { name, date } = checkRequest(doc, request);
  const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
  const info: RevisionInfo = { id: `r${doc.clientID.toString(36)}-${newBlockId()}`, name, date, note: request.note ?? '', round: request.round ?? null, createdAt: new Date().toISOString() };
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    record.set('name', info.name);
    record.set('date', info.date);
    record.set('note', info.note);
    record.set('round', info.round);
    record.set('createdAt', info.createdAt);
    record.set('snapshot', snapshot);
    revisionsMap(doc).set(info.id, record);
  }, origin);
  return info;
}

/**
 * The revision with this id or name (names compared without case; two replicas that saved the
 * same name at once: the later one). Throws `not-found`, listing the names there are.
 */
export function findRevision(doc: Y.Doc, nameOrId: string): RevisionInfo {
  const revisions = listRevisions(doc);
  const wanted = String(nameOrId).trim().toLowerCase();
  const found = revisions.find((revision) => revision.id === nameOrId) ?? revisions.filter((revision) => revision.name.toLowerCase() === wanted).at(-1);
  if (found === undefined) {
    const names = revisions.map((revision) => `"${revision.name}"`).join(', ');
    throw new ZeroDraftError('not-found', `There is no revision named "${String(nameOrId)}". ${names === '' ? 'No revision has been saved yet.' : `Revisions: ${names}.`}`);
  }
  return found;
}

/**
 * A read-only copy of the negotiation as it was when a revision was saved (a new Y.Doc; changes
 * to it go nowhere). Throws `not-found` as {@link findRevision}.
 */
export function revisionDoc(doc: Y.Doc, nameOrId: string): Y.Doc {
  const revision = findRevision(doc, nameOrId);
  const snapshot = Y.decodeSnapshot(revisionsMap(doc).get(revision.id)!.get('snapshot') as Uint8Array);
  const copy = Y.createDocFromSnapshot(doc, snapshot, new Y.Doc(negotiationDocOptions));
  return copy;
}

/** The round new proposals are stamped with: meta `currentRound`, else the first round. */
export function currentRound(doc: Y.Doc): number {
  const value = doc.getMap(documentLayout.meta).get('currentRound');
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  return negotiationRounds(processEventsOf(doc))[0]?.number ?? 1;
}

/** Sets the current round (must be one of the calendar's rounds). */
export function setCurrentRound(doc: Y.Doc, round: number, origin: unknown = null): void {
  const rounds = negotiationRounds(processEventsOf(doc)).map((event) => event.number);
  if (!rounds.includes(round)) throw new ZeroDraftError('invalid-argument', `Round ${String(round)} is not in the process calendar (rounds: ${rounds.join(', ')}). Nothing was changed.`);
  doc.transact(() => doc.getMap(documentLayout.meta).set('currentRound', round), origin);
}

/**
 * Adds an informal round after the last one (month 'YYYY-MM'), and returns its number.
 */
export function addInformalRound(doc: Y.Doc, month: string, origin: unknown = null): number {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new ZeroDraftError('invalid-argument', `The month must be YYYY-MM, not "${String(month)}". Nothing was changed.`);
  const rounds = negotiationRounds(processEventsOf(doc));
  const number = Math.max(0, ...rounds.map((event) => event.number ?? 0)) + 1;
  const event: ProcessEvent = {
    id: `round-${number}-${newBlockId()}`, kind: 'negotiation-round', number, month,
    title: { en: `Informal round ${number}`, zh: `第${number}轮非正式谈判` },
  };
  doc.transact(() => doc.getArray<Y.Map<unknown>>(documentLayout.process).push([new Y.Map(Object.entries(event))]), origin);
  return number;
}

/**
 * Closes a round: saves a revision of the text as it stands (named by the caller, e.g. "Rev 1")
 * marked with the round, and makes the next round current (if the calendar has one).
 */
export function closeRound(doc: Y.Doc, request: RevisionRequest & { round: number }, origin: unknown = null): RevisionInfo {
  let revision: RevisionInfo | undefined;
  doc.transact(() => {
    revision = saveRevision(doc, request, origin);
    const next = negotiationRounds(processEventsOf(doc)).find((event) => (event.number ?? 0) > request.round)?.number;
    if (next !== undefined) doc.getMap(documentLayout.meta).set('currentRound', next);
  }, origin);
  return revision!;
}
