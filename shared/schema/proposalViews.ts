import { Fragment, type Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import { delegationLabel, findDelegation } from '../domain/delegations';
import type { Proposal, ProposalStatus } from '../domain/proposalTypes';
import { computeNumbering } from './numbering';

/**
 * Views derived from the text + proposal marks + proposal records ("decisions are records, the
 * text view is derived"): the clean (agreed) text, the text as if every pending proposal were
 * accepted, the compilation with every proposal inline, and the words of each proposal.
 *
 * Mark order differs between replicas, so nothing here depends on it: the proposal ids of a
 * text node are collected into sorted sets, and output marks are rebuilt through `Mark.setFrom`
 * order (the schema's rank).
 */

/** The derived text views: `clean` = the agreed text; `as-accepted` = as if every open proposal were accepted. */
export type ProposalView = 'clean' | 'as-accepted';

/** A language of the attributions (the names of delegations). */
export type AttributionLanguage = 'en' | 'zh';

/** Options of {@link compilationText}. */
export interface CompilationOptions {
  /** Show only the proposals this delegation made (as proposer or the group it spoke for); the rest reads as in the clean view. */
  delegation?: string;
  /** Language of the delegation names in attributions (default English). */
  language?: AttributionLanguage;
}

/** What one proposal inserts and deletes, and where. */
export interface ProposalText {
  /** The inserted words; separate runs in one block joined by ' … ', blocks by '\n'. */
  inserted: string;
  /** The deleted words, joined the same way. */
  deleted: string;
  /** Stable id of the paragraph the proposal is in (for a sub-paragraph: the paragraph it belongs to); null when none. */
  paragraphId: string | null;
}

const runSeparator = ' … ';
const blockSeparator = '\n';

/** The status of a proposal id; an id without a record counts as pending. */
export function proposalStatus(pid: string, proposals: ReadonlyMap<string, Proposal>): ProposalStatus {
  return proposals.get(pid)?.status ?? 'pending';
}

/** Whether a proposal in this status takes effect in the view. */
export function takesEffect(status: ProposalStatus, view: ProposalView): boolean {
  if (status === 'accepted') return true;
  return view === 'as-accepted' && (status === 'pending' || status === 'conflict');
}

function isProposalMark(mark: Mark): boolean {
  return mark.type.name === 'insertion' || mark.type.name === 'deletion';
}

/** The sorted, distinct pids of the marks of one type on a node (independent of mark order). */
function markPids(node: ProseMirrorNode, typeName: 'insertion' | 'deletion'): string[] {
  const pids = new Set<string>();
  for (const mark of node.marks) {
    if (mark.type.name === typeName) pids.add(String(mark.attrs.pid));
  }
  return [...pids].sort();
}

/** The pid of the proposal that proposes this whole block, if any. */
function blockProposal(node: ProseMirrorNode): string | null {
  const pid: unknown = node.attrs.proposal;
  return typeof pid === 'string' && pid !== '' ? pid : null;
}

/** Text under insertions appears only when every one of them takes effect; text under a deletion disappears when any takes effect. */
function visible(insertions: readonly string[], deletions: readonly string[], effective: (pid: string) => boolean): boolean {
  return insertions.every(effective) && !deletions.some(effective);
}

function viewOfNode(node: ProseMirrorNode, effective: (pid: string) => boolean): ProseMirrorNode | null {
  const own = blockProposal(node);
  if (own !== null && !effective(own)) return null;
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => {
    if (child.isText) {
      if (!visible(markPids(child, 'insertion'), markPids(child, 'deletion'), effective)) return;
      children.push(child.mark(child.marks.filter((mark) => !isProposalMark(mark))));
      return;
    }
    const kept = viewOfNode(child, effective);
    if (kept) children.push(kept);
  });
  const attrs = own !== null ? { ...node.attrs, proposal: null } : node.attrs;
  // Fragment.fromArray joins neighbouring text nodes that now have the same marks.
  return node.type.create(attrs, Fragment.fromArray(children), node.marks);
}

