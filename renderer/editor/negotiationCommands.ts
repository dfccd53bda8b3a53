import { Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as ProseMirrorNode, ResolvedPos } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { newBlockId } from '../../shared/schema/blockId';
import { negotiationSchema as schema, type ParagraphStatus } from '../../shared/schema/negotiationSchema';
import { numberingOf } from './numberingPlugin';
import { moveChildrenInYjs } from './yjsStructure';

const numberedTypes = new Set(['paragraph', 'subparagraph']);

function freshAttrs(typeName: string): Record<string, unknown> {
  return typeName === 'paragraph' ? { id: newBlockId(), status: 'open' } : { id: newBlockId() };
}

/** The textblock holding the selection's start: its node, depth and position. */
function textblockAt($pos: ResolvedPos): { node: ProseMirrorNode; depth: number; pos: number } {
  return { node: $pos.parent, depth: $pos.depth, pos: $pos.before($pos.depth) };
}

function finish(transaction: Transaction, dispatch: ((tr: Transaction) => void) | undefined): boolean {
  dispatch?.(transaction.scrollIntoView());
  return true;
}

/**
 * Enter: a new paragraph after a paragraph, a new sub-paragraph after a sub-paragraph (an empty
 * sub-paragraph becomes a paragraph instead), a first paragraph after a heading. At the start of
 * a block an empty block is inserted before it, so the text keeps its id.
 */
export const splitNegotiationBlock: Command = (state, dispatch) => {
  const transaction = state.tr;
  if (!state.selection.empty) transaction.deleteSelection();
  const $from = transaction.selection.$from;
  const { node, depth, pos } = textblockAt($from);
  const typeName = node.type.name;
  if (numberedTypes.has(typeName)) {
    if (typeName === 'subparagraph' && node.content.size === 0) {
      return finish(transaction.setNodeMarkup(pos, schema.nodes.paragraph, { id: node.attrs.id, status: 'open', proposal: node.attrs.proposal }), dispatch);
    }
    if ($from.parentOffset === 0 && node.content.size > 0) {
      transaction.insert(pos, node.type.create(freshAttrs(typeName)));
      return finish(transaction, dispatch);
    }
    transaction.split($from.pos, 1, [{ type: node.type, attrs: freshAttrs(typeName) }]);
    return finish(transaction, dispatch);
  }
  if (typeName === 'sectionHeading' || typeName === 'objectiveHeading') {
    const after = $from.after(depth);
    transaction.insert(after, schema.nodes.paragraph.create(freshAttrs('paragraph')));
    transaction.setSelection(TextSelection.create(transaction.doc, after + 1));
    return finish(transaction, dispatch);
  }
  // Title lines: Enter moves to the next line.
  const next = Selection.findFrom(transaction.doc.resolve($from.after(depth)), 1, true);
  if (next) transaction.setSelection(next);
  return finish(transaction, dispatch);
};

/** Index range in the parent of the block at a position, with a paragraph's sub-paragraphs. */
function groupAt($from: ResolvedPos): { parent: ProseMirrorNode; parentStart: number; from: number; to: number } | null {
  const { node, depth } = textblockAt($from);
  if (!numberedTypes.has(node.type.name) || depth < 1) return null;
  const parent = $from.node(depth - 1);
  const from = $from.index(depth - 1);
  let to = from + 1;
  if (node.type.name === 'paragraph') {
    while (to < parent.childCount && parent.child(to).type.name === 'subparagraph') to += 1;
  }
  return { parent, parentStart: $from.start(depth - 1), from, to };
}

function offsetOfIndex(parent: ProseMirrorNode, parentStart: number, index: number): number {
  let offset = parentStart;
  for (let i = 0; i < index; i += 1) offset += parent.child(i).nodeSize;
  return offset;
}

/** Start index of the sibling group just before `index` (a paragraph with its sub-paragraphs, or an objective). */
function previousGroupStart(parent: ProseMirrorNode, index: number): number {
  let start = index - 1;
  while (start > 1 && parent.child(start).type.name === 'subparagraph') start -= 1;
  return start;
}

