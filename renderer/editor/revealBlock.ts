import type { EditorView } from 'prosemirror-view';
import { goToBlock } from './negotiationCommands';
import { numberingOf } from './numberingPlugin';

/**
 * Puts the cursor at the start of a block (section, objective, paragraph) found by its stable
 * id, focuses the editor and brings the block to the top of the text. False when it is gone.
 */
export function revealBlock(view: EditorView, blockId: string): boolean {
  const block = numberingOf(view.state)?.byId.get(blockId);
  if (block === undefined || !goToBlock(block.id, block.pos)(view.state, view.dispatch)) return false;
  view.focus();
  const element = view.nodeDOM(block.pos);
  if (element instanceof HTMLElement) element.scrollIntoView({ block: 'start' });
  return true;
}
