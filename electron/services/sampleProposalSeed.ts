import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type * as Y from 'yjs';
import { globalCompactProcess } from '../../shared/domain/processTemplate';
import { addOpponent, addSupporter, createProposal, decide } from '../../shared/domain/proposals';
import { sampleDraft } from '../../shared/domain/sampleDraft';
import {
  sampleDecisionsBy, sampleProposalId, sampleProposalRound, sampleProposals, type SampleProposal,
} from '../../shared/domain/sampleProposals';
import { newBlockId } from '../../shared/schema/blockId';
import { draftFromOutline } from '../../shared/schema/draftFromOutline';
import { computeNumbering } from '../../shared/schema/numbering';
import { seedNegotiation, seedOrigin } from './negotiationSeed';

/** A sample proposal placed in the text: the id its marks carry and the paragraph its record names. */
export interface SampleProposalRecord {
  id: string;
  proposal: SampleProposal;
  /** Stable id of the numbered paragraph the proposal is about (for a sub-paragraph: the paragraph it belongs to). */
  paragraphId: string;
}

/** Where the blocks of the clean draft are, by number: read once, before any proposal changes the text. */
interface DraftBlocks {
  /** Paragraph number to the ids of the paragraph and of its sub-paragraphs by letter. */
  paragraphs: Map<number, { id: string; subparagraphs: Map<string, string> }>;
}

function draftBlocks(draft: ProseMirrorNode): DraftBlocks {
  const paragraphs: DraftBlocks['paragraphs'] = new Map();
  for (const block of computeNumbering(draft).blocks) {
    if (block.kind === 'paragraph') paragraphs.set(block.number, { id: block.id, subparagraphs: new Map() });
    else if (block.kind === 'subparagraph') {
      const paragraph = paragraphs.get(block.parentNumber);
      const letter = /^\((\w+)\)$/u.exec(block.label)?.[1];
      if (paragraph !== undefined && letter !== undefined) paragraph.subparagraphs.set(letter, block.id);
    }
  }
  return { paragraphs };
}

/** The position of the block with this stable id in the current document, and its node. */
function blockById(doc: ProseMirrorNode, id: string): { pos: number; node: ProseMirrorNode } {
  let found: { pos: number; node: ProseMirrorNode } | undefined;
  doc.descendants((node, pos) => {
    if (found !== undefined) return false;
    if (node.isTextblock) {
      if (node.attrs.id === id) found = { pos, node };
      return false;
    }
    return true;
  });
  if (found === undefined) throw new Error(`Sample proposals: block ${id} is not in the text.`);
  return found;
}

function describe(proposal: SampleProposal): string {
  return `paragraph ${proposal.paragraphNumber}${proposal.subparagraph === undefined ? '' : ` (${proposal.subparagraph})`}`;
}

/** The range of `words` in a text block (found exactly once), as document positions. */
function findWords(block: { pos: number; node: ProseMirrorNode }, words: string | undefined, proposal: SampleProposal): { from: number; to: number } {
  const text = block.node.textContent;
  const index = words === undefined || words === '' ? -1 : text.indexOf(words);
  if (index < 0 || text.indexOf(words!, index + 1) >= 0) {
    throw new Error(`Sample proposals: "${String(words)}" is not found exactly once in ${describe(proposal)}.`);
  }
  // Paragraphs and sub-paragraphs hold only text, so text offsets are content offsets.
  const from = block.pos + 1 + index;
  return { from, to: from + words!.length };
}

/** Past any proposed insertions that directly follow `pos`: a later proposal's words come after earlier ones'. */
function afterInsertions(doc: ProseMirrorNode, pos: number): number {
  let at = pos;
  for (;;) {
    const next = doc.resolve(at).nodeAfter;
    if (next === null || !next.isText || !next.marks.some((mark) => mark.type.name === 'insertion')) return at;
    at += next.nodeSize;
  }
}

function insertText(tr: Transform, pos: number, text: string, pid: string): void {
  const schema = tr.doc.type.schema;
  tr.insert(afterInsertions(tr.doc, pos), schema.text(text, [schema.marks.insertion!.create({ pid })]));
}

/** The end of a paragraph's last sub-paragraph (or of the paragraph itself), in the current document. */
function endOfParagraph(doc: ProseMirrorNode, paragraphId: string): number {
  const numbering = computeNumbering(doc).blocks;
  const paragraph = numbering.find((block) => block.kind === 'paragraph' && block.id === paragraphId);
  if (paragraph === undefined) throw new Error(`Sample proposals: paragraph ${paragraphId} is not in the text.`);
  let end = paragraph.end;
  for (const block of numbering) {
    if (block.kind === 'subparagraph' && block.parentNumber === paragraph.number && block.pos >= end) end = block.end;
  }
  return end;
}

