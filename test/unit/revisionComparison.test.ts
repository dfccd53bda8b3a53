import { describe, it, expect } from 'vitest';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { negotiationSchema as schema } from '../../shared/schema/negotiationSchema';
import { compareNegotiations, diffText, type ComparedBlock } from '../../shared/schema/revisionComparison';

// Blocks are written as 'p:id:text' (paragraph), 's:id:text' (sub-paragraph), 'o:id:title' (objective start, until 'o:end').

function line(type: string, text: string): ProseMirrorNode {
  return schema.node(type, null, text === '' ? [] : [schema.text(text)]);
}

function textBlock(spec: string): ProseMirrorNode {
  const [kind, id, ...rest] = spec.split(':');
  const text = rest.join(':');
  return schema.node(kind === 'p' ? 'paragraph' : 'subparagraph', { id }, text === '' ? [] : [schema.text(text)]);
}

function sectionOf(id: string, heading: string, specs: readonly string[]): ProseMirrorNode {
  const children: ProseMirrorNode[] = [line('sectionHeading', heading)];
  let objective: { id: string; title: string; blocks: ProseMirrorNode[] } | null = null;
  const closeObjective = (): void => {
    if (objective) children.push(schema.node('objective', { id: objective.id }, [line('objectiveHeading', objective.title), ...objective.blocks]));
    objective = null;
  };
  for (const spec of specs) {
    if (spec === 'o:end') closeObjective();
    else if (spec.startsWith('o:')) {
      closeObjective();
      const [, id, title] = spec.split(':');
      objective = { id: id as string, title: title as string, blocks: [] };
    } else if (objective) (objective as { blocks: ProseMirrorNode[] }).blocks.push(textBlock(spec));
    else children.push(textBlock(spec));
  }
  closeObjective();
  return schema.node('section', { id }, children);
}

function docOf(status: string, sections: readonly [string, string, readonly string[]][]): ProseMirrorNode {
  const title = schema.node('titleBlock', null, [line('docSymbol', 'A/CONF.231/3'), line('docStatus', status), line('docDate', '5 February 2018'), line('docTitle', 'Global Compact')]);
  return schema.node('doc', null, [title, ...sections.map(([id, heading, specs]) => sectionOf(id, heading, specs))]);
}

function byId(blocks: readonly ComparedBlock[], id: string): ComparedBlock {
  const block = blocks.find((candidate) => candidate.id === id);
  if (!block) throw new Error(`no block ${id}`);
  return block;
}

function summary(blocks: readonly ComparedBlock[]): string[] {
  return blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'subparagraph')
    .map((block) => `${block.id} ${block.change} ${block.oldLabel ?? '-'}>${block.newLabel ?? '-'}`);
}

const base = docOf('Zero draft', [
  ['s1', 'Preamble', ['p:a:Alpha one', 'p:b:Bravo two', 's:b1:bravo first', 's:b2:bravo second']],
  ['s2', 'Commitments', ['o:o1:Safe migration', 'p:c:Charlie three', 'p:d:Delta four', 'o:end', 'p:e:Echo five']],
]);

