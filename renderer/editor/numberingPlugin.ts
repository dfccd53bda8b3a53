import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { computeNumbering, type NumberedBlock, type Numbering } from '../../shared/schema/numbering';
import { isTextOnlyChange } from '../../shared/schema/textOnlyChange';

/** State of {@link numberingPlugin}. */
export interface NumberingState {
  numbering: Numbering;
  /** Block by id. */
  byId: Map<string, NumberedBlock>;
  /** Labels drawn before paragraphs, sub-paragraphs and objective headings. */
  decorations: DecorationSet;
  /** Changes whenever the structure (order, ids, statuses, headings) changes, not on typing. */
  structureVersion: number;
  signature: string;
}

/** Key of {@link numberingPlugin}. */
export const numberingKey = new PluginKey<NumberingState>('numbering');

/** True for a transaction by which y-prosemirror brings in changes from the Y.Doc (other replicas). */
export function isRemoteChange(transaction: Transaction): boolean {
  return (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

function signatureOf(numbering: Numbering): string {
  return numbering.blocks.map((block) => `${block.kind[0]}${block.id}${block.status ?? ''}${block.kind === 'section' || block.kind === 'objective' ? block.text : ''}`).join('|');
}

function buildDecorations(doc: ProseMirrorNode, numbering: Numbering): DecorationSet {
  const decorations: Decoration[] = [];
  for (const block of numbering.blocks) {
    const node = doc.nodeAt(block.pos);
    if (node === null) continue;
    if (block.kind === 'paragraph' || block.kind === 'subparagraph') {
      decorations.push(Decoration.node(block.pos, block.pos + node.nodeSize, { 'data-label': block.label }));
    } else if (block.kind === 'objective' && node.firstChild !== null) {
      const headingPos = block.pos + 1;
      decorations.push(Decoration.node(headingPos, headingPos + node.firstChild.nodeSize, { 'data-label': `${block.label}:` }));
    }
  }
  return DecorationSet.create(doc, decorations);
}

function stateFor(doc: ProseMirrorNode, previous: NumberingState | null, redraw = false): NumberingState {
  const numbering = computeNumbering(doc);
  const signature = signatureOf(numbering);
  const byId = new Map(numbering.blocks.map((block) => [block.id, block]));
  const structureChanged = previous === null || previous.signature !== signature;
  return {
    numbering, byId, signature,
    decorations: structureChanged || redraw ? buildDecorations(doc, numbering) : previous.decorations,
    structureVersion: structureChanged ? (previous?.structureVersion ?? 0) + 1 : previous.structureVersion,
  };
}

function shiftedState(value: NumberingState, transaction: Transaction, decorations: DecorationSet): NumberingState {
  const mapping = transaction.mapping;
  const blocks = value.numbering.blocks.map((block) => ({ ...block, pos: mapping.map(block.pos, 1), end: mapping.map(block.end, -1) }));
  return {
    ...value, decorations,
    numbering: { ...value.numbering, blocks },
    byId: new Map(blocks.map((block) => [block.id, block])),
  };
}

/**
 * Computes paragraph numbers and sub-paragraph letters live and draws them as decorations
 * (`data-label`, shown by CSS), so they are never part of the text. Labels are rebuilt only
 * when the structure changes; typing just maps them.
 */
export function numberingPlugin(): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => stateFor(state.doc, null),
      apply: (transaction, value, _oldState, newState) => {
        if (!transaction.docChanged) return value;
        // y-prosemirror applies remote changes as one replace of the whole document, which maps
        // every label away: redraw them then.
        if (isRemoteChange(transaction)) return stateFor(newState.doc, value, true);
        const decorations = value.decorations.map(transaction.mapping, newState.doc);
        // Typing changes no structure: shift the positions instead of walking the whole text.
        if (isTextOnlyChange(transaction)) return shiftedState(value, transaction, decorations);
        return stateFor(newState.doc, { ...value, decorations });
      },
    },
    props: {
      decorations: (state) => numberingKey.getState(state)?.decorations,
    },
  });
}

/** The numbering of an editor state (empty when the plugin is absent). */
export function numberingOf(state: EditorState): NumberingState | undefined {
  return numberingKey.getState(state);
}
