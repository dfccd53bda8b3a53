import { Plugin } from 'prosemirror-state';
import type { DecorationAttrs } from 'prosemirror-view';
import { yCursorPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';

/** Who a remote cursor belongs to, as the awareness state carries it. */
interface CursorUser {
  name: string;
  color: string;
}

/** A remote caret: a coloured bar with the person's name above it. */
function remoteCaret(user: CursorUser): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'zd-remote-cursor';
  caret.style.borderColor = user.color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'zd-remote-cursor-label';
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  // Word joiners keep the caret from breaking a line on its own.
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** A remote selection: the person's colour, translucent. */
function remoteSelection(user: CursorUser): DecorationAttrs {
  return { class: 'zd-remote-selection', style: `background-color: ${user.color}33` };
}

/**
 * The others' cursors and selections in a shared workspace, with their names (y-prosemirror's
 * cursor plugin over the renderer's mirrored Awareness). It also writes this user's cursor into
 * the awareness while the local state is not null, that is while the workspace is shared; while
 * it is not, the view update is skipped, so typing in a workspace never shared costs nothing
 * (y-prosemirror would map the selection to relative positions on every keystroke).
 */
export function remoteCursorsPlugin(awareness: Awareness): Plugin {
  const cursors = yCursorPlugin(awareness, { cursorBuilder: remoteCaret, selectionBuilder: remoteSelection }) as Plugin;
  const createView = cursors.spec.view!;
  return new Plugin({
    ...cursors.spec,
    view: (view) => {
      const inner = createView(view);
      return {
        update: (updated, previous) => { if (awareness.getLocalState() !== null) inner.update?.(updated, previous); },
        destroy: () => inner.destroy?.(),
      };
    },
  });
}
