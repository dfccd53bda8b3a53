import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { newBlockId } from './blockId';
import { negotiationSchema as schema, type ParagraphStatus } from './negotiationSchema';

/** A numbered paragraph and its lettered sub-paragraphs, as plain text. */
export interface OutlineParagraph { kind: 'paragraph'; text: string; status?: ParagraphStatus; subparagraphs?: readonly string[] }
/** An objective: a title and its paragraphs (its number is computed). */
export interface OutlineObjective { kind: 'objective'; title: string; paragraphs: readonly OutlineParagraph[] }
/** A section: a heading and its paragraphs and objectives. */
export interface OutlineSection { heading: string; blocks: readonly (OutlineParagraph | OutlineObjective)[] }
/** A whole negotiation text in plain form: the shape of the sample and of generated texts. */
export interface OutlineDraft { symbol: string; status: string; date: string; title: string; sections: readonly OutlineSection[] }

function textLine(typeName: string, text: string): ProseMirrorNode {
  return schema.node(typeName, null, text === '' ? [] : [schema.text(text)]);
}

function paragraphNodes(paragraph: OutlineParagraph): ProseMirrorNode[] {
  const nodes = [schema.node('paragraph', { id: newBlockId(), status: paragraph.status ?? 'open' }, paragraph.text === '' ? [] : [schema.text(paragraph.text)])];
  for (const text of paragraph.subparagraphs ?? []) {
    nodes.push(schema.node('subparagraph', { id: newBlockId() }, text === '' ? [] : [schema.text(text)]));
  }
  return nodes;
}

/** Builds the ProseMirror document of an outline, giving every block a fresh stable id. */
export function draftFromOutline(outline: OutlineDraft): ProseMirrorNode {
  const titleBlock = schema.node('titleBlock', null, [
    textLine('docSymbol', outline.symbol), textLine('docStatus', outline.status),
    textLine('docDate', outline.date), textLine('docTitle', outline.title),
  ]);
  const sections = outline.sections.map((section) => {
    const children = [textLine('sectionHeading', section.heading)];
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') children.push(...paragraphNodes(block));
      else children.push(schema.node('objective', { id: newBlockId() }, [textLine('objectiveHeading', block.title), ...block.paragraphs.flatMap(paragraphNodes)]));
    }
    return schema.node('section', { id: newBlockId() }, children);
  });
  return schema.node('doc', null, [titleBlock, ...sections]);
}

/** An empty negotiation: title block and one section with one paragraph. */
export function emptyDraft(title: string): ProseMirrorNode {
  return draftFromOutline({
    symbol: '', status: 'Zero draft', date: '', title,
    sections: [{ heading: 'Preamble', blocks: [{ kind: 'paragraph', text: '' }] }],
  });
}
