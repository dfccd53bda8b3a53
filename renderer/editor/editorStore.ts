import { useEffect, useRef, useState } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Holds the current editor view and state for the panels. Panels read it through
 * {@link useEditorSelector}, so a keystroke re-renders only what its selector says changed.
 */
export class EditorStore {
  private view: EditorView | null = null;
  private state: EditorState | null = null;
  private readonly listeners = new Set<() => void>();

  /** Called by the editor pane when a view is created or destroyed. */
  setView(view: EditorView | null): void {
    this.view = view;
    this.state = view?.state ?? null;
    this.emit();
  }

  /** Called after every transaction. */
  setState(state: EditorState): void {
    this.state = state;
    this.emit();
  }

  getView(): EditorView | null {
    return this.view;
  }

  getState(): EditorState | null {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Reads a value derived from the editor state and re-renders when it changes (by `Object.is`:
 * return primitives). With a delay, updates wait until the editor has been still that long (debounced).
 *
 * Why the delay matters: every React commit while the editor has focus makes React DOM measure
 * the selection by walking the whole editing host (O(text)); at 300 pages that is milliseconds
 * per keystroke. So panels that change as one types (counts, position, save state) update
 * after a pause, never on the keystroke itself.
 */
export function useEditorSelector<T>(store: EditorStore, selector: (state: EditorState | null) => T, delayMilliseconds = 0): T {
  const [value, setValue] = useState(() => selector(store.getState()));
  const selectorRef = useRef(selector);
  selectorRef.current = selector;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (): void => {
      timer = undefined;
      const next = selectorRef.current(store.getState());
      setValue(() => next);
    };
    const listener = (): void => {
      if (delayMilliseconds === 0) {
        update();
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(update, delayMilliseconds);
    };
    update();
    const unsubscribe = store.subscribe(listener);
    return () => { unsubscribe(); clearTimeout(timer); };
  }, [store, delayMilliseconds]);
  return value;
}