/**
 * A new document without proposal marks. `clean`: only accepted proposals take effect;
 * `as-accepted`: pending and conflicting ones too (rejected, withdrawn and merged never do).
 * Inserted text stays when every insertion on it takes effect and no deletion on it does;
 * a proposed paragraph (attr `proposal`) stays only when its proposal takes effect (and then
 * loses the attr). Paragraphs emptied by deletions stay, so the numbering does not jump.
 */
export function proposalView(doc: ProseMirrorNode, proposals: ReadonlyMap<string, Proposal>, view: ProposalView): ProseMirrorNode {
  const effective = (pid: string): boolean => takesEffect(proposalStatus(pid, proposals), view);
  return viewOfNode(doc, effective) ?? doc.type.create(doc.attrs, Fragment.empty);
}

function nameOf(code: string, language: AttributionLanguage): string {
  const delegation = findDelegation(code);
  return delegation ? delegationLabel(delegation, language) : code;
}

function names(codes: readonly string[], language: AttributionLanguage): string {
  return codes.map((code) => nameOf(code, language)).join(', ');
}

/**
 * The attribution of a proposal, without parentheses: "EU; supported by Norway, Switzerland;
 * opposed by Mexico", with the status appended when not pending ("EU; accepted"). Names come
 * from the delegation registry in the language (short labels for groups and the EU).
 */
export function proposalAttribution(pid: string, proposal: Proposal | undefined, language: AttributionLanguage = 'en'): string {
  if (!proposal) return pid;
  let who = names(proposal.proposers, language);
  if (proposal.onBehalfOf) {
    const group = nameOf(proposal.onBehalfOf, language);
    who = who === '' ? group : `${who} on behalf of ${group}`;
  }
  const parts = [who === '' ? pid : who];
  if (proposal.supporters.length > 0) parts.push(`supported by ${names(proposal.supporters, language)}`);
  if (proposal.opponents.length > 0) parts.push(`opposed by ${names(proposal.opponents, language)}`);
  if (proposal.status !== 'pending') parts.push(proposal.status);
  return parts.join('; ');
}

/** Whether the delegation (code, any case) made the proposal, as a proposer or as the group spoken for. */
export function isProposedBy(proposal: Proposal | undefined, delegation: string): boolean {
  if (!proposal) return false;
  const code = delegation.trim().toUpperCase();
  return proposal.proposers.some((proposer) => proposer.toUpperCase() === code) || proposal.onBehalfOf?.toUpperCase() === code;
}

/** A stretch of a block's text with one set of shown insertions and deletions. */
interface Segment { text: string; insertions: string[]; deletions: string[] }

