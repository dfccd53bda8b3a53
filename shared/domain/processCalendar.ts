import type * as Y from 'yjs';
import { documentLayout } from './documentLayout';
import type { ProcessEvent } from './processTemplate';

/** The process calendar kept in a negotiation's Y.Doc (each event a Y.Map of its fields). */
export function processEventsOf(doc: Y.Doc): ProcessEvent[] {
  return doc.getArray<Y.Map<unknown>>(documentLayout.process).toArray().map((map) => map.toJSON() as ProcessEvent);
}
