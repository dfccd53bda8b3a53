// The neutral model every export format is written from: the title block, then the headings,
// paragraphs and sub-paragraphs in order, each with its label and its runs of text, the runs
// carrying the tracked changes (pending proposals, or the differences between two revisions)
// resolved from the proposal marks and records.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type * as Y from 'yjs';
import { findDelegation } from '../../../shared/domain/delegations';
import { proposalsById } from '../../../shared/domain/proposals';
import type { Proposal } from '../../../shared/domain/proposalTypes';
import { computeNumbering, type NumberedBlock } from '../../../shared/schema/numbering';
import { proposalAttribution, proposalStatus, proposalView, takesEffect } from '../../../shared/schema/proposalViews';
import { negotiationText } from '../negotiationReader';

/** A stretch of text with one formatting and one set of tracked changes. */
export interface ExportRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Keys (into `ExportModel.changes`) of the changes that insert this text, sorted. */
  insertions: string[];
  /** Keys of the changes that delete this text, sorted. */
  deletions: string[];
}

/** A heading, paragraph or sub-paragraph. */
export interface ExportBlock {
  kind: 'section' | 'objective' | 'paragraph' | 'subparagraph';
  /** Stable id of the block. */
  id: string;
  /** The label: '12.', '(a)', 'Objective 3', none for sections; runs, so a comparison can show a renumbering. */
  label: ExportRun[];
  runs: ExportRun[];
  /** A remark on the whole block ("Moved: was paragraph 4."): a Word comment on its label, in parentheses in PDFs. */
  note?: { author: string; date: string; text: string };
}

/** A tracked change: a pending proposal, or the co-facilitators' changes between two revisions. */
export interface ExportChange {
  /** The author of the tracked change in Word. */
  author: string;
  /** ISO 8601 time of the change. */
  date: string;
  /** Shown in parentheses after the change in PDFs ("EU; supported by Norway; opposed by Mexico"); '' for none. */
  attribution: string;
  /** The text of the Word comment on the change; null for none. */
  comment: string | null;
}

/** The title block of the text. */
export interface ExportTitleBlock { symbol: string; status: string; date: string; title: string }

/** The lines of the title block. */
export type TitleField = 'docSymbol' | 'docStatus' | 'docDate' | 'docTitle';

/** What the exporters write. */
export interface ExportModel {
  titleBlock: ExportTitleBlock;
  /** The title block lines as runs, when they carry tracked changes (a comparison). */
  titleRuns?: ReadonlyMap<TitleField, ExportRun[]>;
  blocks: ExportBlock[];
  changes: Map<string, ExportChange>;
}

/** Author of the tracked changes of a comparison of two revisions. */
export const comparisonAuthor = 'Co-facilitators';

/** A run of plain text. */
export function plainRun(text: string, bold = false): ExportRun {
  return { text, bold, italic: false, insertions: [], deletions: [] };
}

/** The title block lines of a negotiation text. */
export function titleBlockOf(doc: ProseMirrorNode): ExportTitleBlock {
  const lines: Record<string, string> = {};
  doc.firstChild?.forEach((line) => { lines[line.type.name] = line.textContent; });
  return { symbol: lines.docSymbol ?? '', status: lines.docStatus ?? '', date: lines.docDate ?? '', title: lines.docTitle ?? '' };
}

/** Whether no paragraph or sub-paragraph holds any text. */
export function isEmptyText(doc: ProseMirrorNode): boolean {
  let empty = true;
  doc.descendants((node) => {
    if (!empty) return false;
    if (node.type.name === 'paragraph' || node.type.name === 'subparagraph') {
      if (node.textContent.trim() !== '') empty = false;
      return false;
    }
    return true;
  });
  return empty;
}

