/**
 * Built-in sample proposals: the first reading of the sample zero draft (sampleDraft.ts) in the
 * first round of negotiations, 20-22 February 2018, as the co-facilitators' compilation would
 * hold it a week later. Twelve delegations propose; others support or oppose; two proposals are
 * accepted, two rejected, one withdrawn, the rest still open. Some compete for the same words
 * (paragraphs 17, 21 and 23 (b)).
 *
 * The wording is original sample text written for this app in UN negotiating style; it is not
 * the text of any proposal made in the real negotiations. Every `find` and `insertAfter` is
 * exact text of the paragraph (or sub-paragraph) of the sample draft it names, found once there.
 */

/** What a sample proposal does to the text. */
export type SampleProposalKind = 'add' | 'delete' | 'replace' | 'new-paragraph';

/** A decision the co-facilitators (or, for a withdrawal, the proposer) made on a sample proposal. */
export type SampleDecision = 'accept' | 'reject' | 'withdraw';

/** One proposal of the sample, located by paragraph number (as `zerodraft text` numbers the clean sample). */
export interface SampleProposal {
  /** The numbered paragraph (1-31) the proposal is about. */
  paragraphNumber: number;
  /** For add/delete/replace in a sub-paragraph: its letter ('a', 'b', ...). */
  subparagraph?: string;
  kind: SampleProposalKind;
  /** delete, replace: the exact words struck out. */
  find?: string;
  /** replace: the words that take their place (inserted right after them). */
  replaceWith?: string;
  /** add: the exact words after which `text` is inserted. */
  insertAfter?: string;
  /**
   * add: the inserted text, exactly (with its leading space or punctuation);
   * new-paragraph: the text of the proposed block.
   */
  text?: string;
  /** new-paragraph: the letter of the sub-paragraph the proposed sub-paragraph follows; without it, a numbered paragraph after the paragraph and its sub-paragraphs. */
  afterSubparagraph?: string;
  /** Registry codes of the proposing delegations. */
  proposers: readonly string[];
  supporters: readonly string[];
  opponents: readonly string[];
  decision?: SampleDecision;
  /** The co-facilitators' remark. */
  note?: string;
  /** When the proposal was made (ISO 8601, UTC; New York is UTC-5 in February). */
  createdAt: string;
}

/** The negotiation round of every sample proposal. */
export const sampleProposalRound = 1;

/** Who decides the sample's accepted and rejected proposals. */
export const sampleDecisionsBy = 'Co-facilitators';

