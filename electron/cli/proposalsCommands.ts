import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { ZeroDraftError } from '../../shared/api/errors';
import { findDelegation } from '../../shared/domain/delegations';
import { allProposals, proposalsById } from '../../shared/domain/proposals';
import type { Proposal, ProposalStatus } from '../../shared/domain/proposalTypes';
import { computeNumbering } from '../../shared/schema/numbering';
import { negotiationPlainText } from '../../shared/schema/plainText';
import { compilationText, isProposedBy, proposalTexts, proposalView } from '../../shared/schema/proposalViews';
import { negotiationText } from '../services/negotiationReader';
import type { WorkspaceDocument } from '../services/workspaceDocument';

/** Output stream of the command line. */
export interface CommandOutput { out: (text: string) => void }

/** Options the proposal commands read. */
export interface ProposalsOptions {
  json: boolean;
  delegation?: string;
  status?: string;
  view?: string;
}

const statuses: readonly ProposalStatus[] = ['pending', 'accepted', 'rejected', 'withdrawn', 'merged', 'conflict'];

/** The views `zerodraft text --view` offers. */
const views = ['clean', 'compilation', 'as-accepted'] as const;
type TextView = (typeof views)[number];

/** A proposal as `zerodraft proposals --json` reports it: the record, where it is, and its words. */
export interface ProposalRow extends Proposal {
  /** The numbered paragraph it is in (for a sub-paragraph: the paragraph it belongs to); null if its paragraph is gone. */
  paragraphNumber: number | null;
  /** The letter of the sub-paragraph its words are in, if any. */
  subparagraph: string | null;
  /** The words it inserts (separate runs joined by ' … ', blocks by a line break). */
  inserted: string;
  /** The words it deletes, joined the same way. */
  deleted: string;
}

/** The registry code of `--delegation`, or undefined when not given; unknown codes are refused. */
function delegationOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const delegation = findDelegation(value.trim());
  if (delegation === undefined) throw new ZeroDraftError('invalid-argument', `Unknown delegation "${value}": use a code from the delegations registry (e.g. EU, MEX, G77, AFRICAN-GROUP).`);
  return delegation.code;
}

function statusOption(value: string | undefined): ProposalStatus | undefined {
  if (value === undefined) return undefined;
  if (!statuses.includes(value as ProposalStatus)) throw new ZeroDraftError('invalid-argument', `--status must be one of: ${statuses.join(', ')}.`);
  return value as ProposalStatus;
}

interface Location { paragraphNumber: number; subparagraph: string | null }

/** Where each block id is (a sub-paragraph by its paragraph's number and its letter), and where each proposal's words first appear. */
function locations(text: ProseMirrorNode): { byBlock: Map<string, Location>; byProposal: Map<string, Location> } {
  const byBlock = new Map<string, Location>();
  const byProposal = new Map<string, Location>();
  for (const block of computeNumbering(text).blocks) {
    let location: Location;
    if (block.kind === 'paragraph') location = { paragraphNumber: block.number, subparagraph: null };
    else if (block.kind === 'subparagraph' && block.parentNumber > 0) location = { paragraphNumber: block.parentNumber, subparagraph: block.label.slice(1, -1) };
    else continue;
    if (block.id !== '') byBlock.set(block.id, location);
    const node = text.nodeAt(block.pos);
    const own: unknown = node?.attrs.proposal;
    if (typeof own === 'string' && own !== '' && !byProposal.has(own)) byProposal.set(own, location);
    node?.forEach((child) => {
      for (const mark of child.marks) {
        const pid = String(mark.attrs.pid ?? '');
        if ((mark.type.name === 'insertion' || mark.type.name === 'deletion') && pid !== '' && !byProposal.has(pid)) byProposal.set(pid, location);
      }
    });
  }
  return { byBlock, byProposal };
}

