import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { computeNumbering, countWords } from './numbering';

/**
 * The numbered plain text of a negotiation: the title block, then one line per heading,
 * paragraph (`12. ...`) and sub-paragraph (`(a) ...`), objectives as `Objective 3: title`.
 */
export function negotiationPlainText(doc: ProseMirrorNode): string {
  const lines: string[] = [];
  const titleBlock = doc.firstChild;
  titleBlock?.forEach((line) => { if (line.textContent.trim() !== '') lines.push(line.textContent); });
  for (const block of computeNumbering(doc).blocks) {
    if (block.kind === 'section') lines.push('', block.text);
    else if (block.kind === 'objective') lines.push('', `${block.label}: ${block.text}`);
    else lines.push(`${block.label} ${doc.nodeAt(block.pos)?.textContent ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Counts of a negotiation text, for the status bar, `zerodraft info` and benchmarks. */
export interface TextStatistics {
  sections: number;
  objectives: number;
  paragraphs: number;
  subparagraphs: number;
  words: number;
  characters: number;
}

/** Counts sections, objectives, paragraphs, sub-paragraphs, words and characters. */
export function textStatistics(doc: ProseMirrorNode): TextStatistics {
  const statistics: TextStatistics = { sections: 0, objectives: 0, paragraphs: 0, subparagraphs: 0, words: 0, characters: 0 };
  doc.descendants((node) => {
    switch (node.type.name) {
      case 'section': statistics.sections += 1; return true;
      case 'objective': statistics.objectives += 1; return true;
      case 'paragraph': statistics.paragraphs += 1; break;
      case 'subparagraph': statistics.subparagraphs += 1; break;
      default: break;
    }
    if (node.isTextblock) {
      statistics.words += countWords(node.textContent);
      statistics.characters += node.textContent.length;
      return false;
    }
    return true;
  });
  return statistics;
}
