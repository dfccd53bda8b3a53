// Baseline editors for the benchmarks, in the same Chromium as the app: plain ProseMirror, and
// ProseMirror bound to Yjs with y-prosemirror, both over the same text, in one editing host
// without sections. `?mode=plain|yjs&size=L` loads /data/<size>.ystate (the app's own Yjs state).
import { Schema, type Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode, ySyncPlugin } from 'y-prosemirror';
import * as Y from 'yjs';
import { negotiationSchema } from '../../shared/schema/negotiationSchema';

const plainSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    text: {},
  },
});

/** The negotiation's text as plain paragraphs: the same words, no structure. */
function plainDocument(negotiation: ProseMirrorNode): ProseMirrorNode {
  const paragraphs: ProseMirrorNode[] = [];
  negotiation.descendants((node) => {
    if (!node.isTextblock) return true;
    paragraphs.push(plainSchema.node('paragraph', null, node.textContent === '' ? [] : [plainSchema.text(node.textContent)]));
    return false;
  });
  return plainSchema.node('doc', null, paragraphs);
}

async function start(): Promise<void> {
  const parameters = new URLSearchParams(location.search);
  const mode = parameters.get('mode') ?? 'plain';
  const size = parameters.get('size') ?? 'L';
  const state = new Uint8Array(await (await fetch(`/data/${size}.ystate`)).arrayBuffer());
  const source = new Y.Doc({ gc: false });
  Y.applyUpdate(source, state);
  const doc = plainDocument(yXmlFragmentToProseMirrorRootNode(source.getXmlFragment('draft'), negotiationSchema));
  const mount = document.getElementById('editor')!;
  const plugins = [keymap(baseKeymap)];
  let editorState: EditorState;
  if (mode === 'yjs') {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('prosemirror');
    prosemirrorToYXmlFragment(doc, fragment);
    editorState = EditorState.create({ schema: plainSchema, plugins: [ySyncPlugin(fragment), ...plugins] });
  } else {
    editorState = EditorState.create({ doc, plugins });
  }
  const view = new EditorView(mount, { state: editorState });
  (window as unknown as { benchView: EditorView }).benchView = view;
  (window as unknown as { benchReady: boolean }).benchReady = true;
}

void start();
