import { describe, it, expect } from 'vitest';
import { builders } from 'prosemirror-test-builder';
import { draftFromOutline, emptyDraft, type OutlineDraft } from '../../shared/schema/draftFromOutline';
import { negotiationSchema } from '../../shared/schema/negotiationSchema';
import { computeNumbering, countWords, subparagraphLetter } from '../../shared/schema/numbering';
import { negotiationPlainText, textStatistics } from '../../shared/schema/plainText';
import { insertParagraph, moveBlockDown, moveBlockUp } from '../../renderer/editor/negotiationCommands';
import {
  allBlockIds, blockWithText, editorState, idsByText, labels, runOk, sampleDoc, withCursor,
} from './negotiationTestKit';

const b = builders(negotiationSchema);

function titleBlock() {
  return b.titleBlock!(b.docSymbol!('S'), b.docStatus!('Zero draft'), b.docDate!(''), b.docTitle!('T'));
}

const sampleLabels = [
  '1. Alpha one', '2. Bravo two', '(a) bravo a', '(b) bravo b',
  '3. Charlie three', '4. Delta four', '(a) delta a',
  '5. Echo five', '(a) echo a', '(b) echo b', '6. Foxtrot six', '7. Golf seven', '(a) golf a',
  '8. Hotel eight',
];

describe('subparagraphLetter', () => {
  it('runs a..z, then doubles the letter as in UN documents', () => {
    expect(subparagraphLetter(0)).toBe('a');
    expect(subparagraphLetter(1)).toBe('b');
    expect(subparagraphLetter(25)).toBe('z');
    expect(subparagraphLetter(26)).toBe('aa');
    expect(subparagraphLetter(27)).toBe('bb');
    expect(subparagraphLetter(51)).toBe('zz');
    expect(subparagraphLetter(52)).toBe('aaa');
  });
});

describe('computeNumbering', () => {
  it('numbers paragraphs consecutively through sections and objectives', () => {
    const doc = sampleDoc();
    const numbering = computeNumbering(doc);
    expect(labels(doc)).toEqual(sampleLabels);
    expect(numbering.paragraphCount).toBe(8);
    expect(numbering.objectiveCount).toBe(2);
  });

  it('numbers objectives and reports section and objective headings', () => {
    const numbering = computeNumbering(sampleDoc());
    expect(numbering.blocks.filter((block) => block.kind === 'section').map((block) => block.text))
      .toEqual(['Preamble', 'Commitments', 'Follow-up']);
    expect(numbering.blocks.filter((block) => block.kind === 'objective').map((block) => [block.number, block.label, block.text]))
      .toEqual([[1, 'Objective 1', 'Safe migration'], [2, 'Objective 2', 'Protect rights']]);
  });

  it('restarts letters after each paragraph and records the parent paragraph', () => {
    const doc = sampleDoc();
    const subs = computeNumbering(doc).blocks.filter((block) => block.kind === 'subparagraph');
    expect(subs.map((block) => `${block.parentNumber}${block.label}`))
      .toEqual(['2(a)', '2(b)', '4(a)', '5(a)', '5(b)', '7(a)']);
    expect(subs.every((block) => block.number === 0)).toBe(true);
  });

  it('gives positions, ids and statuses that match the document nodes', () => {
    const doc = sampleDoc();
    const numbering = computeNumbering(doc);
    expect(numbering.blocks).toHaveLength(3 + 2 + 8 + 6);
    for (const block of numbering.blocks) {
      const node = doc.nodeAt(block.pos);
      expect(node?.type.name).toBe(block.kind);
      expect(node?.attrs.id).toBe(block.id);
      expect(block.end - block.pos).toBe(node?.nodeSize);
      expect(block.id).toMatch(/^[a-z0-9]{12}$/);
    }
    expect(blockWithText(doc, 'Foxtrot six').status).toBe('agreed');
    expect(blockWithText(doc, 'Echo five').status).toBe('open');
    expect(new Set(allBlockIds(doc)).size).toBe(allBlockIds(doc).length);
  });

  it('continues the letters past z with aa, bb', () => {
    const subparagraphs = Array.from({ length: 28 }, (_, index) => `item ${index}`);
    const doc = draftFromOutline({
      symbol: '', status: '', date: '', title: 'T',
      sections: [{ heading: 'H', blocks: [{ kind: 'paragraph', text: 'Lead', subparagraphs }, { kind: 'paragraph', text: 'Next', subparagraphs: ['n'] }] }],
    });
    const result = labels(doc);
    expect(result[26]).toBe('(z) item 25');
    expect(result[27]).toBe('(aa) item 26');
    expect(result[28]).toBe('(bb) item 27');
    expect(result.slice(29)).toEqual(['2. Next', '(a) n']);
  });

  it('letters a sub-paragraph that precedes every paragraph with parent 0 (schema-built document)', () => {
    const doc = b.doc!(titleBlock(), b.section!({ id: 's1' }, b.sectionHeading!('H'),
      b.subparagraph!({ id: 'x' }, 'orphan'), b.paragraph!({ id: 'p1' }, 'first'), b.subparagraph!({ id: 'y' }, 'child')));
    const blocks = computeNumbering(doc).blocks;
    expect(blocks.map((block) => [block.kind, block.id, block.label, block.parentNumber])).toEqual([
      ['section', 's1', '', 0], ['subparagraph', 'x', '(a)', 0], ['paragraph', 'p1', '1.', 0], ['subparagraph', 'y', '(a)', 1],
    ]);
  });

  it('numbers an empty draft: one section, one paragraph', () => {
    const doc = emptyDraft('New text');
    expect(labels(doc)).toEqual(['1.']);
    expect(computeNumbering(doc).blocks.map((block) => block.kind)).toEqual(['section', 'paragraph']);
  });
});

