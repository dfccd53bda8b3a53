// Shared helpers for the editor, numbering and convergence tests: a sample outline, cursor
// placement by text, and readable views of numbering (labels, ids).
import { EditorState, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { draftFromOutline, type OutlineDraft } from '../../shared/schema/draftFromOutline';
import { computeNumbering, type NumberedBlock } from '../../shared/schema/numbering';
import { blockIdsPlugin } from '../../renderer/editor/blockIdsPlugin';
import { numberingPlugin } from '../../renderer/editor/numberingPlugin';

/**
 * Three sections; paragraphs 1-8 numbered through sections and objectives.
 * Paragraphs 5 and 6 are siblings (in objective 2) so nesting and moving can be checked.
 */
export const sampleOutline: OutlineDraft = {
  symbol: 'A/CONF.231/3', status: 'Zero draft', date: '5 February 2018', title: 'Global Compact',
  sections: [
    {
      heading: 'Preamble',
      blocks: [
        { kind: 'paragraph', text: 'Alpha one' },
        { kind: 'paragraph', text: 'Bravo two', subparagraphs: ['bravo a', 'bravo b'] },
      ],
    },
    {
      heading: 'Commitments',
      blocks: [
        { kind: 'objective', title: 'Safe migration', paragraphs: [
          { kind: 'paragraph', text: 'Charlie three' },
          { kind: 'paragraph', text: 'Delta four', subparagraphs: ['delta a'] },
        ] },
        { kind: 'objective', title: 'Protect rights', paragraphs: [
          { kind: 'paragraph', text: 'Echo five', subparagraphs: ['echo a', 'echo b'] },
          { kind: 'paragraph', text: 'Foxtrot six', status: 'agreed' },
          { kind: 'paragraph', text: 'Golf seven', subparagraphs: ['golf a'] },
        ] },
      ],
    },
    { heading: 'Follow-up', blocks: [{ kind: 'paragraph', text: 'Hotel eight' }] },
  ],
};

/** The sample document, with fresh ids. */
export function sampleDoc(): ProseMirrorNode {
  return draftFromOutline(sampleOutline);
}

/** An EditorState with the numbering and block-id plugins. */
export function editorState(doc: ProseMirrorNode = sampleDoc(), plugins: Plugin[] = [numberingPlugin(), blockIdsPlugin()]): EditorState {
  return EditorState.create({ doc, plugins });
}

/** Position of the first occurrence of `text` inside a textblock (throws when absent). */
export function posOfText(doc: ProseMirrorNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (!node.isTextblock) return true;
    const index = node.textContent.indexOf(text);
    if (index >= 0) found = pos + 1 + index;
    return false;
  });
  if (found < 0) throw new Error(`text not found: ${text}`);
  return found;
}

/** The state with the cursor at `offset` characters into the first occurrence of `text`. */
export function withCursor(state: EditorState, text: string, offset = 0): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOfText(state.doc, text) + offset)));
}

/** Runs a command; returns whether it applied and the new state. */
export function run(state: EditorState, command: Command): { applied: boolean; state: EditorState } {
  let next = state;
  const applied = command(state, (tr) => { next = next.apply(tr); });
  return { applied, state: next };
}

/** Runs a command that must apply. */
export function runOk(state: EditorState, command: Command): EditorState {
  const result = run(state, command);
  if (!result.applied) throw new Error('command did not apply');
  return result.state;
}

/** Every numbered block (paragraph, sub-paragraph) as `label text`, in document order. */
export function labels(doc: ProseMirrorNode): string[] {
  return computeNumbering(doc).blocks
    .filter((block) => block.kind === 'paragraph' || block.kind === 'subparagraph')
    .map((block) => `${block.label} ${doc.nodeAt(block.pos)?.textContent ?? ''}`.trimEnd());
}

/** Id of every numbered block by its text (texts are unique in the sample). */
export function idsByText(doc: ProseMirrorNode): Map<string, string> {
  const ids = new Map<string, string>();
  for (const block of computeNumbering(doc).blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'subparagraph') continue;
    const text = doc.nodeAt(block.pos)?.textContent ?? '';
    if (text !== '') ids.set(text, block.id);
  }
  return ids;
}

/** The numbered block whose text is `text`. */
export function blockWithText(doc: ProseMirrorNode, text: string): NumberedBlock {
  const block = computeNumbering(doc).blocks.find((candidate) => candidate.kind !== 'section' && candidate.kind !== 'objective'
    && doc.nodeAt(candidate.pos)?.textContent === text);
  if (block === undefined) throw new Error(`no block with text ${text}`);
  return block;
}

/** Ids of every block that carries one (sections, objectives, paragraphs, sub-paragraphs). */
export function allBlockIds(doc: ProseMirrorNode): string[] {
  const ids: string[] = [];
  doc.descendants((node) => {
    if (['section', 'objective', 'paragraph', 'subparagraph'].includes(node.type.name)) ids.push(String(node.attrs.id));
    return !node.isTextblock;
  });
  return ids;
}

/** ProseMirror JSON with every mark list sorted, for comparing replicas. */
export function normalizedJson(doc: ProseMirrorNode): unknown {
  const sortMarks = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortMarks);
    if (typeof value !== 'object' || value === null) return value;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      result[key] = key === 'marks' && Array.isArray(child)
        ? [...child].map(sortMarks).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        : sortMarks(child);
    }
    return result;
  };
  return sortMarks(doc.toJSON());
}