describe('compareNegotiations', () => {
  it('reports nothing changed between identical revisions', () => {
    const comparison = compareNegotiations(base, base);
    expect(comparison.blocks.every((block) => block.change === 'unchanged' && !block.renumbered)).toBe(true);
    expect(comparison.counts).toEqual({ inserted: 0, deleted: 0, changed: 0, moved: 0, renumbered: 0 });
    expect([...comparison.renumbering]).toEqual([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]);
  });

  it('finds an inserted paragraph and renumbers the ones after it', () => {
    const next = docOf('Rev 1', [
      ['s1', 'Preamble', ['p:a:Alpha one', 'p:new:A new paragraph', 'p:b:Bravo two', 's:b1:bravo first', 's:b2:bravo second']],
      ['s2', 'Commitments', ['o:o1:Safe migration', 'p:c:Charlie three', 'p:d:Delta four', 'o:end', 'p:e:Echo five']],
    ]);
    const comparison = compareNegotiations(base, next);
    expect(summary(comparison.blocks)).toEqual([
      'a unchanged 1.>1.', 'new inserted ->2.', 'b unchanged 2.>3.', 'b1 unchanged (a)>(a)', 'b2 unchanged (b)>(b)',
      'c unchanged 3.>4.', 'd unchanged 4.>5.', 'e unchanged 5.>6.',
    ]);
    expect(byId(comparison.blocks, 'new').segments).toEqual([{ text: 'A new paragraph', change: 'inserted' }]);
    expect(byId(comparison.blocks, 'b').renumbered).toBe(true);
    expect([...comparison.renumbering]).toEqual([[1, 1], [2, 3], [3, 4], [4, 5], [5, 6]]);
    expect(comparison.counts).toMatchObject({ inserted: 1, renumbered: 4 });
    expect(comparison.titleBlock.find((title) => title.field === 'docStatus')?.segments).toEqual([
      { text: 'Zero draft', change: 'deleted' }, { text: 'Rev 1', change: 'inserted' },
    ]);
  });

  it('keeps deleted paragraphs and sub-paragraphs where they stood, with a null new number', () => {
    const next = docOf('Rev 1', [
      ['s1', 'Preamble', ['p:a:Alpha one', 'p:b:Bravo two', 's:b2:bravo second']],
      ['s2', 'Commitments', ['o:o1:Safe migration', 'p:d:Delta four', 'o:end', 'p:e:Echo five']],
    ]);
    const comparison = compareNegotiations(base, next);
    expect(summary(comparison.blocks)).toEqual([
      'a unchanged 1.>1.', 'b unchanged 2.>2.', 'b1 deleted (a)>-', 'b2 unchanged (b)>(a)',
      'c deleted 3.>-', 'd unchanged 4.>3.', 'e unchanged 5.>4.',
    ]);
    expect(byId(comparison.blocks, 'c').segments).toEqual([{ text: 'Charlie three', change: 'deleted' }]);
    expect(comparison.renumbering.get(3)).toBeNull();
    expect(comparison.renumbering.get(5)).toBe(4);
    expect(comparison.counts).toMatchObject({ deleted: 2, inserted: 0 });
  });

  it('tells a moved paragraph from paragraphs that were only renumbered', () => {
    const next = docOf('Rev 1', [
      ['s1', 'Preamble', ['p:a:Alpha one', 'p:d:Delta four, now earlier', 'p:b:Bravo two', 's:b1:bravo first', 's:b2:bravo second']],
      ['s2', 'Commitments', ['o:o1:Safe migration', 'p:c:Charlie three', 'o:end', 'p:e:Echo five']],
    ]);
    const comparison = compareNegotiations(base, next);
    const moved = byId(comparison.blocks, 'd');
    expect(moved).toMatchObject({ change: 'moved', textChanged: true, oldLabel: '4.', newLabel: '2.' });
    expect(moved.segments).toEqual([{ text: 'Delta four', change: 'same' }, { text: ', now earlier', change: 'inserted' }]);
    expect(byId(comparison.blocks, 'b')).toMatchObject({ change: 'unchanged', renumbered: true });
    expect(comparison.counts).toMatchObject({ moved: 1, changed: 1 });
  });

  it('counts a paragraph that changed objective as moved even when its number holds', () => {
    const next = docOf('Rev 1', [
      ['s1', 'Preamble', ['p:a:Alpha one', 'p:b:Bravo two', 's:b1:bravo first', 's:b2:bravo second']],
      ['s2', 'Commitments', ['p:c:Charlie three', 'o:o1:Safe migration', 'p:d:Delta four', 'o:end', 'p:e:Echo five']],
    ]);
    expect(byId(compareNegotiations(base, next).blocks, 'c')).toMatchObject({ change: 'moved', oldLabel: '3.', newLabel: '3.', textChanged: false });
  });

  it('reports the paragraph that crossed into another section as moved, not its neighbour', () => {
    const old = docOf('Zero draft', [['s1', 'Preamble', ['p:a:Alpha one', 'p:b:Bravo two']], ['s2', 'Commitments', ['p:c:Charlie three', 'p:d:Delta four']]]);
    const next = docOf('Zero draft', [['s1', 'Preamble', ['p:a:Alpha one']], ['s2', 'Commitments', ['p:c:Charlie three', 'p:b:Bravo two', 'p:d:Delta four']]]);
    expect(summary(compareNegotiations(old, next).blocks)).toEqual(['a unchanged 1.>1.', 'c unchanged 3.>2.', 'b moved 2.>3.', 'd unchanged 4.>4.']);
  });

  it('diffs words inside changed paragraphs and sub-paragraphs, and headings', () => {
    const next = docOf('Zero draft', [
      ['s1', 'Preamble', ['p:a:Alpha one', 'p:b:Bravo two', 's:b1:bravo first and only', 's:b2:bravo second']],
      ['s2', 'Commitments and follow-up', ['o:o1:Safe and orderly migration', 'p:c:Charlie 3', 'p:d:Delta four', 'o:end', 'p:e:Echo five']],
    ]);
    const comparison = compareNegotiations(base, next);
    expect(byId(comparison.blocks, 'b1')).toMatchObject({ change: 'changed', segments: [{ text: 'bravo first', change: 'same' }, { text: ' and only', change: 'inserted' }] });
    expect(byId(comparison.blocks, 'c').segments).toEqual([{ text: 'Charlie ', change: 'same' }, { text: 'three', change: 'deleted' }, { text: '3', change: 'inserted' }]);
    expect(byId(comparison.blocks, 's2')).toMatchObject({ kind: 'section', change: 'changed' });
    expect(byId(comparison.blocks, 'o1')).toMatchObject({ kind: 'objective', change: 'changed', oldLabel: 'Objective 1', newLabel: 'Objective 1' });
    expect(byId(comparison.blocks, 'o1').segments).toContainEqual({ text: 'and orderly ', change: 'inserted' });
  });

  it('compares Chinese text character by character', () => {
    const old = docOf('Zero draft', [['s1', '序言', ['p:z:促进安全、有序和正常的移民。']]]);
    const next = docOf('Zero draft', [['s1', '序言', ['p:z:促进安全、有序和合法的移民。']]]);
    expect(byId(compareNegotiations(old, next).blocks, 'z').segments).toEqual([
      { text: '促进安全、有序和', change: 'same' }, { text: '正常', change: 'deleted' }, { text: '合法', change: 'inserted' }, { text: '的移民。', change: 'same' },
    ]);
  });

  it('keeps Arabic words whole', () => {
    expect(diffText('الهجرة الآمنة والمنظمة', 'الهجرة الآمنة والنظامية')).toEqual([
      { text: 'الهجرة الآمنة ', change: 'same' }, { text: 'والمنظمة', change: 'deleted' }, { text: 'والنظامية', change: 'inserted' },
    ]);
  });
});
