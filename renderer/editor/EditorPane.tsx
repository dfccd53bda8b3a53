import { useEffect, useRef } from 'react';
import type { WorkspaceReplica } from '../app/workspaceReplica';
import { createNegotiationEditor } from './createNegotiationEditor';
import type { EditorStore } from './editorStore';

/** The centre of the window: the negotiation text in one ProseMirror view. */
export function EditorPane({ replica, store, onRefusedEdit }: { replica: WorkspaceReplica; store: EditorStore; onRefusedEdit: () => void }) {
  const mountRef = useRef<HTMLDivElement>(null);
  const refusedRef = useRef(onRefusedEdit);
  refusedRef.current = onRefusedEdit;
  useEffect(() => {
    const mount = mountRef.current;
    if (mount === null) return undefined;
    const view = createNegotiationEditor(mount, replica.doc, { onStateChange: (state) => store.setState(state), onRefusedEdit: () => refusedRef.current() });
    performance.mark('zd:editor');
    store.setView(view);
    (window as { zeroDraftEditor?: unknown }).zeroDraftEditor = view;
    view.focus();
    return () => {
      store.setView(null);
      view.destroy();
    };
  }, [replica, store]);
  return <div className="zd-editor-scroll"><div className="zd-editor" ref={mountRef} /></div>;
}
