import { useSyncExternalStore } from 'react';
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

/** Reads a value derived from the editor state; re-renders only when it changes (by `Object.is`, or compare strings). */
export function useEditorSelector<T>(store: EditorStore, selector: (state: EditorState | null) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