function applyOne(tr: Transform, proposal: SampleProposal, pid: string, blocks: DraftBlocks): string {
  const paragraph = blocks.paragraphs.get(proposal.paragraphNumber);
  if (paragraph === undefined) throw new Error(`Sample proposals: the sample has no ${describe(proposal)}.`);
  const schema = tr.doc.type.schema;
  if (proposal.kind === 'new-paragraph') {
    const content = proposal.text === undefined || proposal.text === '' ? [] : [schema.text(proposal.text)];
    if (proposal.afterSubparagraph !== undefined) {
      const after = paragraph.subparagraphs.get(proposal.afterSubparagraph);
      if (after === undefined) throw new Error(`Sample proposals: paragraph ${proposal.paragraphNumber} has no sub-paragraph (${proposal.afterSubparagraph}).`);
      const { pos, node } = blockById(tr.doc, after);
      tr.insert(pos + node.nodeSize, schema.node('subparagraph', { id: newBlockId(), proposal: pid }, content));
      return paragraph.id;
    }
    const id = newBlockId();
    tr.insert(endOfParagraph(tr.doc, paragraph.id), schema.node('paragraph', { id, status: 'open', proposal: pid }, content));
    return id;
  }
  const targetId = proposal.subparagraph === undefined ? paragraph.id : paragraph.subparagraphs.get(proposal.subparagraph);
  if (targetId === undefined) throw new Error(`Sample proposals: the sample has no ${describe(proposal)}.`);
  const block = blockById(tr.doc, targetId);
  if (proposal.kind === 'add') {
    if (proposal.text === undefined || proposal.text === '') throw new Error(`Sample proposals: the addition to ${describe(proposal)} has no text.`);
    insertText(tr, findWords(block, proposal.insertAfter, proposal).to, proposal.text, pid);
    return paragraph.id;
  }
  const { from, to } = findWords(block, proposal.find, proposal);
  tr.addMark(from, to, schema.marks.deletion!.create({ pid }));
  if (proposal.kind === 'replace') {
    if (proposal.replaceWith === undefined || proposal.replaceWith === '') throw new Error(`Sample proposals: the replacement in ${describe(proposal)} has no new words.`);
    insertText(tr, to, proposal.replaceWith, pid);
  }
  return paragraph.id;
}

/**
 * Puts the sample proposals into a clean sample draft, before it is seeded: insertions as new
 * words marked `insertion{pid}` (after the anchor words and after earlier proposals' words
 * there), deletions as `deletion{pid}` over the words, a replacement as both with one pid, a
 * proposed paragraph or sub-paragraph as a block with attr `proposal` (its text unmarked).
 * Paragraph numbers and sub-paragraph letters are those of the clean draft. Returns the marked
 * document and what {@link seedSampleProposalRecords} needs; throws if a proposal's words are
 * not found exactly once where it says.
 */
export function applySampleProposals(draft: ProseMirrorNode, proposals: readonly SampleProposal[] = sampleProposals): { doc: ProseMirrorNode; records: SampleProposalRecord[] } {
  const blocks = draftBlocks(draft);
  const tr = new Transform(draft);
  const records = proposals.map((proposal, index) => {
    const id = sampleProposalId(index);
    return { id, proposal, paragraphId: applyOne(tr, proposal, id, blocks) };
  });
  return { doc: tr.doc, records };
}

/**
 * Creates the records of the sample proposals placed by {@link applySampleProposals}: fixed
 * ids ('sample-1', ...), February 2018 creation times, round 1, supporters, opponents and
 * decisions (accept and reject by the co-facilitators; a withdrawal by its first proposer).
 */
export function seedSampleProposalRecords(doc: Y.Doc, records: readonly SampleProposalRecord[]): void {
  doc.transact(() => {
    for (const { id, proposal, paragraphId } of records) {
      createProposal(doc, {
        kind: proposal.kind, proposers: [...proposal.proposers], round: sampleProposalRound, paragraphId, note: proposal.note ?? '',
      }, seedOrigin, { id, createdAt: proposal.createdAt });
      for (const code of proposal.supporters) addSupporter(doc, id, code, seedOrigin);
      for (const code of proposal.opponents) addOpponent(doc, id, code, seedOrigin);
      if (proposal.decision !== undefined) {
        const by = proposal.decision === 'withdraw' ? proposal.proposers[0] ?? sampleDecisionsBy : sampleDecisionsBy;
        decide(doc, id, { type: proposal.decision, by }, seedOrigin);
      }
    }
  }, seedOrigin);
}

/**
 * Seeds the built-in sample negotiation with the first round's proposals: the zero draft with
 * their marks, the process calendar, and their records.
 */
export function seedSampleWithProposals(doc: Y.Doc): void {
  const { doc: draft, records } = applySampleProposals(draftFromOutline(sampleDraft));
  seedNegotiation(doc, draft, globalCompactProcess, sampleDraft.title);
  seedSampleProposalRecords(doc, records);
}
