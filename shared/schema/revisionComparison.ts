import { diffArrays } from 'diff';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { computeNumbering, type NumberedBlock } from './numbering';

/**
 * Comparison of two revisions of a negotiation text, block by block through the blocks' stable
 * ids (so a paragraph that moved or was renumbered is still the same paragraph), and word by
 * word inside each block. Pure: the UI draws a redline from it and export writes a Word
 * comparison from it.
 *
 * Pass the views to compare (usually `proposalView(doc, proposals, 'clean')` of each revision):
 * the comparison reads each block's `textContent`, marks ignored.
 */

/** What happened to a block between the two revisions. */
export type BlockChange = 'unchanged' | 'changed' | 'inserted' | 'deleted' | 'moved';

/** Whether a stretch of text is in both revisions, only in the new one, or only in the old one. */
export type SegmentChange = 'same' | 'inserted' | 'deleted';

/** A stretch of a block's text with one kind of change. Concatenating the `same` and `deleted` segments gives the old text; `same` and `inserted` the new. */
export interface TextSegment {
  text: string;
  change: SegmentChange;
}

/** The kinds of blocks compared: headings (sections, objectives) and numbered blocks. */
export type ComparedBlockKind = 'section' | 'objective' | 'paragraph' | 'subparagraph';

/** One block (heading, paragraph or sub-paragraph) of either revision and how it changed. */
export interface ComparedBlock {
  kind: ComparedBlockKind;
  /** The stable id shared by both revisions ('' when the block had none). */
  id: string;
  /**
   * `inserted`: only in the new revision; `deleted`: only in the old; `moved`: in both, but its
   * place among the other blocks (or its section or objective) changed — `textChanged` tells
   * whether its words changed too; `changed`: same place, other words; `unchanged`: neither
   * (its number may still differ: see `renumbered`).
   */
  change: BlockChange;
  /** Whether the words differ (always true for inserted and deleted blocks with text). */
  textChanged: boolean;
  /** Whether the label differs between the revisions (a block present in both). */
  renumbered: boolean;
  /** The label in the old revision ('12.', '(a)', 'Objective 3', '' for sections); null when inserted. */
  oldLabel: string | null;
  /** The label in the new revision; null when deleted. */
  newLabel: string | null;
  /** Old paragraph number: a paragraph's own, a sub-paragraph's parent's, an objective's number; 0 for sections; null when inserted. */
  oldNumber: number | null;
  /** New number, the same way; null when deleted. */
  newNumber: number | null;
  oldText: string | null;
  newText: string | null;
  /** Word-level differences from the old text to the new (Chinese, Japanese and Korean compared character by character). */
  segments: TextSegment[];
}

/** One line of the title block (symbol, status, date, title) in both revisions. */
export interface ComparedTitleLine {
  field: 'docSymbol' | 'docStatus' | 'docDate' | 'docTitle';
  oldText: string;
  newText: string;
  segments: TextSegment[];
}

/** The whole comparison of two revisions. */
export interface NegotiationComparison {
  titleBlock: ComparedTitleLine[];
  /**
   * Every block of both revisions in reading order of the new one: blocks present in the new
   * revision in their new place, deleted blocks where they stood (after the block that preceded
   * them in the old revision).
   */
  blocks: ComparedBlock[];
  /** Old paragraph number to new paragraph number; null when the paragraph was deleted. */
  renumbering: ReadonlyMap<number, number | null>;
  /** How many numbered blocks (paragraphs and sub-paragraphs) were inserted, deleted, changed (words), moved and renumbered. */
  counts: { inserted: number; deleted: number; changed: number; moved: number; renumbered: number };
}

/** A block of one revision, with what the comparison needs. */
interface RevisionBlock {
  key: string;
  block: NumberedBlock;
  text: string;
  container: string;
  index: number;
}

const tokenPattern = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\p{L}\p{N}\p{M}'’-]+|\s+|[\s\S]/gu;

/** Words, runs of spaces and single punctuation marks; every CJK character is a token of its own, as those scripts have no spaces. */
export function comparisonTokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

function pushSegment(segments: TextSegment[], text: string, change: SegmentChange): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last && last.change === change) last.text += text;
  else segments.push({ text, change });
}

