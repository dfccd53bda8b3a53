import { useEffect, useState } from 'react';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type * as Y from 'yjs';
import { documentLayout } from '../../shared/domain/documentLayout';
import { proposalsById } from '../../shared/domain/proposals';
import { currentRound, listRevisions, revisionDoc, revisionsMap, type RevisionInfo } from '../../shared/domain/revisions';
import { negotiationSchema } from '../../shared/schema/negotiationSchema';
import { proposalView } from '../../shared/schema/proposalViews';

/** The saved revisions, oldest first, kept current as revisions are saved here or elsewhere. */
export function useRevisions(doc: Y.Doc): RevisionInfo[] {
  const [revisions, setRevisions] = useState<RevisionInfo[]>(() => listRevisions(doc));
  useEffect(() => {
    const map = revisionsMap(doc);
    const update = (): void => setRevisions(listRevisions(doc));
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [doc]);
  return revisions;
}

/** The current round (meta `currentRound`), kept current. */
export function useCurrentRound(doc: Y.Doc): number {
  const [round, setRound] = useState(() => currentRound(doc));
  useEffect(() => {
    const meta = doc.getMap(documentLayout.meta);
    const process = doc.getArray(documentLayout.process);
    const update = (): void => setRound(currentRound(doc));
    update();
    meta.observe(update);
    process.observeDeep(update);
    return () => { meta.unobserve(update); process.unobserveDeep(update); };
  }, [doc]);
  return round;
}

/** A negotiation's text as a ProseMirror document, and its clean view (pending proposals left out). */
export function negotiationTexts(doc: Y.Doc): { text: ProseMirrorNode; clean: ProseMirrorNode } {
  const text = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(documentLayout.draft), negotiationSchema);
  return { text, clean: proposalView(text, proposalsById(doc), 'clean') };
}

const revisionCache = new WeakMap<Y.Doc, Map<string, { doc: Y.Doc; clean: ProseMirrorNode }>>();

/** A saved revision restored (read-only) with its clean text; cached, since revisions never change. */
export function restoredRevision(doc: Y.Doc, revisionId: string): { doc: Y.Doc; clean: ProseMirrorNode } {
  let cache = revisionCache.get(doc);
  if (cache === undefined) {
    cache = new Map();
    revisionCache.set(doc, cache);
  }
  let restored = cache.get(revisionId);
  if (restored === undefined) {
    const copy = revisionDoc(doc, revisionId);
    restored = { doc: copy, clean: negotiationTexts(copy).clean };
    cache.set(revisionId, restored);
  }
  return restored;
}
