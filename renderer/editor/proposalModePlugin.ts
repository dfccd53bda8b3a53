import type { Mark, Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import { ySyncPluginKey } from 'y-prosemirror';
import { paragraphAt } from './negotiationCommands';

/** Who is proposing, while proposal mode is on. */
export interface ProposalModeSettings {
  proposers: string[];
  onBehalfOf: string | null;
  round: number;
}

/** State of {@link proposalModePlugin}: off (null) or on with its settings and the proposal being typed. */
export interface ProposalModeState {
  settings: ProposalModeSettings | null;
  /** The proposal the current run of edits belongs to. */
  currentPid: string | null;
}

/** Key of {@link proposalModePlugin}; meta `{ settings }` switches the mode. */
export const proposalModeKey = new PluginKey<ProposalModeState>('proposalMode');

/** A proposal the plugin needs a record for (made by the caller, in the Y.Doc). */
export interface ProposalRequest {
  pid: string;
  kind: 'add' | 'delete' | 'replace' | 'new-paragraph';
  paragraphId: string | null;
  settings: ProposalModeSettings;
}

/** Options of {@link proposalModePlugin}. */
export interface ProposalModeOptions {
  /** A new globally unique proposal id. */
  newPid: () => string;
  /** Called once per new proposal, after its first edit: create its record. */
  onNewProposal: (request: ProposalRequest) => void;
  /**
   * Whether a proposal is still open for more words (pending). Words typed next to a decided
   * proposal start a new one, so nothing is added to an accepted proposal without review.
   */
  isOpen?: (pid: string) => boolean;
}

function isRemote(transaction: Transaction): boolean {
  return (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

/** The proposal marks of a mark set. */
function proposalMarks(marks: readonly Mark[], schema: Schema, pid?: string): Mark[] {
  return marks.filter((mark) => (mark.type === schema.marks.insertion || mark.type === schema.marks.deletion) && (pid === undefined || mark.attrs.pid === pid));
}

/** The stable id of the paragraph a position is in (or whose sub-paragraph it is in), or null. */
function paragraphIdAt(doc: ProseMirrorNode, pos: number): string | null {
  const paragraph = paragraphAt(doc.resolve(pos));
  return paragraph === null ? null : String(paragraph.node.attrs.id);
}

/**
 * Whether a transaction is one edit this plugin can turn into a proposal: one replace inside one
 * textblock, inserting inline content only. Other local edits are refused in proposal mode.
 */
function inlineEdit(transaction: Transaction): ReplaceStep | null {
  if (transaction.steps.length !== 1) return null;
  const step = transaction.steps[0];
  if (!(step instanceof ReplaceStep) || step.slice.openStart !== 0 || step.slice.openEnd !== 0) return null;
  let inline = true;
  step.slice.content.forEach((node) => { inline &&= node.isInline; });
  const doc = transaction.docs[0]!;
  const $from = doc.resolve(step.from);
  const markable = $from.parent.type.allowsMarkType(doc.type.schema.marks.insertion!);
  return inline && markable && $from.parent.isTextblock && $from.sameParent(doc.resolve(step.to)) ? step : null;
}

/** Marks deleted text as proposed for deletion; the proposal's own insertions are really removed. */
function markDeletion(tr: Transaction, from: number, to: number, pid: string, schema: Schema): void {
  const segments: { from: number; to: number; own: boolean }[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    segments.push({ from: start, to: end, own: proposalMarks(node.marks, schema, pid).some((mark) => mark.type === schema.marks.insertion) });
    return false;
  });
  for (const segment of segments.reverse()) {
    if (segment.own) tr.delete(segment.from, segment.to);
    else tr.addMark(segment.from, segment.to, schema.marks.deletion!.create({ pid }));
  }
}

/** The pid to continue: the current one when the edit touches its pending insertion. */
function continuingPid(state: EditorState, pluginState: ProposalModeState, from: number, to: number, isOpen: (pid: string) => boolean): string | null {
  const pid = pluginState.currentPid;
  if (pid === null || !isOpen(pid)) return null;
  const schema = state.schema;
  const before = state.doc.resolve(from).nodeBefore;
  const after = state.doc.resolve(to).nodeAfter;
  const touches = [before, after].some((node) => node !== null && proposalMarks(node.marks, schema, pid).length > 0);
  return touches ? pid : null;
}

/**
 * Rewrites one local edit as a proposal: inserted text carries `insertion{pid}` (and no
 * proposal mark it would otherwise inherit), deleted text stays, struck through with
 * `deletion{pid}`; typing over a selection is one replacement. Returns null when the edit is
 * not one this mode can record.
 */
export function proposalTransaction(state: EditorState, original: Transaction, pluginState: ProposalModeState, options: ProposalModeOptions): { tr: Transaction; request: ProposalRequest | null } | null {
  const settings = pluginState.settings;
  const step = inlineEdit(original);
  if (settings === null || step === null) return null;
  const schema = state.schema;
  const existing = continuingPid(state, pluginState, step.from, step.to, options.isOpen ?? (() => true));
  const pid = existing ?? options.newPid();
  const tr = state.tr;
  const inserted = step.slice.content.size > 0;
  const deleted = step.to > step.from;
  if (deleted) markDeletion(tr, step.from, step.to, pid, schema);
  let end = tr.mapping.map(step.to);
  if (inserted) {
    const insertion = schema.marks.insertion!.create({ pid });
    const nodes: ProseMirrorNode[] = [];
    step.slice.content.forEach((node) => {
      const marks = node.marks.filter((mark) => proposalMarks([mark], schema).length === 0);
      nodes.push(node.mark(insertion.addToSet(marks)));
    });
    tr.insert(end, nodes);
    end += step.slice.content.size;
  }
  const backspace = !inserted && state.selection.empty && state.selection.from === step.to;
  tr.setSelection(TextSelection.create(tr.doc, inserted || !backspace ? end : tr.mapping.map(step.from, -1)));
  tr.setMeta(proposalModeKey, { currentPid: pid });
  const kind = inserted && deleted ? 'replace' : inserted ? 'add' : 'delete';
  const request = existing === null ? { pid, kind, paragraphId: paragraphIdAt(state.doc, step.from), settings } as ProposalRequest : null;
  return { tr: tr.scrollIntoView(), request };
}

/** The ids of every id-carrying block of a document. */
function blockIds(doc: ProseMirrorNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (typeof node.attrs.id === 'string' && node.attrs.id !== '') ids.add(node.attrs.id);
    return !node.isTextblock;
  });
  return ids;
}

