import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Fragment, Slice, type Node as ProseMirrorNode } from 'prosemirror-model';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { newBlockId } from '../../shared/schema/blockId';
import { blockTypesWithId } from '../../shared/schema/negotiationSchema';
import { isTextOnlyChange } from '../../shared/schema/textOnlyChange';
import { isRemoteChange } from './numberingPlugin';
import { repairDuplicateIdsInYjs } from './yjsStructure';

/** Key of {@link blockIdsPlugin}; its state is true while every block is known to have a unique id. */
export const blockIdsKey = new PluginKey<boolean>('blockIds');


/** Gives every id-carrying block without an id, or with an id seen earlier in the text, a fresh id. */
export function assignMissingBlockIds(state: EditorState): Transaction | null {
  const seen = new Set<string>();
  let transaction: Transaction | null = null;
  state.doc.descendants((node, pos) => {
    if (!blockTypesWithId.has(node.type.name)) return !node.isTextblock;
    const id = String(node.attrs.id ?? '');
    if (id === '' || seen.has(id)) {
      transaction ??= state.tr;
      const fresh = newBlockId();
      transaction.setNodeAttribute(pos, 'id', fresh);
      seen.add(fresh);
    } else {
      seen.add(id);
    }
    return !node.isTextblock;
  });
  return transaction;
}

function withoutIds(fragment: Fragment): Fragment {
  const children: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    const attrs = blockTypesWithId.has(node.type.name) ? { ...node.attrs, id: '' } : node.attrs;
    children.push(node.isTextblock ? node.type.create(attrs, node.content, node.marks) : node.type.create(attrs, withoutIds(node.content), node.marks));
  });
  return Fragment.from(children);
}

/**
 * Keeps block ids stable and unique: a block keeps its id through edits and moves; a split,
 * a paste or a local insertion gets a fresh one. Remote changes are repaired in Yjs itself
 * ({@link repairDuplicateIdsInYjs}): ProseMirror changes made while y-prosemirror applies a
 * remote change would never reach the Y.Doc. Pasted copies lose their ids; a drag that moves
 * blocks keeps them.
 */
export function blockIdsPlugin(fragment?: Y.XmlFragment): Plugin<boolean> {
  return new Plugin<boolean>({
    key: blockIdsKey,
    state: {
      // Typing keeps ids as they were: only a structural change (or a start without ids) needs a check.
      init: () => false,
      apply: (transaction, checked) => transaction.getMeta(blockIdsKey) === true || (checked && (!transaction.docChanged || isTextOnlyChange(transaction))),
    },
    view: () => {
      if (fragment === undefined) return {};
      const repair = (_events: unknown, transaction: Y.Transaction): void => {
        if (transaction.origin !== ySyncPluginKey) repairDuplicateIdsInYjs(fragment);
      };
      fragment.observeDeep(repair);
      return { destroy: () => fragment.unobserveDeep(repair) };
    },
    props: {
      transformPasted: (slice, view) => (view.dragging?.move ? slice : new Slice(withoutIds(slice.content), slice.openStart, slice.openEnd)),
    },
    appendTransaction: (transactions, _oldState, newState) => {
      if (blockIdsKey.getState(newState) === true) return null;
      const local = transactions.some((transaction) => transaction.docChanged && !isRemoteChange(transaction));
      if (!local) return null;
      const transaction = assignMissingBlockIds(newState) ?? newState.tr;
      return transaction.setMeta(blockIdsKey, true).setMeta('addToHistory', false);
    },
  });
}