/** Which proposals show as tracked changes, and whether hidden ones take effect. */
interface RunContext {
  shown: (pid: string) => boolean;
  takesEffect: (pid: string) => boolean;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

function sameRun(a: ExportRun, b: ExportRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && sameKeys(a.insertions, b.insertions) && sameKeys(a.deletions, b.deletions);
}

/** Adds a run, joining it to the previous one when nothing but the text differs. */
export function appendRun(runs: ExportRun[], run: ExportRun): void {
  if (run.text === '') return;
  const last = runs[runs.length - 1];
  if (last && sameRun(last, run)) last.text += run.text;
  else runs.push(run);
}

/** The pids of one proposal mark type on a text node, sorted. */
function pidsOf(node: ProseMirrorNode, typeName: string): string[] {
  const pids: string[] = [];
  for (const mark of node.marks) {
    if (mark.type.name !== typeName) continue;
    const pid = String(mark.attrs.pid);
    if (!pids.includes(pid)) pids.push(pid);
  }
  return pids.length > 1 ? pids.sort() : pids;
}

/** The runs of a text block; null when it is a proposed block that is not shown and does not take effect. */
function runsOfBlock(node: ProseMirrorNode, context: RunContext): ExportRun[] | null {
  const own: unknown = node.attrs.proposal;
  const ownPid = typeof own === 'string' && own !== '' ? own : null;
  if (ownPid !== null && !context.shown(ownPid) && !context.takesEffect(ownPid)) return null;
  const runs: ExportRun[] = [];
  node.forEach((child) => {
    if (!child.isText || !child.text) return;
    const insertions = pidsOf(child, 'insertion');
    const deletions = pidsOf(child, 'deletion');
    // Hidden proposals read as in the clean text: inserted words only when accepted, deleted words gone when accepted.
    const hiddenInsertion = insertions.some((pid) => !context.shown(pid) && !context.takesEffect(pid));
    const hiddenDeletion = deletions.some((pid) => !context.shown(pid) && context.takesEffect(pid));
    if (hiddenInsertion || hiddenDeletion) return;
    const shownInsertions = insertions.filter(context.shown);
    if (ownPid !== null && context.shown(ownPid) && !shownInsertions.includes(ownPid)) shownInsertions.push(ownPid);
    appendRun(runs, {
      text: child.text,
      bold: child.marks.some((mark) => mark.type.name === 'strong'),
      italic: child.marks.some((mark) => mark.type.name === 'em'),
      insertions: shownInsertions.sort(),
      deletions: deletions.filter(context.shown),
    });
  });
  return runs;
}

/** The label of a block as runs: inserted with the block when the whole block is a shown proposal. */
function labelRuns(block: NumberedBlock, node: ProseMirrorNode, context: RunContext): ExportRun[] {
  if (block.label === '') return [];
  const own: unknown = node.attrs.proposal;
  const shown = typeof own === 'string' && own !== '' && context.shown(own);
  return [{ ...plainRun(block.label), insertions: shown ? [own] : [] }];
}

function modelBlocks(doc: ProseMirrorNode, context: RunContext): ExportBlock[] {
  const blocks: ExportBlock[] = [];
  for (const block of computeNumbering(doc).blocks) {
    const node = doc.nodeAt(block.pos);
    if (!node) continue;
    const textNode = block.kind === 'section' || block.kind === 'objective' ? node.firstChild : node;
    const runs = textNode ? runsOfBlock(textNode, context) : [];
    if (runs === null) continue;
    blocks.push({ kind: block.kind, id: block.id, label: labelRuns(block, node, context), runs });
  }
  return blocks;
}

function delegationName(code: string): string {
  return findDelegation(code)?.names.en ?? code;
}

/** The author of a proposal's tracked changes: the proposers' English names, and the group they speak for. */
export function proposalAuthor(proposal: Proposal | undefined, pid: string): string {
  if (!proposal) return pid;
  const proposers = proposal.proposers.map(delegationName).join(', ');
  if (!proposal.onBehalfOf) return proposers === '' ? pid : proposers;
  const group = delegationName(proposal.onBehalfOf);
  return proposers === '' ? group : `${proposers} on behalf of ${group}`;
}

function proposalChange(pid: string, proposal: Proposal | undefined): ExportChange {
  const attribution = proposalAttribution(pid, proposal);
  const note = proposal?.note ? ` Note: ${proposal.note}` : '';
  return {
    author: proposalAuthor(proposal, pid),
    date: proposal?.createdAt ?? new Date(0).toISOString(),
    attribution,
    comment: `Proposal ${pid} (round ${proposal?.round ?? '?'}, ${proposal?.status ?? 'pending'}): ${attribution}.${note}`,
  };
}

function usedKeys(blocks: readonly ExportBlock[]): Set<string> {
  const keys = new Set<string>();
  for (const block of blocks) {
    for (const run of [...block.label, ...block.runs]) {
      for (const key of [...run.insertions, ...run.deletions]) keys.add(key);
    }
  }
  return keys;
}

/**
 * The agreed text: only accepted proposals take effect (`proposalView` 'clean'); numbered as
 * the clean text is. `text`: the document's text when already read.
 */
export function cleanModel(doc: Y.Doc, text: ProseMirrorNode = negotiationText(doc)): ExportModel {
  const clean = proposalView(text, proposalsById(doc), 'clean');
  const context: RunContext = { shown: () => false, takesEffect: () => false };
  return { titleBlock: titleBlockOf(clean), blocks: modelBlocks(clean, context), changes: new Map() };
}

/**
 * The compilation: every pending (or conflicting) proposal as a tracked change whose author is
 * the proposing delegation, dated when the proposal was made, with its attribution (supporters,
 * opponents) as comment; accepted proposals applied, rejected, withdrawn and merged ones left
 * out. Numbered as in the editor (proposed paragraphs count), like `compilationText`.
 * `text`: the document's text when already read.
 */
export function compilationModel(doc: Y.Doc, text: ProseMirrorNode = negotiationText(doc)): ExportModel {
  const proposals = proposalsById(doc);
  const status = (pid: string): ReturnType<typeof proposalStatus> => proposalStatus(pid, proposals);
  const context: RunContext = {
    shown: (pid) => status(pid) === 'pending' || status(pid) === 'conflict',
    takesEffect: (pid) => takesEffect(status(pid), 'clean'),
  };
  const blocks = modelBlocks(text, context);
  const changes = new Map<string, ExportChange>();
  for (const pid of usedKeys(blocks)) changes.set(pid, proposalChange(pid, proposals.get(pid)));
  return { titleBlock: titleBlockOf(text), blocks, changes };
}