/** Every proposal with its paragraph and words, by paragraph (proposals without one last), then as made. */
export function proposalRows(document: WorkspaceDocument): ProposalRow[] {
  const text = negotiationText(document.doc);
  const texts = proposalTexts(text);
  const { byBlock, byProposal } = locations(text);
  const rows = allProposals(document.doc).map((proposal): ProposalRow => {
    const words = texts.get(proposal.id);
    const inText = byProposal.get(proposal.id);
    const recorded = proposal.paragraphId === null ? undefined : byBlock.get(proposal.paragraphId);
    const paragraphNumber = recorded?.paragraphNumber ?? inText?.paragraphNumber ?? null;
    const subparagraph = inText !== undefined && inText.paragraphNumber === paragraphNumber ? inText.subparagraph : null;
    return { ...proposal, paragraphNumber, subparagraph, inserted: words?.inserted ?? '', deleted: words?.deleted ?? '' };
  });
  const order = (row: ProposalRow): number => row.paragraphNumber ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => order(a) - order(b));
}

function oneLine(text: string): string {
  return text.replace(/\n/gu, ' / ');
}

function rowLine(row: ProposalRow): string {
  const where = row.paragraphNumber === null ? '¶?' : `¶${row.paragraphNumber}${row.subparagraph === null ? '' : ` (${row.subparagraph})`}`;
  const who = row.proposers.join(', ') + (row.onBehalfOf === null ? '' : ` on behalf of ${row.onBehalfOf}`);
  const words = [row.deleted === '' ? '' : `−"${oneLine(row.deleted)}"`, row.inserted === '' ? '' : `+"${oneLine(row.inserted)}"`].filter((part) => part !== '').join(' ');
  const parts = [`${where} ${row.kind} by ${who}${words === '' ? '' : `: ${words}`}`];
  if (row.supporters.length > 0) parts.push(`supported by ${row.supporters.join(', ')}`);
  if (row.opponents.length > 0) parts.push(`opposed by ${row.opponents.join(', ')}`);
  parts.push(row.status + (row.mergedInto === null ? '' : ` into ${row.mergedInto}`), row.id);
  return parts.join(' | ');
}

/** `zerodraft proposals <file> [--json] [--delegation X] [--status S]` */
export function commandProposals(document: WorkspaceDocument, options: ProposalsOptions, output: CommandOutput): void {
  const delegation = delegationOption(options.delegation);
  const status = statusOption(options.status);
  const rows = proposalRows(document)
    .filter((row) => delegation === undefined || isProposedBy(row, delegation))
    .filter((row) => status === undefined || row.status === status);
  if (options.json) {
    output.out(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) output.out('No proposal matches.\n');
  for (const row of rows) output.out(`${rowLine(row)}\n`);
}

/**
 * `zerodraft text <file> [--view clean|compilation|as-accepted] [--delegation X]`: without a
 * view, the text as it stands (every proposed word in it); `clean`: the agreed text (accepted
 * proposals only); `as-accepted`: as if every open proposal were accepted; `compilation`: every
 * proposal inline with its attribution (with `--delegation`: only that delegation's).
 */
export function commandText(document: WorkspaceDocument, options: ProposalsOptions, output: CommandOutput): void {
  const view = options.view;
  if (view !== undefined && !views.includes(view as TextView)) throw new ZeroDraftError('invalid-argument', `--view must be one of: ${views.join(', ')}.`);
  const delegation = delegationOption(options.delegation);
  if (delegation !== undefined && view !== 'compilation') throw new ZeroDraftError('invalid-argument', '--delegation applies only to --view compilation.');
  const text = negotiationText(document.doc);
  if (view === undefined) {
    output.out(negotiationPlainText(text));
    return;
  }
  const proposals = proposalsById(document.doc);
  if (view === 'compilation') output.out(compilationText(text, proposals, delegation === undefined ? {} : { delegation }));
  else output.out(negotiationPlainText(proposalView(text, proposals, view as Exclude<TextView, 'compilation'>)));
}
