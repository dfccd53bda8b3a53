import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { documentLayout } from '../../shared/domain/documentLayout';
import { negotiationSchema } from '../../shared/schema/negotiationSchema';

/** The negotiation text of a Y.Doc as a ProseMirror document (for the CLI, export, tests). */
export function negotiationText(doc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(documentLayout.draft), negotiationSchema);
}
