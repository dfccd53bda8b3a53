import { useEffect, useRef } from 'react';
import type { SyncSession } from '../app/syncSession';
import type { WorkspaceReplica } from '../app/workspaceReplica';
import { createNegotiationEditor } from './createNegotiationEditor';
import type { EditorStore } from './editorStore';

/** The centre of the window: the negotiation text in one ProseMirror view. */
export function EditorPane({ replica, store, sync, onRefusedEdit }: { replica: WorkspaceReplica; store: EditorStore; sync: SyncSession; onRefusedEdit: () => void }) {
  const mountRef = useRef<HTMLDivElement>(null);
  const refusedRef = useRef(onRefusedEdit);
  refusedRef.current = onRefusedEdit;
  useEffect(() => {
    const mount = mountRef.current;
    if (mount === null) return undefined;
    const view = createNegotiationEditor(mount, replica.doc, {
      onStateChange: (state) => store.setState(state), onRefusedEdit: () => refusedRef.current(),
      awareness: sync.awareness, editable: () => !sync.readOnly,
    });
    // A read-only token makes the text read-only (and a writable one editable again).
    let readOnly = sync.readOnly;
    const stopFollowing = sync.onChange(() => {
      if (sync.readOnly !== readOnly) { readOnly = sync.readOnly; view.setProps({}); }
    });
    performance.mark('zd:editor');
    store.setView(view);
    (window as { zeroDraftEditor?: unknown }).zeroDraftEditor = view;
    view.focus();
    return () => {
      stopFollowing();
      store.setView(null);
      view.destroy();
    };
  }, [replica, store, sync]);
  return <div className="zd-editor-scroll"><div className="zd-editor" ref={mountRef} /></div>;
}
