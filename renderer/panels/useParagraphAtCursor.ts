import { numberingOf } from '../editor/numberingPlugin';
import { paragraphAtCursor } from '../editor/negotiationCommands';
import { useEditorSelector, type EditorStore } from '../editor/editorStore';

/** The paragraph at the cursor (or that its sub-paragraph belongs to), as panels need it. */
export interface CursorParagraph {
  id: string;
  number: number;
}

/** The paragraph at the cursor; changes only when the cursor moves to another paragraph (after a short pause). */
export function useParagraphAtCursor(store: EditorStore): CursorParagraph | null {
  const key = useEditorSelector(store, (state) => {
    if (state === null) return '';
    const paragraph = paragraphAtCursor(state);
    if (paragraph === null) return '';
    const id = String(paragraph.node.attrs.id);
    return `${id} ${numberingOf(state)?.byId.get(id)?.number ?? 0}`;
  }, 150);
  if (key === '') return null;
  const [id, number] = key.split(' ') as [string, string];
  return { id, number: Number(number) };
}

/** The current text of a paragraph (with its sub-paragraphs), read from the editor when asked. */
export function paragraphText(store: EditorStore, paragraphId: string): string {
  const state = store.getState();
  const block = state === null ? undefined : numberingOf(state)?.byId.get(paragraphId);
  if (state === null || block === undefined) return '';
  const texts = [state.doc.nodeAt(block.pos)?.textContent ?? ''];
  for (const other of numberingOf(state)?.numbering.blocks ?? []) {
    if (other.kind === 'subparagraph' && other.parentNumber === block.number && other.pos > block.pos) texts.push(state.doc.nodeAt(other.pos)?.textContent ?? '');
  }
  return texts.join(' ');
}
