// The export model of a comparison of two revisions: the newer text with the differences from
// the older one as tracked changes authored by the co-facilitators (see revisionComparison.ts).
import type * as Y from 'yjs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { proposalView } from '../../../shared/schema/proposalViews';
import { compareNegotiations, type ComparedBlock, type TextSegment } from '../../../shared/schema/revisionComparison';
import { negotiationText } from '../negotiationReader';
import { proposalsById } from '../../../shared/domain/proposals';
import { appendRun, comparisonAuthor, plainRun, titleBlockOf, type ExportBlock, type ExportChange, type ExportModel, type ExportRun } from './exportModel';

/** The key of the one tracked change author of a comparison. */
const comparisonKey = 'comparison';

function changedRun(text: string, change: TextSegment['change']): ExportRun {
  return {
    ...plainRun(text),
    insertions: change === 'inserted' ? [comparisonKey] : [],
    deletions: change === 'deleted' ? [comparisonKey] : [],
  };
}

function runsOfSegments(segments: readonly TextSegment[]): ExportRun[] {
  const runs: ExportRun[] = [];
  for (const segment of segments) appendRun(runs, changedRun(segment.text, segment.change));
  return runs;
}

/** The label: old and new when they differ (a renumbering shows as a replaced number). */
function labelOf(block: ComparedBlock): ExportRun[] {
  const { oldLabel, newLabel } = block;
  if (oldLabel === newLabel) return newLabel ? [plainRun(newLabel)] : [];
  const runs: ExportRun[] = [];
  if (oldLabel) runs.push(changedRun(oldLabel, 'deleted'));
  if (newLabel) runs.push(changedRun(newLabel, 'inserted'));
  return runs;
}

/** Where a moved block was, in words. */
function movedFrom(block: ComparedBlock): string {
  if (block.kind === 'paragraph') return `Moved: was paragraph ${block.oldNumber ?? '?'}.`;
  if (block.kind === 'subparagraph') return `Moved: was sub-paragraph ${block.oldLabel ?? ''} of paragraph ${block.oldNumber ?? '?'}.`;
  if (block.kind === 'objective') return `Moved: was ${block.oldLabel ?? 'an objective'}.`;
  return 'Moved.';
}

function exportBlock(block: ComparedBlock, date: string): ExportBlock {
  const exported: ExportBlock = { kind: block.kind, id: block.id, label: labelOf(block), runs: runsOfSegments(block.segments) };
  if (block.change === 'moved') exported.note = { author: comparisonAuthor, date, text: movedFrom(block) };
  return exported;
}

/** The clean text of a revision. */
function cleanText(doc: Y.Doc, text: ProseMirrorNode = negotiationText(doc)): ProseMirrorNode {
  return proposalView(text, proposalsById(doc), 'clean');
}

/**
 * The newer revision's clean text with every difference from the older one's clean text as a
 * tracked change by "Co-facilitators", dated `date`: changed words, inserted and deleted
 * paragraphs (deleted ones where they stood), renumbered paragraphs (old number deleted, new
 * one inserted), moved blocks (a note saying where they were) and the changed lines of the
 * title block. `newerText`: the newer document's
 * text when already read.
 */
export function comparisonModel(older: Y.Doc, newer: Y.Doc, date: string = new Date().toISOString(), newerText?: ProseMirrorNode): ExportModel {
  const newText = cleanText(newer, newerText);
  const comparison = compareNegotiations(cleanText(older), newText);
  const titleBlock = titleBlockOf(newText);
  const changes = new Map<string, ExportChange>([[comparisonKey, { author: comparisonAuthor, date, attribution: '', comment: null }]]);
  const titleRuns = new Map(comparison.titleBlock.map((line) => [line.field, runsOfSegments(line.segments)]));
  return { titleBlock, titleRuns, blocks: comparison.blocks.map((block) => exportBlock(block, date)), changes };
}
