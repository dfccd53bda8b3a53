// The proposals table: one row per proposal, ordered by the paragraph it is in, with who made,
// supported and opposed it, what it inserts and deletes, and where it stands. Written as CSV and
// as a Word table.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type * as Y from 'yjs';
import { findDelegation } from '../../../shared/domain/delegations';
import { allProposals } from '../../../shared/domain/proposals';
import { computeNumbering } from '../../../shared/schema/numbering';
import { proposalTexts } from '../../../shared/schema/proposalViews';
import { negotiationText } from '../negotiationReader';
import { proposalAuthor } from './exportModel';

/** One row of the proposals table. */
export interface ProposalRow {
  /** The paragraph's number as in the editor ('12.'); '' when the proposal is in no paragraph. */
  paragraph: string;
  proposal: string;
  delegation: string;
  type: string;
  inserted: string;
  deleted: string;
  supporters: string;
  opponents: string;
  status: string;
  round: number;
  /** When the proposal was made (ISO 8601). */
  date: string;
  note: string;
}

/** The column headings, in the order of {@link proposalRowCells}. */
export const proposalColumns: readonly string[] = [
  'Paragraph', 'Proposal', 'Delegation', 'Type', 'Inserted text', 'Deleted text', 'Supporters', 'Opponents', 'Status', 'Round', 'Date', 'Note',
];

/** The cells of a row, in the order of {@link proposalColumns}. */
export function proposalRowCells(row: ProposalRow): string[] {
  return [row.paragraph, row.proposal, row.delegation, row.type, row.inserted, row.deleted, row.supporters, row.opponents, row.status, String(row.round), row.date, row.note];
}

function names(codes: readonly string[]): string {
  return codes.map((code) => findDelegation(code)?.names.en ?? code).join(', ');
}

/** The rows of every proposal of the negotiation, by paragraph number, then by when they were made (`text`: its text, when already read). */
export function proposalRows(doc: Y.Doc, text: ProseMirrorNode = negotiationText(doc)): ProposalRow[] {
  const numbers = new Map<string, number>();
  for (const block of computeNumbering(text).blocks) if (block.kind === 'paragraph') numbers.set(block.id, block.number);
  const texts = proposalTexts(text);
  const rows = allProposals(doc).map((proposal) => {
    const words = texts.get(proposal.id);
    const paragraphId = words?.paragraphId ?? proposal.paragraphId;
    const number = paragraphId === null ? undefined : numbers.get(paragraphId);
    return {
      number: number ?? Number.MAX_SAFE_INTEGER,
      row: {
        paragraph: number === undefined ? '' : `${number}.`, proposal: proposal.id, delegation: proposalAuthor(proposal, proposal.id),
        type: proposal.kind, inserted: words?.inserted ?? '', deleted: words?.deleted ?? '',
        supporters: names(proposal.supporters), opponents: names(proposal.opponents), status: proposal.status,
        round: proposal.round, date: proposal.createdAt, note: proposal.note,
      },
    };
  });
  // allProposals is already in creation order; a stable sort keeps it within a paragraph.
  return rows.sort((a, b) => a.number - b.number).map((entry) => entry.row);
}