describe('numbering after editing', () => {
  it('inserting a paragraph renumbers the following ones; existing ids stay', () => {
    let state = withCursor(editorState(), 'Bravo two', 3);
    const before = idsByText(state.doc);
    state = runOk(state, insertParagraph);
    state = state.apply(state.tr.insertText('New three'));
    expect(labels(state.doc)).toEqual([
      '1. Alpha one', '2. Bravo two', '(a) bravo a', '(b) bravo b', '3. New three',
      '4. Charlie three', '5. Delta four', '(a) delta a',
      '6. Echo five', '(a) echo a', '(b) echo b', '7. Foxtrot six', '8. Golf seven', '(a) golf a', '9. Hotel eight',
    ]);
    const after = idsByText(state.doc);
    for (const [text, id] of before) expect(after.get(text)).toBe(id);
    expect([...before.values()]).not.toContain(after.get('New three'));
  });

  it('deleting a paragraph gives its sub-paragraphs to the paragraph before; deleting a sub-paragraph re-letters', () => {
    let state = editorState();
    const before = idsByText(state.doc);
    const bravo = blockWithText(state.doc, 'Bravo two');
    state = state.apply(state.tr.delete(bravo.pos, bravo.end));
    const echoA = blockWithText(state.doc, 'echo a');
    state = state.apply(state.tr.delete(echoA.pos, echoA.end));
    expect(labels(state.doc)).toEqual([
      '1. Alpha one', '(a) bravo a', '(b) bravo b', '2. Charlie three', '3. Delta four', '(a) delta a',
      '4. Echo five', '(a) echo b', '5. Foxtrot six', '6. Golf seven', '(a) golf a', '7. Hotel eight',
    ]);
    const after = idsByText(state.doc);
    for (const [text, id] of after) expect(id).toBe(before.get(text));
  });

  it('moving a paragraph with its sub-paragraphs renumbers both; ids follow the text', () => {
    let state = withCursor(editorState(), 'Echo five', 2);
    const before = idsByText(state.doc);
    state = runOk(state, moveBlockDown);
    expect(labels(state.doc).slice(7)).toEqual([
      '5. Foxtrot six', '6. Echo five', '(a) echo a', '(b) echo b', '7. Golf seven', '(a) golf a', '8. Hotel eight',
    ]);
    state = runOk(state, moveBlockUp);
    expect(labels(state.doc)).toEqual(sampleLabels);
    expect(idsByText(state.doc)).toEqual(before);
  });
});

describe('countWords', () => {
  it('counts English words, keeping apostrophes and hyphens inside words', () => {
    expect(countWords('We the Member States')).toBe(4);
    expect(countWords("States' well-being and the 2030 Agenda.")).toBe(6);
    expect(countWords('  États membres ,  ; ')).toBe(2);
    expect(countWords('')).toBe(0);
    expect(countWords(' .,;— ')).toBe(0);
  });

  it('counts each CJK character as one word', () => {
    expect(countWords('全球移民契约')).toBe(6);
    expect(countWords('我们，会员国。')).toBe(5);
    expect(countWords('ひらがな')).toBe(4);
    expect(countWords('안녕하세요')).toBe(5);
  });

  it('counts mixed text: CJK characters plus Latin words and numbers', () => {
    expect(countWords('2018年联合国 Global Compact')).toBe(7);
    expect(countWords('联合国UN大会')).toBe(6);
  });
});

describe('negotiationPlainText and textStatistics', () => {
  const outline: OutlineDraft = {
    symbol: 'A/1', status: 'Zero draft', date: '', title: 'Compact',
    sections: [
      { heading: 'Preamble', blocks: [{ kind: 'paragraph', text: 'One', subparagraphs: ['sa', 'sb'] }, { kind: 'paragraph', text: '' }] },
      { heading: 'Objectives', blocks: [{ kind: 'objective', title: 'Safe', paragraphs: [{ kind: 'paragraph', text: 'Three 全球' }] }] },
    ],
  };

  it('prints title lines, headings, numbered paragraphs, letters and objectives', () => {
    expect(negotiationPlainText(draftFromOutline(outline))).toBe([
      'A/1', 'Zero draft', 'Compact',
      '', 'Preamble', '1. One', '(a) sa', '(b) sb', '2. ',
      '', 'Objectives', '', 'Objective 1: Safe', '3. Three 全球',
    ].join('\n') + '\n');
  });

  it('counts blocks, words and characters', () => {
    expect(textStatistics(draftFromOutline(outline))).toEqual({
      sections: 2, objectives: 1, paragraphs: 3, subparagraphs: 2,
      words: 2 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 3,
      characters: 'A/1Zero draftCompactPreambleOnesasbObjectivesSafeThree 全球'.length,
    });
  });

  it('counts the sample text', () => {
    const doc = sampleDoc();
    const statistics = textStatistics(doc);
    expect(statistics).toMatchObject({ sections: 3, objectives: 2, paragraphs: 8, subparagraphs: 6 });
    // Title 4+2+3+2, headings 1+1+2+2+1, paragraphs 8×2, sub-paragraphs 6×2.
    expect(statistics.words).toBe(11 + 7 + 16 + 12);
    expect(statistics.characters).toBe(doc.textContent.length);
  });
});
