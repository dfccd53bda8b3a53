import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { negotiationSchema as schema } from '../../shared/schema/negotiationSchema';
import { blockIdsPlugin } from '../../renderer/editor/blockIdsPlugin';
import { numberingPlugin } from '../../renderer/editor/numberingPlugin';
import { splitNegotiationBlock } from '../../renderer/editor/negotiationCommands';
import {
  proposalModePlugin, proposalModeTransaction, setProposalMode, type ProposalModeOptions, type ProposalRequest,
} from '../../renderer/editor/proposalModePlugin';
import { editorState as baseState, posOfText, sampleDoc } from './negotiationTestKit';

const eu = { proposers: ['EU'], onBehalfOf: null, round: 1 };
const g77 = { proposers: ['G77'], onBehalfOf: null, round: 1 };

/** An editor state with proposal mode, and a dispatcher that runs transactions through it. */
function session(doc: ProseMirrorNode = sampleDoc(), isOpen?: (pid: string) => boolean) {
  let state: EditorState = baseState(doc, [numberingPlugin(), blockIdsPlugin(), proposalModePlugin()]);
  let counter = 0;
  const requests: ProposalRequest[] = [];
  const options: ProposalModeOptions = { newPid: () => `p${++counter}`, onNewProposal: (request) => requests.push(request), isOpen };
  const dispatch = (transaction: Transaction): boolean => {
    const converted = proposalModeTransaction(state, transaction, options);
    if (converted === null) return false;
    state = state.apply(converted.tr);
    if (converted.request !== null) options.onNewProposal(converted.request);
    return true;
  };
  return {
    get state() { return state; },
    requests,
    dispatch,
    mode: (settings: typeof eu | null) => { state = state.apply(setProposalMode(state, settings)); },
    cursor: (text: string, offset = 0) => { state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOfText(state.doc, text) + offset))); },
    select: (text: string) => { const from = posOfText(state.doc, text); state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, from + text.length))); },
  };
}

/** The text of the textblock holding `text`, with marks written as [+pid:...] and [-pid:...]. */
function marked(state: EditorState, text: string): string {
  const $pos = state.doc.resolve(posOfText(state.doc, text));
  let out = '';
  $pos.parent.forEach((node) => {
    const marks = node.marks.filter((mark) => mark.type === schema.marks.insertion || mark.type === schema.marks.deletion)
      .map((mark) => `${mark.type === schema.marks.insertion ? '+' : '-'}${String(mark.attrs.pid)}`).sort();
    out += marks.length === 0 ? node.text : `[${marks.join(',')}:${node.text}]`;
  });
  return out;
}