/** End index (exclusive) of the sibling group starting at `index`. */
function nextGroupEnd(parent: ProseMirrorNode, index: number): number {
  let end = index + 1;
  if (parent.child(index).type.name === 'paragraph') {
    while (end < parent.childCount && parent.child(end).type.name === 'subparagraph') end += 1;
  }
  return end;
}

/** Where a group moves: the index range it occupies and the index it goes before (in the old order). */
function moveTarget(group: NonNullable<ReturnType<typeof groupAt>>, direction: -1 | 1): number | null {
  const { parent, from, to } = group;
  const isSubparagraph = parent.child(from).type.name === 'subparagraph';
  if (direction === -1) {
    // Index 0 is the heading: nothing moves above it.
    if (from <= 1 || (isSubparagraph && parent.child(from - 1).type.name !== 'subparagraph')) return null;
    return isSubparagraph ? from - 1 : previousGroupStart(parent, from);
  }
  if (to >= parent.childCount || (isSubparagraph && parent.child(to).type.name !== 'subparagraph')) return null;
  return isSubparagraph ? to + 1 : nextGroupEnd(parent, to);
}

/** Where Alt+Up/Down would take the block at the cursor: its id, its container's id and the block it would follow (null: the heading). */
export function plannedMove(state: EditorState, direction: -1 | 1): { movedId: string; containerId: string; afterId: string | null } | null {
  const group = groupAt(state.selection.$from);
  const target = group === null ? null : moveTarget(group, direction);
  if (group === null || target === null) return null;
  const after = target - 1;
  return {
    movedId: String(group.parent.child(group.from).attrs.id),
    containerId: String(group.parent.attrs.id ?? ''),
    afterId: after <= 0 ? null : String(group.parent.child(after).attrs.id),
  };
}

function moveGroup(state: EditorState, direction: -1 | 1, dispatch?: (tr: Transaction) => void, view?: EditorView): boolean {
  const group = groupAt(state.selection.$from);
  const target = group === null ? null : moveTarget(group, direction);
  if (group === null || target === null) return false;
  if (!dispatch) return true;
  const { parent, parentStart, from, to } = group;
  const groupFrom = offsetOfIndex(parent, parentStart, from);
  const cursorOffset = state.selection.from - groupFrom;
  const movedId = String(parent.child(from).attrs.id);
  if (view !== undefined && moveChildrenInYjs(view, parent, from, to, target)) {
    // The Yjs change has reached the editor; put the cursor back where it was in the moved text.
    const moved = numberingOf(view.state)?.byId.get(movedId);
    if (moved !== undefined) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, moved.pos + cursorOffset)).scrollIntoView());
    return true;
  }
  const groupTo = offsetOfIndex(parent, parentStart, to);
  const content = parent.slice(groupFrom - parentStart, groupTo - parentStart).content;
  const targetPos = offsetOfIndex(parent, parentStart, target);
  const transaction = state.tr;
  if (direction === -1) {
    transaction.delete(groupFrom, groupTo).insert(targetPos, content);
    transaction.setSelection(TextSelection.create(transaction.doc, targetPos + cursorOffset));
  } else {
    transaction.insert(targetPos, content).delete(groupFrom, groupTo);
    transaction.setSelection(TextSelection.create(transaction.doc, targetPos - (groupTo - groupFrom) + cursorOffset));
  }
  return finish(transaction, dispatch);
}

/** Alt+Up: moves the paragraph (with its sub-paragraphs) or sub-paragraph above the previous one. Ids stay. */
export const moveBlockUp: Command = (state, dispatch, view) => moveGroup(state, -1, dispatch, view);
/** Alt+Down: moves the paragraph (with its sub-paragraphs) or sub-paragraph below the next one. Ids stay. */
export const moveBlockDown: Command = (state, dispatch, view) => moveGroup(state, 1, dispatch, view);

/** Tab: makes the paragraph at the cursor a sub-paragraph of the one before (its id stays). */
export const indentBlock: Command = (state, dispatch) => {
  const { node, pos } = textblockAt(state.selection.$from);
  if (node.type.name !== 'paragraph') return numberedTypes.has(node.type.name) || node.isTextblock;
  return finish(state.tr.setNodeMarkup(pos, schema.nodes.subparagraph, { id: node.attrs.id, proposal: node.attrs.proposal }), dispatch);
};

