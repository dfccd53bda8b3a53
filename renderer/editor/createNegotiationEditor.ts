import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { initProseMirrorDoc, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import { documentLayout } from '../../shared/domain/documentLayout';
import { negotiationSchema } from '../../shared/schema/negotiationSchema';
import { blockIdsPlugin } from './blockIdsPlugin';
import { negotiationKeymap } from './negotiationKeymap';
import { numberingPlugin } from './numberingPlugin';

/** Options of {@link createNegotiationEditor}. */
export interface NegotiationEditorOptions {
  /** Called after every state change (selection or content). */
  onStateChange?: (state: EditorState, transaction: Transaction) => void;
}

/** The editor's plugins, in order; shared by the view and by tests on EditorState. */
export function negotiationPlugins(fragment: Y.XmlFragment, mapping: ReturnType<typeof initProseMirrorDoc>['mapping']) {
  return [
    ySyncPlugin(fragment, { mapping }),
    yUndoPlugin(),
    numberingPlugin(),
    blockIdsPlugin(fragment),
    ...negotiationKeymap(),
  ];
}

/**
 * One ProseMirror view over the negotiation's Y.Doc. The whole text is one editing host (so
 * selection, Ctrl+A and drag work across sections); sections are `content-visibility: auto`
 * boxes, so the browser only lays out what is on screen.
 */
export function createNegotiationEditor(mount: HTMLElement, ydoc: Y.Doc, options: NegotiationEditorOptions = {}): EditorView {
  const fragment = ydoc.getXmlFragment(documentLayout.draft);
  const { doc, mapping } = initProseMirrorDoc(fragment, negotiationSchema);
  const state = EditorState.create({ schema: negotiationSchema, doc, plugins: negotiationPlugins(fragment, mapping) });
  const view: EditorView = new EditorView(mount, {
    state,
    attributes: { class: 'zd-text', spellcheck: 'true', 'aria-label': 'Negotiation text' },
    dispatchTransaction(transaction) {
      const next = view.state.apply(transaction);
      view.updateState(next);
      options.onStateChange?.(next, transaction);
    },
  });
  return view;
}
