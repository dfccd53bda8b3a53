import { Schema, type DOMOutputSpec, type Node as ProseMirrorNode } from 'prosemirror-model';

/** The part of a DOM element that parse rules read (shared/ is compiled without DOM typings). */
interface ElementLike { getAttribute(name: string): string | null }

/** Status of a negotiated paragraph. */
export type ParagraphStatus = 'open' | 'agreed-ad-ref' | 'agreed';

/** All paragraph statuses, in the order a paragraph moves through them. */
export const paragraphStatuses: readonly ParagraphStatus[] = ['open', 'agreed-ad-ref', 'agreed'];

/** Node types that carry a stable `id` attribute. */
export const blockTypesWithId: ReadonlySet<string> = new Set(['section', 'objective', 'paragraph', 'subparagraph']);

/** Average rendered height of one character of text, in pixels, for the scroll estimate. */
const pixelsPerCharacter = 0.3;

/**
 * Sections and objectives are the units the browser may skip rendering while off screen
 * (`content-visibility: auto`); their intrinsic size is estimated from their text so the
 * scrollbar is close before they are first laid out.
 */
function estimatedHeightStyle(node: ProseMirrorNode): string {
  let blocks = 0;
  node.descendants((child) => { if (child.isTextblock) blocks += 1; return !child.isTextblock; });
  const estimate = Math.round(40 + blocks * 32 + node.textContent.length * pixelsPerCharacter);
  return `contain-intrinsic-size: auto ${estimate}px`;
}

function textLine(tag: string, className: string, marks = ''): { content: string; marks: string; toDOM: () => DOMOutputSpec; parseDOM: { tag: string }[] } {
  return {
    content: 'text*',
    marks,
    toDOM: () => [tag, { class: className }, 0],
    parseDOM: [{ tag: `${tag}.${className}` }],
  };
}

/**
 * The negotiation text: a title block, then sections; sections hold numbered paragraphs,
 * lettered sub-paragraphs and objectives. Paragraph numbers and letters are computed, never
 * stored. Content expressions are deliberately loose (any order of blocks inside a section)
 * because concurrent edits from other replicas can produce any order, and y-prosemirror drops
 * nodes that do not fit the schema.
 */
/**
 * The class naming a proposal on the elements that show it (marked words, a proposed paragraph).
 * The style sheet of proposals addresses them by class: class rules are looked up by name,
 * where attribute selectors (`[data-pid="..."]`) are each tried against every element.
 */
export function proposalClass(pid: string): string {
  return `zd-p-${pid.replace(/[^A-Za-z0-9_-]/g, (character) => `_${character.charCodeAt(0).toString(16)}_`)}`;
}

function proposedBlockClass(base: string, proposal: unknown): string {
  return typeof proposal === 'string' ? `${base} ${proposalClass(proposal)}` : base;
}

export const negotiationSchema = new Schema({
  nodes: {
    doc: { content: 'titleBlock section+' },
    titleBlock: {
      content: 'docSymbol docStatus docDate docTitle',
      toDOM: () => ['header', { class: 'zd-title-block' }, 0],
      parseDOM: [{ tag: 'header.zd-title-block' }],
    },
    docSymbol: textLine('p', 'zd-doc-symbol'),
    docStatus: textLine('p', 'zd-doc-status'),
    docDate: textLine('p', 'zd-doc-date'),
    docTitle: textLine('h1', 'zd-doc-title'),
    section: {
      content: 'sectionHeading (paragraph | subparagraph | objective)*',
      attrs: { id: { default: '' } },
      toDOM: (node) => ['section', { class: 'zd-section', 'data-id': node.attrs.id as string, style: estimatedHeightStyle(node) }, 0],
      parseDOM: [{ tag: 'section.zd-section', getAttrs: (dom) => ({ id: (dom as unknown as ElementLike).getAttribute('data-id') ?? '' }) }],
    },
    sectionHeading: textLine('h2', 'zd-section-heading', 'insertion deletion'),
    objective: {
      content: 'objectiveHeading (paragraph | subparagraph)*',
      attrs: { id: { default: '' } },
      toDOM: (node) => ['div', { class: 'zd-objective', 'data-id': node.attrs.id as string, style: estimatedHeightStyle(node) }, 0],
      parseDOM: [{ tag: 'div.zd-objective', getAttrs: (dom) => ({ id: (dom as unknown as ElementLike).getAttribute('data-id') ?? '' }) }],
    },
    objectiveHeading: textLine('h3', 'zd-objective-heading', 'insertion deletion'),
    paragraph: {
      content: 'text*',
      marks: 'strong em insertion deletion',
      // `proposal`: the id of the proposal that proposes this whole paragraph, if any.
      attrs: { id: { default: '' }, status: { default: 'open' }, proposal: { default: null } },
      toDOM: (node) => ['p', {
        class: proposedBlockClass('zd-paragraph', node.attrs.proposal), 'data-id': node.attrs.id as string, 'data-status': node.attrs.status as string,
        ...(node.attrs.proposal === null ? {} : { 'data-proposal': node.attrs.proposal as string }),
      }, 0],
      parseDOM: [{
        tag: 'p.zd-paragraph',
        getAttrs: (dom) => ({ id: '', status: (dom as unknown as ElementLike).getAttribute('data-status') ?? 'open' }),
      }, { tag: 'p', getAttrs: () => ({ id: '' }) }],
    },
    subparagraph: {
      content: 'text*',
      marks: 'strong em insertion deletion',
      attrs: { id: { default: '' }, proposal: { default: null } },
      toDOM: (node) => ['p', {
        class: proposedBlockClass('zd-subparagraph', node.attrs.proposal), 'data-id': node.attrs.id as string,
        ...(node.attrs.proposal === null ? {} : { 'data-proposal': node.attrs.proposal as string }),
      }, 0],
      parseDOM: [{ tag: 'p.zd-subparagraph', priority: 60, getAttrs: () => ({ id: '' }) }],
    },
    text: {},
  },
  marks: {
    // Proposal marks carry only the proposal's id: the delegation, status and decisions live in
    // the record. `excludes: ''` lets several proposals mark the same words; `inclusive: false`
    // keeps typing next to or inside a proposal from joining it by accident.
    insertion: {
      attrs: { pid: {} },
      excludes: '',
      inclusive: false,
      toDOM: (mark) => ['ins', { class: `zd-insertion ${proposalClass(mark.attrs.pid as string)}`, 'data-pid': mark.attrs.pid as string }, 0],
      parseDOM: [{ tag: 'ins[data-pid]', getAttrs: (dom) => ({ pid: (dom as unknown as ElementLike).getAttribute('data-pid') ?? '' }) }],
    },
    deletion: {
      attrs: { pid: {} },
      excludes: '',
      inclusive: false,
      toDOM: (mark) => ['del', { class: `zd-deletion ${proposalClass(mark.attrs.pid as string)}`, 'data-pid': mark.attrs.pid as string }, 0],
      parseDOM: [{ tag: 'del[data-pid]', getAttrs: (dom) => ({ pid: (dom as unknown as ElementLike).getAttribute('data-pid') ?? '' }) }],
    },
    strong: {
      toDOM: () => ['strong', 0],
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
    },
    em: {
      toDOM: () => ['em', 0],
      parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
    },
  },
});

/** True for the blocks that are numbered or lettered: paragraphs and sub-paragraphs. */
export function isNumberedBlock(node: ProseMirrorNode): boolean {
  return node.type.name === 'paragraph' || node.type.name === 'subparagraph';
}
