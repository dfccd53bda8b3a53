import { Plugin, PluginKey } from 'prosemirror-state';
import type * as Y from 'yjs';
import { recordDeletionKnowledge } from '../../shared/domain/proposalKnowledge';

/** Key of {@link deletionKnowledgePlugin}. */
export const deletionKnowledgeKey = new PluginKey('deletionKnowledge');

/**
 * While a view is open, records with every proposed deletion what this replica knew of the
 * text (see proposalKnowledge.ts), so words typed at the same time elsewhere never join it.
 */
export function deletionKnowledgePlugin(fragment: Y.XmlFragment): Plugin {
  return new Plugin({
    key: deletionKnowledgeKey,
    view: () => {
      const doc = fragment.doc;
      const stop = doc === null ? () => undefined : recordDeletionKnowledge(doc);
      return { destroy: stop };
    },
  });
}