/** Adds a stretch where both texts differ: its deleted words first, then its inserted ones. */
function pushChange(segments: TextSegment[], deleted: string, inserted: string): void {
  pushSegment(segments, deleted, 'deleted');
  pushSegment(segments, inserted, 'inserted');
}

/**
 * Word-level differences between two texts (CJK character by character). A lone space between
 * two changes joins them, so "Zero draft" -> "Rev 1" reads as one replacement, not four pieces.
 */
export function diffText(oldText: string, newText: string): TextSegment[] {
  if (oldText === newText) return oldText === '' ? [] : [{ text: oldText, change: 'same' }];
  const parts = diffArrays(comparisonTokens(oldText), comparisonTokens(newText))
    .map((part) => ({ text: part.value.join(''), change: (part.added ? 'inserted' : part.removed ? 'deleted' : 'same') as SegmentChange }));
  const segments: TextSegment[] = [];
  let deleted = '';
  let inserted = '';
  parts.forEach((part, index) => {
    const bridges = part.change === 'same' && /^\s+$/u.test(part.text) && index > 0 && index < parts.length - 1 && (deleted !== '' || inserted !== '');
    if (part.change === 'same' && !bridges) {
      pushChange(segments, deleted, inserted);
      deleted = '';
      inserted = '';
      pushSegment(segments, part.text, 'same');
      return;
    }
    if (part.change !== 'inserted') deleted += part.text;
    if (part.change !== 'deleted') inserted += part.text;
  });
  pushChange(segments, deleted, inserted);
  return segments;
}

/** The container (section or objective) id of each block, from the flat numbering. */
function containersOf(blocks: readonly NumberedBlock[]): string[] {
  let section = '';
  let objective: NumberedBlock | null = null;
  return blocks.map((block) => {
    if (block.kind === 'section') { section = block.id; objective = null; return ''; }
    if (objective !== null && block.pos >= objective.end) objective = null;
    if (block.kind === 'objective') { objective = block; return section; }
    return objective?.id ?? section;
  });
}

function revisionBlocks(doc: ProseMirrorNode): RevisionBlock[] {
  const blocks = computeNumbering(doc).blocks;
  const containers = containersOf(blocks);
  const seen = new Map<string, number>();
  return blocks.map((block, index) => {
    // Duplicate ids (after concurrent moves, before repair) and blank ids still get distinct keys.
    const count = seen.get(block.id) ?? 0;
    seen.set(block.id, count + 1);
    const key = count === 0 && block.id !== '' ? block.id : `${block.kind}:${block.id}#${count}`;
    const text = block.kind === 'section' || block.kind === 'objective' ? block.text : doc.nodeAt(block.pos)?.textContent ?? '';
    return { key, block, text, container: containers[index] ?? '', index };
  });
}

/** Indexes (into `sequence`) of a longest increasing subsequence, O(n log n). */
function longestIncreasing(sequence: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(sequence.length).fill(-1);
  sequence.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sequence[tails[middle] as number] as number) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const kept = new Set<number>();
  let cursor = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
  while (cursor >= 0) { kept.add(cursor); cursor = previous[cursor] as number; }
  return kept;
}

/**
 * Keys of the common blocks that stay in order (the rest of the common blocks moved). Blocks
 * that changed section or objective moved anyway, so they take no part: of two swapped
 * neighbours, the one that crossed into another section is the one reported as moved.
 */
function stayingKeys(newBlocks: readonly RevisionBlock[], oldByKey: ReadonlyMap<string, RevisionBlock>): Set<string> {
  const common = newBlocks.filter((block) => oldByKey.get(block.key)?.container === block.container);
  const order = common.map((block) => (oldByKey.get(block.key) as RevisionBlock).index);
  const kept = longestIncreasing(order);
  return new Set(common.filter((_, index) => kept.has(index)).map((block) => block.key));
}

function numberOf(block: NumberedBlock): number {
  return block.kind === 'subparagraph' ? block.parentNumber : block.number;
}

