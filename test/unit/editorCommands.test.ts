import { describe, it, expect } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Fragment, Slice, type Node as ProseMirrorNode } from 'prosemirror-model';
import { builders } from 'prosemirror-test-builder';
import { ySyncPluginKey } from 'y-prosemirror';
import { negotiationSchema } from '../../shared/schema/negotiationSchema';
import { computeNumbering } from '../../shared/schema/numbering';
import {
  goToBlock, goToEnd, goToStart, indentBlock, insertParagraph, insertSubparagraph, moveBlockDown, moveBlockUp,
  outdentBlock, setParagraphStatus, splitNegotiationBlock,
} from '../../renderer/editor/negotiationCommands';
import { numberingOf } from '../../renderer/editor/numberingPlugin';
import {
  allBlockIds, blockWithText, editorState, idsByText, labels, posOfText, run, runOk, withCursor,
} from './negotiationTestKit';

const b = builders(negotiationSchema);
const idPattern = /^[a-z0-9]{12}$/;

function cursorBlockText(state: EditorState): string {
  return state.selection.$from.parent.textContent;
}

function expectUniqueIds(doc: ProseMirrorNode): void {
  const ids = allBlockIds(doc);
  expect(ids.every((id) => idPattern.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
}

/** The labels the numbering plugin draws: `from-to label`. */
function drawnLabels(state: EditorState): string[] {
  const decorations = numberingOf(state)?.decorations.find() ?? [];
  return decorations
    .map((decoration) => `${decoration.from}-${decoration.to} ${(decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-label']}`)
    .sort();
}

function expectedLabels(doc: ProseMirrorNode): string[] {
  return computeNumbering(doc).blocks.flatMap((block) => {
    if (block.kind === 'paragraph' || block.kind === 'subparagraph') return [`${block.pos}-${block.end} ${block.label}`];
    if (block.kind === 'objective') return [`${block.pos + 1}-${block.pos + 1 + doc.nodeAt(block.pos + 1)!.nodeSize} ${block.label}:`];
    return [];
  }).sort();
}

describe('splitNegotiationBlock (Enter)', () => {
  it('in the middle: the first half keeps the id, the second half is a new paragraph with a fresh id', () => {
    const start = withCursor(editorState(), 'Alpha one', 5);
    const before = idsByText(start.doc);
    const state = runOk(start, splitNegotiationBlock);
    expect(labels(state.doc).slice(0, 3)).toEqual(['1. Alpha', '2.  one', '3. Bravo two']);
    expect(blockWithText(state.doc, 'Alpha').id).toBe(before.get('Alpha one'));
    const fresh = blockWithText(state.doc, ' one');
    expect(fresh.id).toMatch(idPattern);
    expect([...before.values()]).not.toContain(fresh.id);
    expect(cursorBlockText(state)).toBe(' one');
    expect(state.selection.$from.parentOffset).toBe(0);
    expectUniqueIds(state.doc);
  });

  it('a new paragraph split from an agreed one is open', () => {
    const state = runOk(withCursor(editorState(), 'Foxtrot six', 7), splitNegotiationBlock);
    expect(blockWithText(state.doc, 'Foxtrot').status).toBe('agreed');
    expect(blockWithText(state.doc, ' six').status).toBe('open');
  });

  it('at the end: an empty paragraph after, with a fresh id, holding the cursor', () => {
    const start = withCursor(editorState(), 'Hotel eight', 11);
    const state = runOk(start, splitNegotiationBlock);
    expect(labels(state.doc).slice(-2)).toEqual(['8. Hotel eight', '9.']);
    expect(blockWithText(state.doc, 'Hotel eight').id).toBe(blockWithText(start.doc, 'Hotel eight').id);
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(cursorBlockText(state)).toBe('');
    expectUniqueIds(state.doc);
  });

  it('at the end of a sub-paragraph: a new sub-paragraph', () => {
    const state = runOk(withCursor(editorState(), 'echo b', 6), splitNegotiationBlock);
    expect(labels(state.doc).slice(7, 12)).toEqual(['5. Echo five', '(a) echo a', '(b) echo b', '(c)', '6. Foxtrot six']);
    expectUniqueIds(state.doc);
  });

  it('at the start of a non-empty paragraph: an empty paragraph before; the text keeps its id and number shifts', () => {
    const start = withCursor(editorState(), 'Echo five', 0);
    const before = idsByText(start.doc);
    const state = runOk(start, splitNegotiationBlock);
    expect(labels(state.doc).slice(7, 12)).toEqual(['5.', '6. Echo five', '(a) echo a', '(b) echo b', '7. Foxtrot six']);
    expect(idsByText(state.doc)).toEqual(before);
    expect(cursorBlockText(state)).toBe('Echo five');
    expect(state.selection.$from.parentOffset).toBe(0);
    expectUniqueIds(state.doc);
  });

  it('on an empty sub-paragraph: it becomes a paragraph, keeping its id', () => {
    let state = runOk(withCursor(editorState(), 'echo b', 6), splitNegotiationBlock);
    const emptyId = state.selection.$from.parent.attrs.id as string;
    state = runOk(state, splitNegotiationBlock);
    expect(labels(state.doc).slice(7, 12)).toEqual(['5. Echo five', '(a) echo a', '(b) echo b', '6.', '7. Foxtrot six']);
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(state.selection.$from.parent.attrs).toEqual({ id: emptyId, status: 'open', proposal: null });
  });

  it('in a section heading: a new first paragraph of the section', () => {
    const start = withCursor(editorState(), 'Commitments', 4);
    const before = idsByText(start.doc);
    const state = runOk(start, splitNegotiationBlock);
    expect(idsByText(state.doc)).toEqual(before);
    expect(labels(state.doc).slice(3, 6)).toEqual(['(b) bravo b', '3.', '4. Charlie three']);
    expect(state.doc.child(2).child(1).type.name).toBe('paragraph');
    expect(state.selection.$from.parent).toBe(state.doc.child(2).child(1));
    expectUniqueIds(state.doc);
  });

  it('in an objective heading: a new first paragraph of the objective', () => {
    const state = runOk(withCursor(editorState(), 'Protect rights', 0), splitNegotiationBlock);
    expect(labels(state.doc).slice(6, 9)).toEqual(['(a) delta a', '5.', '6. Echo five']);
    expect(state.selection.$from.node(state.selection.$from.depth - 1).firstChild?.textContent).toBe('Protect rights');
  });

  it('replaces a selection, then splits', () => {
    const start = editorState();
    const from = posOfText(start.doc, 'Alpha one') + 2;
    const state = runOk(start.apply(start.tr.setSelection(TextSelection.create(start.doc, from, from + 5))), splitNegotiationBlock);
    expect(labels(state.doc).slice(0, 3)).toEqual(['1. Al', '2. ne', '3. Bravo two']);
  });

  it('in a title line: moves to the next line without changing the text', () => {
    const start = withCursor(editorState(), 'A/CONF', 3);
    const state = runOk(start, splitNegotiationBlock);
    expect(state.doc.eq(start.doc)).toBe(true);
    expect(state.selection.$from.parent.type.name).toBe('docStatus');
  });
});

describe('insertSubparagraph and insertParagraph', () => {
  it('insertSubparagraph adds an empty sub-paragraph right after the block and moves into it', () => {
    let state = runOk(withCursor(editorState(), 'Alpha one', 2), insertSubparagraph);
    expect(labels(state.doc).slice(0, 3)).toEqual(['1. Alpha one', '(a)', '2. Bravo two']);
    expect(state.selection.$from.parent.type.name).toBe('subparagraph');
    state = runOk(withCursor(state, 'bravo a', 1), insertSubparagraph);
    expect(labels(state.doc).slice(2, 6)).toEqual(['2. Bravo two', '(a) bravo a', '(b)', '(c) bravo b']);
    expectUniqueIds(state.doc);
  });

  it('insertParagraph adds a paragraph after the paragraph and its sub-paragraphs', () => {
    const state = runOk(withCursor(editorState(), 'Bravo two', 0), insertParagraph);
    expect(labels(state.doc).slice(1, 6)).toEqual(['2. Bravo two', '(a) bravo a', '(b) bravo b', '3.', '4. Charlie three']);
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(cursorBlockText(state)).toBe('');
    expectUniqueIds(state.doc);
  });

  it('insertParagraph from a section heading adds the first paragraph; from a title line does nothing', () => {
    const state = runOk(withCursor(editorState(), 'Follow-up', 0), insertParagraph);
    expect(labels(state.doc).slice(-2)).toEqual(['8.', '9. Hotel eight']);
    expect(run(withCursor(editorState(), 'Global Compact', 0), insertParagraph).applied).toBe(false);
  });

  // From inside a sub-paragraph the new paragraph goes after the whole group, so the later
  // sub-paragraphs keep their paragraph and letters.
  it('insertParagraph from a sub-paragraph adds the paragraph after the whole group', () => {
    const state = runOk(withCursor(editorState(), 'bravo a', 0), insertParagraph);
    expect(labels(state.doc).slice(1, 6)).toEqual(['2. Bravo two', '(a) bravo a', '(b) bravo b', '3.', '4. Charlie three']);
  });
});

describe('indentBlock and outdentBlock (Tab, Shift+Tab)', () => {
  it('nests paragraph 6 under paragraph 5 and back; the id stays, later numbers move by one', () => {
    const start = withCursor(editorState(), 'Foxtrot six', 3);
    const before = idsByText(start.doc);
    let state = runOk(start, indentBlock);
    expect(labels(state.doc).slice(7)).toEqual([
      '5. Echo five', '(a) echo a', '(b) echo b', '(c) Foxtrot six', '6. Golf seven', '(a) golf a', '7. Hotel eight',
    ]);
    expect(idsByText(state.doc)).toEqual(before);
    expect(blockWithText(state.doc, 'Foxtrot six').parentNumber).toBe(5);
    state = runOk(state, outdentBlock);
    expect(labels(state.doc).slice(7, 12)).toEqual(['5. Echo five', '(a) echo a', '(b) echo b', '6. Foxtrot six', '7. Golf seven']);
    expect(idsByText(state.doc)).toEqual(before);
    expect(blockWithText(state.doc, 'Foxtrot six').status).toBe('open');
  });

  it('indenting a paragraph with sub-paragraphs makes them all letters of the paragraph before', () => {
    const state = runOk(withCursor(editorState(), 'Golf seven', 0), indentBlock);
    expect(labels(state.doc).slice(10)).toEqual(['6. Foxtrot six', '(a) Golf seven', '(b) golf a', '7. Hotel eight']);
  });

  it('outdenting a sub-paragraph makes it a paragraph that takes the following letters', () => {
    const state = runOk(withCursor(editorState(), 'bravo a', 0), outdentBlock);
    expect(labels(state.doc).slice(0, 5)).toEqual(['1. Alpha one', '2. Bravo two', '3. bravo a', '(a) bravo b', '4. Charlie three']);
  });

  it('Tab on a sub-paragraph and Shift+Tab on a paragraph are swallowed without changes', () => {
    for (const [text, command] of [['bravo a', indentBlock], ['Bravo two', outdentBlock]] as const) {
      const start = withCursor(editorState(), text, 0);
      const result = run(start, command);
      expect(result.applied).toBe(true);
      expect(result.state.doc.eq(start.doc)).toBe(true);
    }
  });
});

describe('moveBlockUp and moveBlockDown (Alt+Up, Alt+Down)', () => {
  it('moves a paragraph with its sub-paragraphs; ids unchanged, numbers follow, cursor follows', () => {
    const start = withCursor(editorState(), 'Golf seven', 3);
    const before = idsByText(start.doc);
    let state = runOk(start, moveBlockUp);
    expect(labels(state.doc).slice(7)).toEqual([
      '5. Echo five', '(a) echo a', '(b) echo b', '6. Golf seven', '(a) golf a', '7. Foxtrot six', '8. Hotel eight',
    ]);
    expect(cursorBlockText(state)).toBe('Golf seven');
    expect(state.selection.$from.parentOffset).toBe(3);
    state = runOk(state, moveBlockUp);
    expect(labels(state.doc).slice(7, 11)).toEqual(['5. Golf seven', '(a) golf a', '6. Echo five', '(a) echo a']);
    expect(idsByText(state.doc)).toEqual(before);
    state = runOk(runOk(state, moveBlockDown), moveBlockDown);
    expect(labels(state.doc).slice(7, 14)).toEqual([
      '5. Echo five', '(a) echo a', '(b) echo b', '6. Foxtrot six', '7. Golf seven', '(a) golf a', '8. Hotel eight',
    ]);
    expect(cursorBlockText(state)).toBe('Golf seven');
  });

  it('moves a paragraph over one with sub-paragraphs in one step', () => {
    const state = runOk(withCursor(editorState(), 'Alpha one', 0), moveBlockDown);
    expect(labels(state.doc).slice(0, 5)).toEqual(['1. Bravo two', '(a) bravo a', '(b) bravo b', '2. Alpha one', '3. Charlie three']);
  });

  it('moves a sub-paragraph among its siblings only', () => {
    const state = runOk(withCursor(editorState(), 'bravo b', 0), moveBlockUp);
    expect(labels(state.doc).slice(1, 4)).toEqual(['2. Bravo two', '(a) bravo b', '(b) bravo a']);
    expect(run(withCursor(state, 'bravo b', 0), moveBlockUp).applied).toBe(false);
    expect(run(withCursor(state, 'bravo a', 0), moveBlockDown).applied).toBe(false);
  });

  it('is blocked at the heading and at the end of the container', () => {
    for (const text of ['Alpha one', 'Charlie three', 'Echo five', 'Hotel eight']) {
      const start = withCursor(editorState(), text, 0);
      expect(run(start, moveBlockUp).applied, text).toBe(false);
    }
    for (const text of ['Bravo two', 'Delta four', 'Golf seven', 'Hotel eight']) {
      expect(run(withCursor(editorState(), text, 0), moveBlockDown).applied, text).toBe(false);
    }
    expect(run(withCursor(editorState(), 'Preamble', 0), moveBlockDown).applied).toBe(false);
  });

  it('moves a paragraph of a section above an objective', () => {
    const doc = b.doc!(
      b.titleBlock!(b.docSymbol!(), b.docStatus!(), b.docDate!(), b.docTitle!('T')),
      b.section!({ id: 's1' }, b.sectionHeading!('H'),
        b.objective!({ id: 'o1' }, b.objectiveHeading!('Obj'), b.paragraph!({ id: 'p1' }, 'inside')),
        b.paragraph!({ id: 'p2' }, 'out<a>side')),
    );
    const start = editorState(doc);
    const state = runOk(start.apply(start.tr.setSelection(TextSelection.create(doc, (doc as ProseMirrorNode & { tag: Record<string, number> }).tag.a!))), moveBlockUp);
    expect(state.doc.child(1).child(1).attrs.id).toBe('p2');
    expect(labels(state.doc)).toEqual(['1. outside', '2. inside']);
    expect(cursorBlockText(state)).toBe('outside');
  });
});

describe('setParagraphStatus, goToStart, goToEnd, goToBlock', () => {
  it('sets the status of the paragraph at the cursor or of the sub-paragraph\'s paragraph', () => {
    let state = runOk(withCursor(editorState(), 'Echo five', 1), setParagraphStatus('agreed-ad-ref'));
    expect(blockWithText(state.doc, 'Echo five').status).toBe('agreed-ad-ref');
    state = runOk(withCursor(state, 'echo b', 1), setParagraphStatus('agreed'));
    expect(blockWithText(state.doc, 'Echo five').status).toBe('agreed');
    expect(run(withCursor(state, 'Preamble', 0), setParagraphStatus('agreed')).applied).toBe(false);
  });

  it('goToStart and goToEnd put the cursor at the very start and end of the text', () => {
    const state = runOk(withCursor(editorState(), 'Echo five', 2), goToStart);
    expect(state.selection.empty).toBe(true);
    expect(state.selection.$from.parent.type.name).toBe('docSymbol');
    expect(state.selection.$from.parentOffset).toBe(0);
    const end = runOk(state, goToEnd);
    expect(cursorBlockText(end)).toBe('Hotel eight');
    expect(end.selection.$from.parentOffset).toBe(11);
    expect(end.selection.from).toBe(end.doc.content.size - 2);
  });

  it('goToBlock moves to a block by id and position, refusing a stale pair', () => {
    const start = editorState();
    const golf = blockWithText(start.doc, 'Golf seven');
    const state = runOk(start, goToBlock(golf.id, golf.pos));
    expect(cursorBlockText(state)).toBe('Golf seven');
    expect(run(start, goToBlock('nope', golf.pos)).applied).toBe(false);
  });
});

describe('blockIdsPlugin', () => {
  it('gives a duplicated id a fresh id on the later block; the original keeps its id', () => {
    const start = editorState();
    const delta = blockWithText(start.doc, 'Delta four');
    const copy = start.doc.nodeAt(delta.pos)!;
    const golfEnd = blockWithText(start.doc, 'golf a').end;
    const { state, transactions } = start.applyTransaction(start.tr.insert(golfEnd, copy));
    const deltas = computeNumbering(state.doc).blocks.filter((block) => state.doc.nodeAt(block.pos)?.textContent === 'Delta four');
    expect(deltas.map((block) => block.label)).toEqual(['4.', '8.']);
    expect(deltas[0]!.id).toBe(delta.id);
    expect(deltas[1]!.id).not.toBe(delta.id);
    expectUniqueIds(state.doc);
    expect(transactions).toHaveLength(2);
    expect(transactions[1]!.getMeta('addToHistory')).toBe(false);
  });

  it('fills empty ids of inserted blocks and of a document built without ids', () => {
    let state = editorState();
    const at = blockWithText(state.doc, 'Alpha one').end;
    state = state.apply(state.tr.insert(at, Fragment.from([
      negotiationSchema.nodes.paragraph!.create(null, negotiationSchema.text('no id')),
      negotiationSchema.nodes.subparagraph!.create(),
    ])));
    expectUniqueIds(state.doc);
    const bare = b.doc!(b.titleBlock!(b.docSymbol!(), b.docStatus!(), b.docDate!(), b.docTitle!()),
      b.section!(b.sectionHeading!('H'), b.objective!(b.objectiveHeading!('O'), b.paragraph!('x'), b.subparagraph!('y'))));
    let bareState = editorState(bare);
    expect(allBlockIds(bareState.doc)).toEqual(['', '', '', '']);
    bareState = bareState.apply(bareState.tr.insertText('!', posOfText(bare, 'x')));
    expectUniqueIds(bareState.doc);
  });

  it('leaves selection-only transactions alone', () => {
    const start = editorState(b.doc!(b.titleBlock!(b.docSymbol!(), b.docStatus!(), b.docDate!(), b.docTitle!()), b.section!(b.sectionHeading!('H'), b.paragraph!('x'))));
    const { transactions } = start.applyTransaction(start.tr.setSelection(TextSelection.atEnd(start.doc)));
    expect(transactions).toHaveLength(1);
  });

  it('does not touch remote transactions (ySyncPluginKey isChangeOrigin)', () => {
    const start = editorState();
    const delta = blockWithText(start.doc, 'Delta four');
    const tr = start.tr.insert(delta.end, [start.doc.nodeAt(delta.pos)!, negotiationSchema.nodes.paragraph!.create()]);
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    const { state, transactions } = start.applyTransaction(tr);
    expect(transactions).toHaveLength(1);
    const ids = computeNumbering(state.doc).blocks.filter((block) => block.kind === 'paragraph').slice(3, 6).map((block) => block.id);
    expect(ids).toEqual([delta.id, delta.id, '']);
  });
});

describe('numberingPlugin', () => {
  it('keeps the numbering and a label for every numbered block and objective heading', () => {
    let state = editorState();
    expect(numberingOf(state)?.numbering).toEqual(computeNumbering(state.doc));
    expect(drawnLabels(state)).toEqual(expectedLabels(state.doc));
    state = runOk(withCursor(state, 'Echo five', 0), splitNegotiationBlock);
    expect(numberingOf(state)?.numbering).toEqual(computeNumbering(state.doc));
    expect(drawnLabels(state)).toEqual(expectedLabels(state.doc));
    const golf = blockWithText(state.doc, 'Golf seven');
    expect(numberingOf(state)?.byId.get(golf.id)).toEqual(golf);
  });

  it('changes the structure version on structural edits, not on typing', () => {
    let state = withCursor(editorState(), 'Echo five', 4);
    const version = numberingOf(state)!.structureVersion;
    state = state.apply(state.tr.insertText(' and more'));
    expect(numberingOf(state)!.structureVersion).toBe(version);
    expect(drawnLabels(state)).toEqual(expectedLabels(state.doc));
    state = runOk(state, setParagraphStatus('agreed'));
    expect(numberingOf(state)!.structureVersion).toBe(version + 1);
    state = runOk(state, moveBlockDown);
    expect(numberingOf(state)!.structureVersion).toBe(version + 2);
    expect(drawnLabels(state)).toEqual(expectedLabels(state.doc));
  });

  // y-prosemirror applies every remote change as one ReplaceStep over the whole document; mapping
  // the node decorations through it would delete them all, so remote changes redraw the labels.
  it('still draws every label after a remote whole-document replace that only changes text', () => {
    const start = editorState();
    const edited = start.apply(start.tr.insertText('!', posOfText(start.doc, 'Alpha one'))).doc;
    const tr = start.tr.replace(0, start.doc.content.size, new Slice(edited.content, 0, 0));
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    const state = start.apply(tr);
    expect(drawnLabels(state)).toEqual(expectedLabels(state.doc));
  });
});