function sameSets(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function pidsOfSegment(segment: Segment): Set<string> {
  return new Set([...segment.insertions, ...segment.deletions]);
}

function hasProposals(segment: Segment): boolean {
  return segment.insertions.length > 0 || segment.deletions.length > 0;
}

function sameFormat(a: Segment, b: Segment): boolean {
  return (a.insertions.length > 0) === (b.insertions.length > 0) && (a.deletions.length > 0) === (b.deletions.length > 0);
}

/** Leading whitespace, core, trailing whitespace (whitespace-only text is all core). */
function splitWhitespace(text: string): [string, string, string] {
  const match = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text);
  if (!match || match[2] === '') return ['', text, ''];
  return [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
}

interface CompilationContext {
  proposals: ReadonlyMap<string, Proposal>;
  shown: (pid: string) => boolean;
  attribution: (pid: string) => string;
  /** Orders attributions that end at the same place: earlier proposals first, then by id. */
  compare: (a: string, b: string) => number;
}

function segmentsOfBlock(node: ProseMirrorNode, ownShown: string | null, context: CompilationContext): Segment[] {
  const { shown, proposals } = context;
  const hiddenEffective = (pid: string): boolean => takesEffect(proposalStatus(pid, proposals), 'clean');
  const segments: Segment[] = [];
  node.forEach((child) => {
    if (!child.isText || !child.text) return;
    const allInsertions = markPids(child, 'insertion');
    const allDeletions = markPids(child, 'deletion');
    // Proposals not shown read as in the clean view.
    if (!visible(allInsertions.filter((pid) => !shown(pid)), allDeletions.filter((pid) => !shown(pid)), hiddenEffective)) return;
    const insertionSet = new Set(allInsertions.filter(shown));
    if (ownShown !== null) insertionSet.add(ownShown);
    const insertions = [...insertionSet].sort();
    const deletions = allDeletions.filter(shown);
    const last = segments[segments.length - 1];
    if (last && sameSets(last.insertions, insertions) && sameSets(last.deletions, deletions)) last.text += child.text;
    else segments.push({ text: child.text, insertions, deletions });
  });
  return segments;
}

/** Pids whose contiguous run ends with segment `index`. */
function runsEndingAt(segments: readonly Segment[], index: number, context: CompilationContext): string[] {
  const current = segments[index];
  if (!current) return [];
  const next = segments[index + 1];
  const following = next ? pidsOfSegment(next) : new Set<string>();
  return [...pidsOfSegment(current)].filter((pid) => !following.has(pid)).sort(context.compare);
}

function renderSegments(segments: readonly Segment[], context: CompilationContext): string {
  let out = '';
  let index = 0;
  while (index < segments.length) {
    const first = segments[index] as Segment;
    if (!hasProposals(first)) {
      out += first.text;
      index += 1;
      continue;
    }
    // One formatted group: same kind of change, no attribution due inside it.
    let last = index;
    let text = first.text;
    while (last + 1 < segments.length && sameFormat(first, segments[last + 1] as Segment) && runsEndingAt(segments, last, context).length === 0) {
      last += 1;
      text += (segments[last] as Segment).text;
    }
    const open = (first.deletions.length > 0 ? '~~' : '') + (first.insertions.length > 0 ? '**' : '');
    const close = (first.insertions.length > 0 ? '**' : '') + (first.deletions.length > 0 ? '~~' : '');
    const [lead, core, trail] = splitWhitespace(text);
    const attributions = runsEndingAt(segments, last, context).map((pid) => ` (${context.attribution(pid)})`).join('');
    out += `${lead}${open}${core}${close}${attributions}${trail}`;
    index = last + 1;
  }
  return out;
}

/** The compilation text of one numbered block, or null when the block is a proposed paragraph left out. */
function compilationOfBlock(node: ProseMirrorNode, context: CompilationContext): string | null {
  const own = blockProposal(node);
  let ownShown: string | null = null;
  if (own !== null) {
    if (context.shown(own)) ownShown = own;
    else if (!takesEffect(proposalStatus(own, context.proposals), 'clean')) return null;
  }
  const segments = segmentsOfBlock(node, ownShown, context);
  if (ownShown !== null && segments.length === 0) return `(${context.attribution(ownShown)})`;
  return renderSegments(segments, context);
}

/**
 * The numbered plain text (as `negotiationPlainText`) with every proposal inline: insertions
 * `**text**`, deletions `~~text~~`, each contiguous run of a proposal followed once by its
 * attribution, "(EU; supported by Norway, Switzerland; opposed by Mexico)". A replacement
 * (deletion and insertion of one proposal, side by side) is attributed once, after its last
 * part. Paragraph numbers are those of the document itself (proposed paragraphs included), so
 * they match the editor; with `delegation`, other proposals' text reads as in the clean view
 * and their proposed paragraphs that are not accepted are left out (the numbers stay).
 */
export function compilationText(doc: ProseMirrorNode, proposals: ReadonlyMap<string, Proposal>, options: CompilationOptions = {}): string {
  const language = options.language ?? 'en';
  const delegation = options.delegation;
  const context: CompilationContext = {
    proposals,
    shown: delegation === undefined ? () => true : (pid) => isProposedBy(proposals.get(pid), delegation),
    attribution: (pid) => proposalAttribution(pid, proposals.get(pid), language),
    compare: (a, b) => {
      const createdA = proposals.get(a)?.createdAt ?? '';
      const createdB = proposals.get(b)?.createdAt ?? '';
      if (createdA !== createdB) return createdA < createdB ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    },
  };
  const lines: string[] = [];
  doc.firstChild?.forEach((line) => { if (line.textContent.trim() !== '') lines.push(line.textContent); });
  for (const block of computeNumbering(doc).blocks) {
    if (block.kind === 'section') lines.push('', block.text);
    else if (block.kind === 'objective') lines.push('', `${block.label}: ${block.text}`);
    else {
      const node = doc.nodeAt(block.pos);
      const text = node ? compilationOfBlock(node, context) : '';
      if (text !== null) lines.push(`${block.label} ${text}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Where the proposal's text of one kind was last seen, to tell a continuing run from a new one. */
interface TextCollector { lastBlock: number; lastPiece: number }
interface ProposalCollector { inserted: TextCollector; deleted: TextCollector; blocksInserted: string[][]; blocksDeleted: string[][]; paragraphId: string | null }

function collect(collector: TextCollector, blocks: string[][], blockIndex: number, pieceIndex: number, text: string): void {
  if (collector.lastBlock === blockIndex && collector.lastPiece === pieceIndex - 1) {
    const runs = blocks[blocks.length - 1] as string[];
    runs[runs.length - 1] += text;
  } else if (collector.lastBlock === blockIndex) {
    (blocks[blocks.length - 1] as string[]).push(text);
  } else {
    blocks.push([text]);
  }
  collector.lastBlock = blockIndex;
  collector.lastPiece = pieceIndex;
}

function joinBlocks(blocks: readonly string[][]): string {
  return blocks.map((runs) => runs.join(runSeparator)).join(blockSeparator);
}

/**
 * The words each proposal inserts and deletes (including the text of a proposed paragraph) and
 * the paragraph it is in (the first, if it spans several). Separate runs in one block are joined
 * by ' … ', blocks by a line break.
 */
export function proposalTexts(doc: ProseMirrorNode): Map<string, ProposalText> {
  const collectors = new Map<string, ProposalCollector>();
  const collectorOf = (pid: string, paragraphId: string | null): ProposalCollector => {
    let collector = collectors.get(pid);
    if (!collector) {
      collector = {
        inserted: { lastBlock: -1, lastPiece: -1 }, deleted: { lastBlock: -1, lastPiece: -1 },
        blocksInserted: [], blocksDeleted: [], paragraphId,
      };
      collectors.set(pid, collector);
    }
    return collector;
  };
  let paragraphId: string | null = null;
  computeNumbering(doc).blocks.forEach((block, blockIndex) => {
    if (block.kind === 'paragraph') paragraphId = block.id === '' ? null : block.id;
    else if (block.kind !== 'subparagraph') return;
    else if (block.parentNumber === 0) paragraphId = null;
    const node = doc.nodeAt(block.pos);
    if (!node) return;
    const own = blockProposal(node);
    if (own !== null) collectorOf(own, paragraphId);
    let pieceIndex = 0;
    node.forEach((child) => {
      if (!child.isText || !child.text) return;
      const insertions = new Set(markPids(child, 'insertion'));
      if (own !== null) insertions.add(own);
      for (const pid of [...insertions].sort()) {
        const collector = collectorOf(pid, paragraphId);
        collect(collector.inserted, collector.blocksInserted, blockIndex, pieceIndex, child.text);
      }
      for (const pid of markPids(child, 'deletion')) {
        const collector = collectorOf(pid, paragraphId);
        collect(collector.deleted, collector.blocksDeleted, blockIndex, pieceIndex, child.text);
      }
      pieceIndex += 1;
    });
  });
  const texts = new Map<string, ProposalText>();
  for (const [pid, collector] of collectors) {
    texts.set(pid, { inserted: joinBlocks(collector.blocksInserted), deleted: joinBlocks(collector.blocksDeleted), paragraphId: collector.paragraphId });
  }
  return texts;
}