describe('proposal mode', () => {
  it('leaves edits alone while off, and records typed text as an insertion of the proposing delegation while on', () => {
    const editor = session();
    editor.cursor('Alpha one', 5);
    editor.dispatch(editor.state.tr.insertText('X'));
    expect(marked(editor.state, 'AlphaX')).toBe('AlphaX one');
    editor.mode(eu);
    editor.dispatch(editor.state.tr.insertText(' new'));
    editor.dispatch(editor.state.tr.insertText(' words'));
    expect(marked(editor.state, 'AlphaX')).toBe('AlphaX[+p1: new words] one');
    expect(editor.requests).toEqual([{ pid: 'p1', kind: 'add', paragraphId: expect.any(String), settings: eu }]);
  });

  it('keeps deleted text, struck through, and deletes for real only the proposal\'s own new words', () => {
    const editor = session();
    editor.mode(eu);
    editor.cursor('Bravo two', 9);
    editor.dispatch(editor.state.tr.insertText('!!'));
    editor.dispatch(editor.state.tr.delete(editor.state.selection.from - 1, editor.state.selection.from));
    expect(marked(editor.state, 'Bravo two')).toBe('Bravo two[+p1:!]');
    editor.cursor('Bravo two', 5);
    editor.dispatch(editor.state.tr.delete(editor.state.selection.from - 1, editor.state.selection.from));
    expect(marked(editor.state, 'Bravo two')).toBe('Brav[-p2:o] two[+p1:!]');
    expect(editor.state.selection.from).toBe(posOfText(editor.state.doc, 'Brav') + 4);
    expect(editor.requests.map((request) => request.kind)).toEqual(['add', 'delete']);
  });

  it('starts a new proposal when the one being typed was decided meanwhile (no words added after acceptance)', () => {
    const decided = new Set<string>();
    const editor = session(sampleDoc(), (pid) => !decided.has(pid));
    editor.mode(eu);
    editor.cursor('Hotel eight', 5);
    editor.dispatch(editor.state.tr.insertText(' new'));
    decided.add('p1');
    editor.dispatch(editor.state.tr.insertText(' late'));
    expect(marked(editor.state, 'Hotel')).toBe('Hotel[+p1: new][+p2: late] eight');
  });

  it('proposes changes to headings too, and refuses edits of the title block in proposal mode', () => {
    const editor = session();
    editor.mode(eu);
    editor.cursor('Safe migration', 4);
    editor.dispatch(editor.state.tr.insertText(' and regular'));
    expect(marked(editor.state, 'Safe')).toBe('Safe[+p1: and regular] migration');
    editor.cursor('Global Compact', 6);
    const before = editor.state.doc;
    expect(editor.dispatch(editor.state.tr.insertText('!'))).toBe(false);
    expect(editor.state.doc.eq(before)).toBe(true);
  });

  it('files a proposal in a sub-paragraph under the paragraph it belongs to', () => {
    const editor = session();
    editor.mode(g77);
    editor.cursor('bravo b', 7);
    editor.dispatch(editor.state.tr.insertText(' more'));
    const bravo = editor.state.doc.resolve(posOfText(editor.state.doc, 'Bravo two')).parent;
    expect(editor.requests[0]).toMatchObject({ kind: 'add', paragraphId: bravo.attrs.id });
  });

  it('records typing over a selection as one replacement', () => {
    const editor = session();
    editor.mode(eu);
    editor.select('three');
    editor.dispatch(editor.state.tr.insertText('3'));
    expect(marked(editor.state, 'Charlie')).toBe('Charlie [-p1:three][+p1:3]');
    expect(editor.requests[0]).toMatchObject({ pid: 'p1', kind: 'replace' });
  });

  it('lets two delegations propose on the same words, and typing inside another\'s deletion does not inherit it', () => {
    const editor = session();
    editor.mode(eu);
    editor.select('four');
    editor.dispatch(editor.state.tr.deleteSelection());
    editor.mode(g77);
    const from = posOfText(editor.state.doc, 'four');
    editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, from + 4)));
    editor.dispatch(editor.state.tr.deleteSelection());
    expect(marked(editor.state, 'Delta')).toBe('Delta [-p1,-p2:four]');
    // G77 goes on editing its own proposal: the new words join it (a replacement) and carry
    // neither deletion mark.
    editor.cursor('four', 2);
    editor.dispatch(editor.state.tr.insertText('xx'));
    expect(marked(editor.state, 'Delta')).toBe('Delta [-p1,-p2:fo][+p2:xx][-p1,-p2:ur]');
    // The EU, typing there afterwards, starts a proposal of its own.
    editor.mode(eu);
    editor.cursor('xx', 1);
    editor.dispatch(editor.state.tr.insertText('y'));
    expect(marked(editor.state, 'Delta')).toBe('Delta [-p1,-p2:fo][+p2:x][+p3:y][+p2:x][-p1,-p2:ur]');
  });

  it('makes a new paragraph a proposal, and refuses what it cannot record (joining paragraphs)', () => {
    const editor = session();
    editor.mode(eu);
    editor.cursor('Hotel eight', 'Hotel eight'.length);
    expect(splitNegotiationBlock(editor.state, editor.dispatch)).toBe(true);
    const newParagraph = editor.state.selection.$from.parent;
    expect(newParagraph.attrs.proposal).toBe('p1');
    expect(editor.requests[0]).toMatchObject({ kind: 'new-paragraph', paragraphId: newParagraph.attrs.id });
    editor.dispatch(editor.state.tr.insertText('Proposed text'));
    expect(editor.state.selection.$from.parent.textContent).toBe('Proposed text');
    const before = editor.state.doc;
    const join = posOfText(editor.state.doc, 'Bravo two') - 1;
    expect(editor.dispatch(editor.state.tr.join(join))).toBe(false);
    expect(editor.state.doc.eq(before)).toBe(true);
  });
});
