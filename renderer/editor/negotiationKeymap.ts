import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { Plugin } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { negotiationSchema as schema } from '../../shared/schema/negotiationSchema';
import { decideAtCursor, goToProposal, proposeMove } from './proposalCommands';
import {
  goToEnd, goToStart, indentBlock, insertParagraph, insertSubparagraph, moveBlockDown, moveBlockUp,
  outdentBlock, setParagraphStatus, splitNegotiationBlock,
} from './negotiationCommands';

/** The editor's keys, listed for the Help panel: key and what it does (an i18n key). */
export const negotiationKeys: readonly { keys: string; action: string }[] = [
  { keys: 'Enter', action: 'keys.newBlock' },
  { keys: 'Mod-Enter', action: 'keys.newParagraph' },
  { keys: 'Mod-Shift-Enter', action: 'keys.newSubparagraph' },
  { keys: 'Tab', action: 'keys.indent' },
  { keys: 'Shift-Tab', action: 'keys.outdent' },
  { keys: 'Alt-ArrowUp', action: 'keys.moveUp' },
  { keys: 'Alt-ArrowDown', action: 'keys.moveDown' },
  { keys: 'Mod-b', action: 'keys.bold' },
  { keys: 'Mod-i', action: 'keys.italic' },
  { keys: 'Mod-z', action: 'keys.undo' },
  { keys: 'Mod-y', action: 'keys.redo' },
  { keys: 'Mod-Alt-1', action: 'keys.statusOpen' },
  { keys: 'Mod-Alt-2', action: 'keys.statusAdRef' },
  { keys: 'Mod-Alt-3', action: 'keys.statusAgreed' },
  { keys: 'Alt-Shift-a', action: 'keys.acceptProposal' },
  { keys: 'Alt-Shift-r', action: 'keys.rejectProposal' },
  { keys: 'Alt-Shift-w', action: 'keys.withdrawProposal' },
  { keys: 'Alt-PageDown', action: 'keys.nextProposal' },
  { keys: 'Alt-PageUp', action: 'keys.previousProposal' },
  { keys: 'Mod-Home', action: 'keys.start' },
  { keys: 'Mod-End', action: 'keys.end' },
];

/** Key bindings of the negotiation editor, then ProseMirror's base keymap. */
export function negotiationKeymap(): Plugin[] {
  return [
    keymap({
      Enter: splitNegotiationBlock,
      'Mod-Enter': insertParagraph,
      'Mod-Shift-Enter': insertSubparagraph,
      'Shift-Enter': insertSubparagraph,
      Tab: indentBlock,
      'Shift-Tab': outdentBlock,
      'Alt-ArrowUp': chainCommands(proposeMove(-1), moveBlockUp),
      'Alt-ArrowDown': chainCommands(proposeMove(1), moveBlockDown),
      'Mod-b': toggleMark(schema.marks.strong!),
      'Mod-i': toggleMark(schema.marks.em!),
      'Mod-z': undoCommand,
      'Mod-y': redoCommand,
      'Mod-Shift-z': redoCommand,
      'Mod-Alt-1': setParagraphStatus('open'),
      'Mod-Alt-2': setParagraphStatus('agreed-ad-ref'),
      'Mod-Alt-3': setParagraphStatus('agreed'),
      'Alt-Shift-a': decideAtCursor('accept'),
      'Alt-Shift-r': decideAtCursor('reject'),
      'Alt-Shift-w': decideAtCursor('withdraw'),
      'Alt-PageDown': goToProposal(1),
      'Alt-PageUp': goToProposal(-1),
      'Mod-Home': goToStart,
      'Mod-End': goToEnd,
    }),
    keymap(baseKeymap),
  ];
}
