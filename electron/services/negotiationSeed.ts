import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { documentLayout } from '../../shared/domain/documentLayout';
import { globalCompactProcess, type ProcessEvent } from '../../shared/domain/processTemplate';
import { sampleDraft } from '../../shared/domain/sampleDraft';
import { draftFromOutline, emptyDraft } from '../../shared/schema/draftFromOutline';

/** Origin of the transaction that seeds a new negotiation. */
export const seedOrigin = 'zerodraft:seed';

function processEventMap(event: ProcessEvent): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(event)) {
    if (value !== undefined) map.set(key, value);
  }
  return map;
}

/**
 * Seeds a negotiation into an empty Y.Doc (never through the editor, as y-prosemirror asks):
 * the text, the process calendar and the workspace facts, in one transaction.
 */
export function seedNegotiation(doc: Y.Doc, draft: ProseMirrorNode, events: readonly ProcessEvent[], title: string): void {
  doc.transact(() => {
    prosemirrorToYXmlFragment(draft, doc.getXmlFragment(documentLayout.draft));
    doc.getArray<Y.Map<unknown>>(documentLayout.process).push(events.map(processEventMap));
    const meta = doc.getMap<unknown>(documentLayout.meta);
    meta.set('title', title);
    meta.set('createdAt', new Date().toISOString());
  }, seedOrigin);
}

/** Seeds the built-in sample negotiation, modelled on the Global Compact for Migration. */
export function seedSample(doc: Y.Doc): void {
  seedNegotiation(doc, draftFromOutline(sampleDraft), globalCompactProcess, sampleDraft.title);
}

/** Seeds an empty negotiation with the Global Compact's process calendar as a starting point. */
export function seedEmpty(doc: Y.Doc, title: string): void {
  seedNegotiation(doc, emptyDraft(title), globalCompactProcess, title);
}