/** Shift+Tab: makes the sub-paragraph at the cursor a paragraph of its own (its id stays). */
export const outdentBlock: Command = (state, dispatch) => {
  const { node, pos } = textblockAt(state.selection.$from);
  if (node.type.name !== 'subparagraph') return node.isTextblock;
  return finish(state.tr.setNodeMarkup(pos, schema.nodes.paragraph, { id: node.attrs.id, status: 'open', proposal: node.attrs.proposal }), dispatch);
};

/** Inserts an empty block of `typeName` right after the cursor's block (or group) and moves into it. */
function insertAfter(typeName: 'paragraph' | 'subparagraph', afterGroup: boolean): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from;
    const { node, depth } = textblockAt($from);
    if (!numberedTypes.has(node.type.name) && node.type.name !== 'sectionHeading' && node.type.name !== 'objectiveHeading') return false;
    let insertAt = $from.after(depth);
    if (afterGroup) {
      // From a sub-paragraph, the new paragraph goes after its paragraph's last sub-paragraph.
      const paragraph = paragraphAtCursor(state);
      const group = paragraph === null ? null : groupAt(state.doc.resolve(paragraph.pos + 1));
      if (group !== null) insertAt = offsetOfIndex(group.parent, group.parentStart, group.to);
    }
    const transaction = state.tr.insert(insertAt, schema.nodes[typeName]!.create(freshAttrs(typeName)));
    transaction.setSelection(TextSelection.create(transaction.doc, insertAt + 1));
    return finish(transaction, dispatch);
  };
}

/** Mod+Shift+Enter: a new sub-paragraph after the current block. */
export const insertSubparagraph: Command = insertAfter('subparagraph', false);
/** Mod+Enter: a new paragraph after the current paragraph and its sub-paragraphs. */
export const insertParagraph: Command = insertAfter('paragraph', true);

/** The paragraph a cursor is in, or that its sub-paragraph belongs to. */
export function paragraphAtCursor(state: EditorState): { node: ProseMirrorNode; pos: number } | null {
  return paragraphAt(state.selection.$from);
}

/** The paragraph holding a position, or that the sub-paragraph holding it belongs to. */
export function paragraphAt($from: ResolvedPos): { node: ProseMirrorNode; pos: number } | null {
  const { node, depth, pos } = textblockAt($from);
  if (node.type.name === 'paragraph') return { node, pos };
  if (node.type.name !== 'subparagraph' || depth < 1) return null;
  const parent = $from.node(depth - 1);
  const parentStart = $from.start(depth - 1);
  for (let index = $from.index(depth - 1) - 1; index >= 0; index -= 1) {
    const sibling = parent.child(index);
    if (sibling.type.name === 'paragraph') return { node: sibling, pos: offsetOfIndex(parent, parentStart, index) };
    if (sibling.type.name !== 'subparagraph') return null;
  }
  return null;
}

/** Sets the negotiation status of the paragraph at the cursor. */
export function setParagraphStatus(status: ParagraphStatus): Command {
  return (state, dispatch) => {
    const paragraph = paragraphAtCursor(state);
    if (paragraph === null) return false;
    return finish(state.tr.setNodeAttribute(paragraph.pos, 'status', status), dispatch);
  };
}

/** Ctrl+Home: the very start of the text, even when far sections are not laid out yet. */
export const goToStart: Command = (state, dispatch) => finish(state.tr.setSelection(Selection.atStart(state.doc)), dispatch);
/** Ctrl+End: the very end of the text (the browser's own would stop at the last laid-out section). */
export const goToEnd: Command = (state, dispatch) => finish(state.tr.setSelection(Selection.atEnd(state.doc)), dispatch);

/** Puts the cursor at the start of the block with this id. */
export function goToBlock(id: string, pos: number): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (node === null || node.attrs.id !== id) return false;
    const selection = Selection.findFrom(state.doc.resolve(pos + 1), 1, true);
    if (selection === null) return false;
    return finish(state.tr.setSelection(selection), dispatch);
  };
}
