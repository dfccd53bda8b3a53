// @vitest-environment jsdom
import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedSample } from '../../electron/services/negotiationSeed';
import { computeCoverage } from '../../shared/domain/coverage';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';
import type { InputSource } from '../../shared/domain/inputs';
import { addLink, allLinks, linksOfParagraph } from '../../shared/domain/links';
import { computeNumbering } from '../../shared/schema/numbering';
import { createNegotiationEditor } from '../../renderer/editor/createNegotiationEditor';
import { indentBlock, moveBlockDown, splitNegotiationBlock } from '../../renderer/editor/negotiationCommands';

function paragraphs(doc: Parameters<typeof computeNumbering>[0]): { id: string; number: number; pos: number }[] {
  return computeNumbering(doc).blocks.filter((block) => block.kind === 'paragraph').map(({ id, number, pos }) => ({ id, number, pos }));
}

const source: InputSource = { id: 's1', kind: 'other', title: 'Fixture', eventId: 'thematic-1', date: null, language: 'en', author: null, fileName: null, importedAt: '', passageCount: 3 };

describe('links follow their paragraph, not its number', () => {
  it('keeps a paragraph\'s links through moves, new paragraphs before it and nesting, on a second replica too', () => {
    const doc = new Y.Doc(negotiationDocOptions);
    seedSample(doc);
    const view = createNegotiationEditor(document.createElement('div'), doc);
    const before = paragraphs(view.state.doc);
    const target = before[7]!;
    const text = view.state.doc.nodeAt(target.pos)!.textContent;
    addLink(doc, target.id, 'passage-a', 'draws-on', 'basis');
    addLink(doc, before[0]!.id, 'passage-b', 'departs-from');

    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, target.pos + 2)));
    expect(moveBlockDown(view.state, view.dispatch, view)).toBe(true);
    const first = paragraphs(view.state.doc)[0]!;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, first.pos + 1)));
    expect(splitNegotiationBlock(view.state, view.dispatch, view)).toBe(true);

    const moved = paragraphs(view.state.doc).find((paragraph) => paragraph.id === target.id)!;
    expect(moved.number).toBe(target.number + 2);
    expect(view.state.doc.nodeAt(moved.pos)!.textContent).toBe(text);
    expect(linksOfParagraph(doc, target.id).map((link) => [link.passageId, link.note])).toEqual([['passage-a', 'basis']]);

    const replica = new Y.Doc(negotiationDocOptions);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(allLinks(replica)).toEqual(allLinks(doc));

    // Nesting the first paragraph under nothing keeps its id: it is a sub-paragraph now, so its link no longer counts for coverage.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, paragraphs(view.state.doc).find((paragraph) => paragraph.id === before[0]!.id)!.pos + 1)));
    expect(indentBlock(view.state, view.dispatch, view)).toBe(true);
    const coverage = computeCoverage([source], new Map([['s1', ['passage-a', 'passage-b', 'passage-c']]]), allLinks(doc), paragraphs(view.state.doc));
    expect(coverage.sources[0]).toMatchObject({ passages: 3, reflected: 1, unreflectedPassageIds: ['passage-b', 'passage-c'] });
    expect(coverage.paragraphs.find((paragraph) => paragraph.paragraphId === target.id)?.inputs).toBe(1);
    expect(coverage.events).toEqual([{ eventId: 'thematic-1', passages: 3, reflected: 1 }]);
    view.destroy();
  });
});
