import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { ParagraphStatus } from './negotiationSchema';

/** One entry of the computed structure: a section, objective, paragraph or sub-paragraph. */
export interface NumberedBlock {
  kind: 'section' | 'objective' | 'paragraph' | 'subparagraph';
  /** Stable id of the block. */
  id: string;
  /** Position of the block node in the document. */
  pos: number;
  /** Position just after the block node. */
  end: number;
  /** Paragraph number (1-based) for paragraphs, objective number for objectives, 0 otherwise. */
  number: number;
  /** The label shown before the text: '12.', '(a)', 'Objective 3', '' for sections. */
  label: string;
  /** Paragraph number a sub-paragraph belongs to (0 when it precedes every paragraph). */
  parentNumber: number;
  /** Heading text for sections and objectives; empty for paragraphs and sub-paragraphs (read the node). */
  text: string;
  /** Status for paragraphs. */
  status?: ParagraphStatus;
}

/** The numbering of a whole document, in document order. */
export interface Numbering {
  blocks: NumberedBlock[];
  paragraphCount: number;
  objectiveCount: number;
}

/** The letter of the n-th sub-paragraph (0-based): a..z, then aa, bb, ... as in UN documents. */
export function subparagraphLetter(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return letter.repeat(Math.floor(index / 26) + 1);
}

interface Counters { paragraph: number; objective: number; letter: number }

function visitTextBlock(node: ProseMirrorNode, pos: number, counters: Counters, blocks: NumberedBlock[]): void {
  const id = String(node.attrs.id ?? '');
  if (node.type.name === 'paragraph') {
    counters.paragraph += 1;
    counters.letter = 0;
    blocks.push({
      kind: 'paragraph', id, pos, end: pos + node.nodeSize, number: counters.paragraph, label: `${counters.paragraph}.`,
      parentNumber: 0, text: '', status: node.attrs.status as ParagraphStatus,
    });
  } else if (node.type.name === 'subparagraph') {
    blocks.push({
      kind: 'subparagraph', id, pos, end: pos + node.nodeSize, number: 0, label: `(${subparagraphLetter(counters.letter)})`,
      parentNumber: counters.paragraph, text: '',
    });
    counters.letter += 1;
  }
}

function visitContainer(container: ProseMirrorNode, containerPos: number, counters: Counters, blocks: NumberedBlock[]): void {
  container.forEach((child, offset) => {
    const pos = containerPos + 1 + offset;
    if (child.type.name === 'objective') {
      counters.objective += 1;
      counters.letter = 0;
      blocks.push({
        kind: 'objective', id: String(child.attrs.id ?? ''), pos, end: pos + child.nodeSize, number: counters.objective,
        label: `Objective ${counters.objective}`, parentNumber: 0, text: child.firstChild?.textContent ?? '',
      });
      visitContainer(child, pos, counters, blocks);
    } else {
      visitTextBlock(child, pos, counters, blocks);
    }
  });
}

/**
 * Computes paragraph numbers (consecutive through the whole text, as in the Global Compact),
 * sub-paragraph letters (restarting after each paragraph) and objective numbers.
 * Walks only the block structure, so it is cheap enough to run on every transaction.
 */
export function computeNumbering(doc: ProseMirrorNode): Numbering {
  const blocks: NumberedBlock[] = [];
  const counters: Counters = { paragraph: 0, objective: 0, letter: 0 };
  doc.forEach((child, offset) => {
    if (child.type.name !== 'section') return;
    blocks.push({
      kind: 'section', id: String(child.attrs.id ?? ''), pos: offset, end: offset + child.nodeSize, number: 0, label: '',
      parentNumber: 0, text: child.firstChild?.textContent ?? '',
    });
    visitContainer(child, offset, counters, blocks);
  });
  return { blocks, paragraphCount: counters.paragraph, objectiveCount: counters.objective };
}

/** Counts words the way a reader would: runs of letters or digits; each CJK character counts as one. */
export function countWords(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/gu)?.length ?? 0;
  const other = text.replace(/[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return cjk + other;
}