/**
 * A transaction that only adds empty paragraphs or sub-paragraphs (Enter at the end of a
 * paragraph, Ctrl+Enter): each new block becomes a proposed new paragraph. Null otherwise.
 */
export function proposedBlocksTransaction(state: EditorState, original: Transaction, pluginState: ProposalModeState, options: ProposalModeOptions): { tr: Transaction; request: ProposalRequest | null } | null {
  const settings = pluginState.settings;
  if (settings === null || !original.steps.every((step) => step instanceof ReplaceStep && step.from === step.to)) return null;
  const before = blockIds(state.doc);
  const added: { pos: number; id: string; empty: boolean }[] = [];
  original.doc.descendants((node, pos) => {
    if (node.isTextblock && typeof node.attrs.id === 'string' && !before.has(node.attrs.id) && 'proposal' in node.attrs) added.push({ pos, id: node.attrs.id, empty: node.content.size === 0 });
    return !node.isTextblock;
  });
  if (added.length === 0 || added.some((block) => !block.empty)) return null;
  const pid = options.newPid();
  const tr = original;
  for (const block of added) tr.setNodeAttribute(block.pos, 'proposal', pid);
  tr.setMeta(proposalModeKey, { currentPid: pid });
  return { tr, request: { pid, kind: 'new-paragraph', paragraphId: paragraphIdAt(tr.doc, added[0]!.pos + 1) ?? added[0]!.id, settings } };
}

/**
 * What to dispatch for a transaction while proposal mode may be on: the transaction itself
 * (mode off, remote, undo, selection only), its proposal form, or null (refused: an edit proposal
 * mode cannot record, such as joining two paragraphs). `request` asks for a new record.
 */
export function proposalModeTransaction(state: EditorState, transaction: Transaction, options: ProposalModeOptions): { tr: Transaction; request: ProposalRequest | null } | null {
  const pluginState = proposalModeKey.getState(state);
  if (pluginState === undefined || pluginState.settings === null || !transaction.docChanged || isRemote(transaction)) return { tr: transaction, request: null };
  if (transaction.getMeta(proposalModeKey) !== undefined || transaction.getMeta('addToHistory') === false) return { tr: transaction, request: null };
  return proposalTransaction(state, transaction, pluginState, options) ?? proposedBlocksTransaction(state, transaction, pluginState, options);
}

/** Switches proposal mode on (with who proposes) or off. */
export function setProposalMode(state: EditorState, settings: ProposalModeSettings | null): Transaction {
  return state.tr.setMeta(proposalModeKey, { settings, currentPid: null });
}

/**
 * Proposal mode's state: off, or on with who proposes and the proposal being typed. The
 * rewriting of edits happens where transactions are dispatched ({@link proposalModeTransaction}),
 * since a plugin cannot replace a transaction.
 */
export function proposalModePlugin(): Plugin<ProposalModeState> {
  return new Plugin<ProposalModeState>({
    key: proposalModeKey,
    state: {
      init: () => ({ settings: null, currentPid: null }),
      apply: (transaction, value) => {
        const meta = transaction.getMeta(proposalModeKey) as Partial<ProposalModeState> | undefined;
        if (meta === undefined) return value;
        return {
          settings: meta.settings !== undefined ? meta.settings : value.settings,
          currentPid: meta.currentPid !== undefined ? meta.currentPid : value.currentPid,
        };
      },
    },
  });
}
