import { EditorState, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { initProseMirrorDoc, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { documentLayout } from '../../shared/domain/documentLayout';
import { negotiationSchema } from '../../shared/schema/negotiationSchema';
import { blockIdsPlugin } from './blockIdsPlugin';
import { deletionKnowledgePlugin } from './deletionKnowledgePlugin';
import { negotiationKeymap } from './negotiationKeymap';
import { numberingPlugin } from './numberingPlugin';
import { remoteCursorsPlugin } from './remoteCursors';
import { proposalModePlugin, proposalModeTransaction, type ProposalModeOptions } from './proposalModePlugin';
import { createProposal, newProposalId, readProposal } from '../../shared/domain/proposals';

/** Options of {@link createNegotiationEditor}. */
export interface NegotiationEditorOptions {
  /** Called after every state change (selection or content). */
  onStateChange?: (state: EditorState, transaction: Transaction) => void;
  /** Called when proposal mode refuses an edit it cannot record as a proposal. */
  onRefusedEdit?: () => void;
  /** Presence of a shared workspace: the others' cursors are drawn, this user's is published. */
  awareness?: Awareness;
  /** Whether the text may be edited now (false while a sync token only reads); re-read on `setProps`. */
  editable?: () => boolean;
}

/** Proposal mode's link to the Y.Doc: ids and records of new proposals. */
function proposalRecords(ydoc: Y.Doc): ProposalModeOptions {
  return {
    newPid: () => newProposalId(ydoc),
    isOpen: (pid) => {
      const status = readProposal(ydoc, pid)?.status;
      return status === undefined || status === 'pending';
    },
    onNewProposal: (request) => {
      createProposal(ydoc, {
        kind: request.kind, proposers: request.settings.proposers, onBehalfOf: request.settings.onBehalfOf,
        round: request.settings.round, paragraphId: request.paragraphId,
      }, null, { id: request.pid });
    },
  };
}

/** The editor's plugins, in order; shared by the view and by tests on EditorState. */
export function negotiationPlugins(fragment: Y.XmlFragment, mapping: ReturnType<typeof initProseMirrorDoc>['mapping']) {
  return [
    ySyncPlugin(fragment, { mapping }),
    yUndoPlugin(),
    numberingPlugin(),
    blockIdsPlugin(fragment),
    proposalModePlugin(),
    deletionKnowledgePlugin(fragment),
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
  const plugins = negotiationPlugins(fragment, mapping);
  if (options.awareness !== undefined) plugins.push(remoteCursorsPlugin(options.awareness));
  const state = EditorState.create({ schema: negotiationSchema, doc, plugins });
  const records = proposalRecords(ydoc);
  const view: EditorView = new EditorView(mount, {
    state,
    attributes: { class: 'zd-text', spellcheck: 'true', 'aria-label': 'Negotiation text' },
    editable: () => options.editable?.() ?? true,
    dispatchTransaction(transaction) {
      // In proposal mode an edit becomes a proposal (or is refused); otherwise it passes as is.
      const converted = proposalModeTransaction(view.state, transaction, records);
      if (converted === null) {
        options.onRefusedEdit?.();
        return;
      }
      const next = view.state.apply(converted.tr);
      view.updateState(next);
      if (converted.request !== null) records.onNewProposal(converted.request);
      options.onStateChange?.(next, converted.tr);
    },
  });
  return view;
}
