/**
 * What a replica knew when it marked text: the facts that let every replica tell words a
 * proposal was made about from words typed at the same time on another replica.
 *
 * Yjs keeps formatting as marker items around a range of text. Words typed concurrently inside
 * that range (on a replica that had not seen the marker yet) end up between the markers and so
 * inherit the formatting: typed words would join a proposed deletion they were never part of,
 * and words typed into a proposal while another replica accepts it would be accepted unseen.
 * To tell them apart, the replica that marks text for deletion records, per marker, the clock
 * of every client with items in that text at that moment ({@link Knowledge}); a decision
 * records the same for the texts holding the proposal's insertions. A character whose item
 * clock is at or beyond the recorded clock of its client was not known to the marker (or the
 * decision). proposalIntegrity.ts repairs such characters in Yjs, deterministically.
 */
import * as Y from 'yjs';
import { documentLayout } from './documentLayout';

/** Per client id (decimal string): the clock just after the last item known there. */
export type Knowledge = Record<string, number>;

/** Prefix of y-prosemirror's format keys for the overlapping proposal marks. */
export const insertionKeyPrefix = 'insertion--';
/** Prefix of y-prosemirror's format keys for proposed deletions. */
export const deletionKeyPrefix = 'deletion--';

/** Origin of the transactions that record knowledge (never undone, never sent back as edits). */
export const knowledgeOrigin = 'zerodraft:mark-knowledge';

/** The map of deletion markers ("client:clock") to what their replica knew of the text. */
export function markKnowledgeMap(doc: Y.Doc): Y.Map<Knowledge> {
  return doc.getMap<Knowledge>(documentLayout.markKnowledge);
}

/** The key of a marker item in {@link markKnowledgeMap}. */
export function markerKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}

/** Every Y.XmlText under a fragment or element, in document order. */
export function textsUnder(parent: Y.XmlFragment | Y.XmlElement, into: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) into.push(child);
    else if (child instanceof Y.XmlElement) textsUnder(child, into);
  }
  return into;
}

/** Adds to `into` what a replica knows of a text now: per client, the clock after its last item there. */
export function textKnowledge(text: Y.XmlText, into: Knowledge = {}): Knowledge {
  for (let item = text._start; item !== null; item = item.right as Y.Item | null) {
    const key = String(item.id.client);
    const end = item.id.clock + item.length;
    if ((into[key] ?? 0) < end) into[key] = end;
  }
  return into;
}

/** How many characters at the start of an item (from `offset`) a knowledge covers. */
export function knownLength(item: Y.Item, offset: number, length: number, knowledge: Knowledge): number {
  const known = knowledge[String(item.id.client)] ?? 0;
  return Math.max(0, Math.min(length, known - (item.id.clock + offset)));
}

/** A formatting attribute in force at a point of a text, and the marker item that set it. */
export interface ActiveAttribute {
  value: unknown;
  marker: Y.Item;
}

/**
 * Visits the text items of a Y.XmlText in order with their index (as Y.Text counts it) and the
 * attributes in force, as Yjs itself computes them (live format markers set or clear a key).
 */
export function forEachTextItem(text: Y.XmlText, visit: (item: Y.Item, index: number, active: ReadonlyMap<string, ActiveAttribute>) => void): void {
  const active = new Map<string, ActiveAttribute>();
  let index = 0;
  for (let item = text._start; item !== null; item = item.right as Y.Item | null) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (content.value === null) active.delete(content.key);
      else active.set(content.key, { value: content.value, marker: item });
    } else if (item.countable) {
      if (content instanceof Y.ContentString) visit(item, index, active);
      index += item.length;
    }
  }
}

/** The proposal id a proposal-mark attribute carries, or null. */
export function attributePid(value: unknown): string | null {
  const pid = typeof value === 'object' && value !== null ? (value as { pid?: unknown }).pid : undefined;
  return typeof pid === 'string' ? pid : null;
}

/** What a replica knows now of every text holding insertions of a proposal (for a decision). */
export function proposalKnowledge(doc: Y.Doc, pid: string): Knowledge {
  const knowledge: Knowledge = {};
  for (const text of textsUnder(doc.getXmlFragment(documentLayout.draft))) {
    let holds = false;
    forEachTextItem(text, (_item, _index, active) => {
      if (holds) return;
      for (const [key, attribute] of active) if (key.startsWith(insertionKeyPrefix) && attributePid(attribute.value) === pid) holds = true;
    });
    if (holds) textKnowledge(text, knowledge);
  }
  return knowledge;
}

/**
 * Records, for every deletion marker a local transaction creates, what this replica knew of
 * the text. Install on every replica that edits (the editor does). Returns the uninstaller.
 */
export function recordDeletionKnowledge(doc: Y.Doc): () => void {
  const onAfterTransaction = (transaction: Y.Transaction): void => {
    if (!transaction.local || transaction.origin === knowledgeOrigin) return;
    const start = transaction.beforeState.get(doc.clientID) ?? 0;
    if ((transaction.afterState.get(doc.clientID) ?? 0) === start) return;
    const entries = newDeletionMarkers(doc, start).map((marker): [string, Knowledge] => [markerKey(marker.id), textKnowledge(marker.parent as Y.XmlText)]);
    if (entries.length === 0) return;
    const map = markKnowledgeMap(doc);
    doc.transact(() => { for (const [key, knowledge] of entries) map.set(key, knowledge); }, knowledgeOrigin);
  };
  doc.on('afterTransaction', onAfterTransaction);
  return () => doc.off('afterTransaction', onAfterTransaction);
}

/** The deletion markers this replica created from clock `fromClock` on: only its new items are read, never a whole text. */
function newDeletionMarkers(doc: Y.Doc, fromClock: number): Y.Item[] {
  const structs = doc.store.clients.get(doc.clientID) ?? [];
  const markers: Y.Item[] = [];
  for (let index = Y.findIndexSS(structs, fromClock); index < structs.length; index += 1) {
    const item = structs[index];
    if (!(item instanceof Y.Item) || item.deleted || !(item.parent instanceof Y.XmlText)) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat && content.value !== null && content.key.startsWith(deletionKeyPrefix)) markers.push(item);
  }
  return markers;
}
