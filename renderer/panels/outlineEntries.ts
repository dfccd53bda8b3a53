import type { NumberedBlock, Numbering } from '../../shared/schema/numbering';

/** One line of the outline: a section or an objective with its paragraph range and statuses. */
export interface OutlineEntry {
  kind: 'section' | 'objective';
  id: string;
  pos: number;
  /** Position just after the section or objective. */
  end: number;
  title: string;
  /** Objective number (0 for sections). */
  number: number;
  firstParagraph: number;
  lastParagraph: number;
  adRef: number;
  agreed: number;
}

function newEntry(block: NumberedBlock): OutlineEntry {
  return {
    kind: block.kind === 'objective' ? 'objective' : 'section', id: block.id, pos: block.pos, end: block.end, title: block.text,
    number: block.number, firstParagraph: 0, lastParagraph: 0, adRef: 0, agreed: 0,
  };
}

function countParagraph(entry: OutlineEntry | undefined, block: NumberedBlock): void {
  if (entry === undefined) return;
  if (entry.firstParagraph === 0) entry.firstParagraph = block.number;
  entry.lastParagraph = block.number;
  if (block.status === 'agreed-ad-ref') entry.adRef += 1;
  if (block.status === 'agreed') entry.agreed += 1;
}

/**
 * The outline of a numbered text: sections and objectives, each with the range of paragraph
 * numbers it holds (a section's range includes its objectives') and its agreed counts.
 */
export function outlineEntries(numbering: Numbering): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let section: OutlineEntry | undefined;
  let objective: OutlineEntry | undefined;
  for (const block of numbering.blocks) {
    if (block.kind === 'section') {
      section = newEntry(block);
      objective = undefined;
      entries.push(section);
    } else if (block.kind === 'objective') {
      objective = newEntry(block);
      entries.push(objective);
    } else if (block.kind === 'paragraph') {
      countParagraph(section, block);
      if (objective !== undefined && block.pos < objective.end) countParagraph(objective, block);
    }
  }
  return entries;
}
