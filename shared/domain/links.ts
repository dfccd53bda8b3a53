import * as Y from 'yjs';
import { newBlockId } from '../schema/blockId';
import { documentLayout } from './documentLayout';
import { linkKinds, type LinkKind, type PassageLink } from './inputs';

/** The links map of a negotiation: link id to a Y.Map of the link's fields. */
export function linksMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(documentLayout.links);
}

function readLink(id: string, map: Y.Map<unknown>): PassageLink | null {
  const paragraphId = map.get('paragraphId');
  const passageId = map.get('passageId');
  const kind = map.get('kind');
  if (typeof paragraphId !== 'string' || typeof passageId !== 'string' || !linkKinds.includes(kind as LinkKind)) return null;
  const note = map.get('note');
  const createdAt = map.get('createdAt');
  return { id, paragraphId, passageId, kind: kind as LinkKind, note: typeof note === 'string' ? note : '', createdAt: typeof createdAt === 'string' ? createdAt : '' };
}

/** Every well-formed link of a negotiation (a malformed entry from a faulty peer is skipped). */
export function allLinks(doc: Y.Doc): PassageLink[] {
  const links: PassageLink[] = [];
  linksMap(doc).forEach((map, id) => {
    const link = map instanceof Y.Map ? readLink(id, map) : null;
    if (link !== null) links.push(link);
  });
  return links.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The links of one paragraph (by stable id). */
export function linksOfParagraph(doc: Y.Doc, paragraphId: string): PassageLink[] {
  return allLinks(doc).filter((link) => link.paragraphId === paragraphId);
}

/**
 * Links a paragraph to a passage; linking the same pair again returns the existing link.
 * Each field is its own key, so concurrent edits of different fields both survive.
 */
export function addLink(doc: Y.Doc, paragraphId: string, passageId: string, kind: LinkKind = 'draws-on', note = '', origin: unknown = null): PassageLink {
  const existing = allLinks(doc).find((link) => link.paragraphId === paragraphId && link.passageId === passageId);
  if (existing !== undefined) return existing;
  const id = newBlockId();
  const createdAt = new Date().toISOString();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('paragraphId', paragraphId);
    map.set('passageId', passageId);
    map.set('kind', kind);
    map.set('note', note);
    map.set('createdAt', createdAt);
    linksMap(doc).set(id, map);
  }, origin);
  return { id, paragraphId, passageId, kind, note, createdAt };
}

/** Changes a link's kind or note. */
export function updateLink(doc: Y.Doc, id: string, change: { kind?: LinkKind; note?: string }, origin: unknown = null): void {
  const map = linksMap(doc).get(id);
  if (map === undefined) return;
  doc.transact(() => {
    if (change.kind !== undefined) map.set('kind', change.kind);
    if (change.note !== undefined) map.set('note', change.note);
  }, origin);
}

/** Removes a link. */
export function removeLink(doc: Y.Doc, id: string, origin: unknown = null): void {
  doc.transact(() => linksMap(doc).delete(id), origin);
}