/** The sample proposals, in the order they were made (the first reading went through the text in order). */
export const sampleProposals: readonly SampleProposal[] = [
  {
    paragraphNumber: 4, kind: 'add',
    insertAfter: 'each addressed by its own legal framework',
    text: ', while facing many common challenges and similar vulnerabilities',
    proposers: ['BRA'], supporters: ['EU', 'PHL'], opponents: ['HUN'],
    note: 'Draws on agreed language of the New York Declaration.',
    createdAt: '2018-02-20T15:25:00Z',
  },
  {
    paragraphNumber: 5, kind: 'add',
    insertAfter: 'a wide range of stakeholders',
    text: ', including migrant and diaspora organizations',
    proposers: ['NOR'], supporters: ['EU', 'MEX', 'PHL'], opponents: [],
    decision: 'accept', note: 'No objection in the room; taken into the revised draft.',
    createdAt: '2018-02-20T15:40:00Z',
  },
  {
    paragraphNumber: 8, kind: 'delete',
    find: 'Human mobility has accompanied the development of every society. ',
    proposers: ['HUN'], supporters: [], opponents: ['AFRICAN-GROUP', 'EU', 'MEX', 'PHL'],
    decision: 'reject', note: 'Broad support for retaining the sentence.',
    createdAt: '2018-02-20T16:30:00Z',
  },
  {
    paragraphNumber: 10, subparagraph: 'c', kind: 'replace',
    find: 'each State decides its own migration policy and regulates entry to and stay on its territory',
    replaceWith: 'the Global Compact reaffirms the sovereign right of States to determine their national migration policy and their prerogative to govern migration within their jurisdiction',
    proposers: ['AUS'], supporters: ['HUN', 'POL', 'RUS'], opponents: [],
    createdAt: '2018-02-20T17:05:00Z',
  },
  {
    paragraphNumber: 10, subparagraph: 'e', kind: 'replace',
    find: 'takes account of the different experiences of women, men, girls and boys',
    replaceWith: 'is gender-responsive, promoting gender equality and the empowerment of all women and girls',
    proposers: ['EU'], supporters: ['MEX', 'NOR'], opponents: ['RUS', 'VAT'],
    createdAt: '2018-02-20T17:20:00Z',
  },
  {
    paragraphNumber: 14, kind: 'add',
    insertAfter: 'the 2030 Agenda for Sustainable Development',
    text: ', the Sendai Framework for Disaster Risk Reduction 2015–2030, the Paris Agreement',
    proposers: ['CARICOM'], supporters: ['FJI', 'PHL'], opponents: [],
    createdAt: '2018-02-20T19:40:00Z',
  },
  {
    paragraphNumber: 16, subparagraph: 'd', kind: 'add',
    insertAfter: 'among States',
    text: ', on a voluntary basis and in accordance with national legislation',
    proposers: ['CHN'], supporters: ['EGY', 'RUS'], opponents: [],
    createdAt: '2018-02-21T15:15:00Z',
  },
  {
    paragraphNumber: 17, kind: 'delete',
    find: ', including the adverse effects of climate change',
    proposers: ['HUN'], supporters: ['POL'], opponents: ['CARICOM', 'EU', 'FJI', 'PHL'],
    createdAt: '2018-02-21T15:50:00Z',
  },
  {
    paragraphNumber: 17, kind: 'add',
    insertAfter: 'the adverse effects of climate change',
    text: ' and sea-level rise',
    proposers: ['PHL'], supporters: ['CARICOM', 'FJI'], opponents: [],
    note: 'Competes with the proposal of Hungary to delete the reference to climate change.',
    createdAt: '2018-02-21T16:05:00Z',
  },
  {
    paragraphNumber: 18, subparagraph: 'd', kind: 'add',
    insertAfter: 'Facilitate family reunification',
    text: ' for migrants at all skills levels, with due regard to the best interests of the child,',
    proposers: ['BRA'], supporters: ['MEX', 'PHL'], opponents: ['HUN'],
    createdAt: '2018-02-21T16:40:00Z',
  },
  {
    paragraphNumber: 18, subparagraph: 'e', kind: 'delete',
    find: ', irrespective of their status',
    proposers: ['AUS'], supporters: [], opponents: ['EU', 'PHL'],
    decision: 'withdraw', note: 'Withdrawn by Australia; its concern is kept in its proposal on paragraph 23 (b).',
    createdAt: '2018-02-21T16:55:00Z',
  },
  {
    paragraphNumber: 19, kind: 'replace',
    find: 'merely because they have been smuggled',
    replaceWith: 'for the fact of having been the object of smuggling',
    proposers: ['RUS'], supporters: ['CHN', 'EGY'], opponents: [],
    note: 'Aligns with the Protocol against the Smuggling of Migrants.',
    createdAt: '2018-02-21T17:30:00Z',
  },
  {
    paragraphNumber: 21, kind: 'replace',
    find: 'to honouring the duty of States to readmit their own nationals',
    replaceWith: 'to facilitating the identification and readmission of our own nationals',
    proposers: ['AFRICAN-GROUP'], supporters: ['BRA', 'PHL'], opponents: ['AUS', 'EU'],
    createdAt: '2018-02-21T19:10:00Z',
  },
  {
    paragraphNumber: 21, kind: 'add',
    insertAfter: 'readmit their own nationals',
    text: ' in a timely and effective manner',
    proposers: ['EU'], supporters: ['AUS', 'NOR'], opponents: ['AFRICAN-GROUP'],
    createdAt: '2018-02-21T19:25:00Z',
  },
  {
    paragraphNumber: 22, subparagraph: 'a', kind: 'add',
    insertAfter: 'to less than 3 per cent',
    text: ' and eliminating remittance corridors with costs higher than 5 per cent',
    proposers: ['G77'], supporters: ['EU', 'NOR'], opponents: [],
    decision: 'accept', note: 'Taken in: the full wording of target 10.c.',
    createdAt: '2018-02-22T15:10:00Z',
  },
  {
    paragraphNumber: 23, subparagraph: 'b', kind: 'delete',
    find: ', regardless of their status,',
    proposers: ['AUS'], supporters: ['POL'], opponents: ['BRA', 'EU', 'MEX'],
    createdAt: '2018-02-22T15:35:00Z',
  },
  {
    paragraphNumber: 23, subparagraph: 'b', kind: 'replace',
    find: ', regardless of their status,',
    replaceWith: ', in accordance with national legislation,',
    proposers: ['HUN'], supporters: ['AUS', 'POL'], opponents: ['CARICOM', 'EU', 'PHL'],
    createdAt: '2018-02-22T15:45:00Z',
  },
  {
    paragraphNumber: 23, subparagraph: 'd', kind: 'replace',
    find: 'with full respect for freedom of expression',
    replaceWith: 'in accordance with national legislation',
    proposers: ['EGY'], supporters: ['CHN', 'RUS'], opponents: ['CHE', 'EU', 'NOR'],
    decision: 'reject', note: 'Freedom of expression is agreed language; the wording stays.',
    createdAt: '2018-02-22T16:20:00Z',
  },
  {
    paragraphNumber: 25, kind: 'delete',
    find: ', with the International Organization for Migration playing a central coordinating role,',
    proposers: ['RUS'], supporters: ['CHN'], opponents: ['EU', 'NOR'],
    createdAt: '2018-02-22T17:00:00Z',
  },
  {
    paragraphNumber: 26, kind: 'new-paragraph', afterSubparagraph: 'b',
    text: 'Connect States with the expertise of local authorities, migrant organizations and the private sector;',
    proposers: ['NOR'], supporters: ['CHE', 'EU'], opponents: [],
    createdAt: '2018-02-22T17:20:00Z',
  },
  {
    paragraphNumber: 29, kind: 'replace',
    find: 'every four years',
    replaceWith: 'every two years',
    proposers: ['G77'], supporters: ['AFRICAN-GROUP', 'CARICOM'], opponents: ['AUS', 'EU'],
    createdAt: '2018-02-22T19:30:00Z',
  },
];

/** The id of the n-th sample proposal (0-based): 'sample-1', 'sample-2', ... */
export function sampleProposalId(index: number): string {
  return `sample-${index + 1}`;
}