function comparedBlock(oldBlock: RevisionBlock | undefined, newBlock: RevisionBlock | undefined, stays: boolean): ComparedBlock {
  const source = (newBlock ?? oldBlock) as RevisionBlock;
  const oldText = oldBlock?.text ?? null;
  const newText = newBlock?.text ?? null;
  const textChanged = oldText !== newText && (oldText ?? '') + (newText ?? '') !== '';
  let change: BlockChange;
  if (!oldBlock) change = 'inserted';
  else if (!newBlock) change = 'deleted';
  else if (!stays || oldBlock.container !== newBlock.container) change = 'moved';
  else change = textChanged ? 'changed' : 'unchanged';
  return {
    kind: source.block.kind, id: source.block.id, change, textChanged,
    renumbered: oldBlock !== undefined && newBlock !== undefined && oldBlock.block.label !== newBlock.block.label,
    oldLabel: oldBlock?.block.label ?? null, newLabel: newBlock?.block.label ?? null,
    oldNumber: oldBlock ? numberOf(oldBlock.block) : null, newNumber: newBlock ? numberOf(newBlock.block) : null,
    oldText, newText, segments: diffText(oldText ?? '', newText ?? ''),
  };
}

/** Every block in reading order of the new revision, deleted blocks after their old predecessor. */
function mergedBlocks(oldBlocks: readonly RevisionBlock[], newBlocks: readonly RevisionBlock[]): ComparedBlock[] {
  const oldByKey = new Map(oldBlocks.map((block) => [block.key, block]));
  const newKeys = new Set(newBlocks.map((block) => block.key));
  const staying = stayingKeys(newBlocks, oldByKey);
  const result: ComparedBlock[] = [];
  let oldCursor = 0;
  const flushDeletedBefore = (limit: number): void => {
    for (; oldCursor < limit; oldCursor += 1) {
      const candidate = oldBlocks[oldCursor] as RevisionBlock;
      if (!newKeys.has(candidate.key)) result.push(comparedBlock(candidate, undefined, false));
    }
  };
  for (const newBlock of newBlocks) {
    const oldBlock = oldByKey.get(newBlock.key);
    if (oldBlock && staying.has(newBlock.key)) {
      flushDeletedBefore(oldBlock.index);
      oldCursor = Math.max(oldCursor, oldBlock.index + 1);
    }
    result.push(comparedBlock(oldBlock, newBlock, staying.has(newBlock.key)));
  }
  flushDeletedBefore(oldBlocks.length);
  return result;
}

const titleFields = ['docSymbol', 'docStatus', 'docDate', 'docTitle'] as const;

function titleLine(doc: ProseMirrorNode, field: ComparedTitleLine['field']): string {
  let text = '';
  doc.firstChild?.forEach((line) => { if (line.type.name === field) text = line.textContent; });
  return text;
}

function renumberingOf(blocks: readonly ComparedBlock[]): Map<number, number | null> {
  const renumbering = new Map<number, number | null>();
  for (const block of blocks) {
    if (block.kind === 'paragraph' && block.oldNumber !== null) renumbering.set(block.oldNumber, block.newNumber);
  }
  return new Map([...renumbering].sort((a, b) => a[0] - b[0]));
}

function countsOf(blocks: readonly ComparedBlock[]): NegotiationComparison['counts'] {
  const counts = { inserted: 0, deleted: 0, changed: 0, moved: 0, renumbered: 0 };
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'subparagraph') continue;
    if (block.change === 'inserted') counts.inserted += 1;
    else if (block.change === 'deleted') counts.deleted += 1;
    else if (block.change === 'moved') counts.moved += 1;
    if (block.textChanged && (block.change === 'changed' || block.change === 'moved')) counts.changed += 1;
    if (block.renumbered) counts.renumbered += 1;
  }
  return counts;
}

/**
 * Compares two revisions of a negotiation text by the blocks' stable ids: which paragraphs,
 * sub-paragraphs and headings were inserted, deleted, moved or changed, their old and new
 * numbers, the words that changed inside each, and the renumbering of paragraphs. A block
 * counts as moved when it left the longest run of blocks that kept their order, or changed
 * section or objective; a paragraph whose number changed only because others were inserted
 * before it is `unchanged` and `renumbered`.
 */
export function compareNegotiations(oldDoc: ProseMirrorNode, newDoc: ProseMirrorNode): NegotiationComparison {
  const blocks = mergedBlocks(revisionBlocks(oldDoc), revisionBlocks(newDoc));
  const titleBlock = titleFields.map((field) => {
    const oldText = titleLine(oldDoc, field);
    const newText = titleLine(newDoc, field);
    return { field, oldText, newText, segments: diffText(oldText, newText) };
  });
  return { titleBlock, blocks, renumbering: renumberingOf(blocks), counts: countsOf(blocks) };
}
