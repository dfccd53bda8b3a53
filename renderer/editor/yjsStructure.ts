import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';

/** The part of y-prosemirror's binding this file reads: the bound fragment and the type-to-node mapping. */
interface SyncBinding {
  type: Y.XmlFragment;
  doc: Y.Doc;
  mapping: Map<Y.AbstractType<unknown>, ProseMirrorNode>;
  prosemirrorView: EditorView | null;
}

/** The y-prosemirror binding of an editor state, if the state is bound to a Y.Doc. */
export function syncBinding(state: EditorState): SyncBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: SyncBinding } | undefined;
  return sync?.binding ?? null;
}

/** The Yjs type that renders as this ProseMirror node (a reverse look-up of the binding's mapping). */
export function yTypeOfNode(binding: SyncBinding, node: ProseMirrorNode): Y.AbstractType<unknown> | undefined {
  for (const [type, mapped] of binding.mapping) if (mapped === node) return type;
  return undefined;
}

/**
 * Moves children [from, to) of a container to before child `target`, in Yjs itself: the
 * elements are cloned to the target and the originals deleted, in one transaction that the
 * undo manager tracks. Letting y-prosemirror diff a moved document instead rewrites
 * neighbouring elements in place, and two replicas moving neighbouring paragraphs at once then
 * lose text. Returns false (nothing done) when the state is not bound to a view.
 */
export function moveChildrenInYjs(view: EditorView, container: ProseMirrorNode, from: number, to: number, target: number): boolean {
  const binding = syncBinding(view.state);
  if (binding === null || binding.prosemirrorView !== view) return false;
  const parent = container === view.state.doc ? binding.type : yTypeOfNode(binding, container);
  if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return false;
  const children = parent.toArray();
  if (children.length !== container.childCount) return false;
  binding.doc.transact(() => {
    // A negotiation holds elements and text only (no hooks), so every clone is one of those.
    const clones = children.slice(from, to).map((child) => child.clone() as Y.XmlElement | Y.XmlText);
    parent.insert(target, clones);
    parent.delete(target <= from ? from + clones.length : from, to - from);
  }, ySyncPluginKey);
  return true;
}

const elementsWithId = new Set(['section', 'objective', 'paragraph', 'subparagraph']);

function collectIds(parent: Y.XmlFragment | Y.XmlElement, byId: Map<string, Y.XmlElement[]>): void {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement) || !elementsWithId.has(child.nodeName)) continue;
    const id = String(child.getAttribute('id') ?? '');
    if (id !== '') byId.set(id, [...(byId.get(id) ?? []), child]);
    if (child.nodeName === 'section' || child.nodeName === 'objective') collectIds(child, byId);
  }
}

/**
 * After changes from other replicas two blocks can share an id (two replicas moved the same
 * paragraph at once: Yjs has no move, so both copies stay, visibly). Every replica repairs it
 * the same way, in Yjs: the copy whose item is oldest keeps the id, the others get an id derived
 * from their own item, so concurrent repairs write identical values and converge.
 */
export function repairDuplicateIdsInYjs(fragment: Y.XmlFragment): void {
  const byId = new Map<string, Y.XmlElement[]>();
  collectIds(fragment, byId);
  const duplicates = [...byId].filter(([, elements]) => elements.length > 1);
  if (duplicates.length === 0) return;
  fragment.doc?.transact(() => {
    for (const [id, elements] of duplicates) {
      const copies = elements.filter((element) => element._item !== null)
        .sort((a, b) => a._item!.id.client - b._item!.id.client || a._item!.id.clock - b._item!.id.clock);
      for (const copy of copies.slice(1)) copy.setAttribute('id', `${id}-${copy._item!.id.client.toString(36)}-${copy._item!.id.clock.toString(36)}`);
    }
  }, repairOrigin);
}

/** Origin of the id repair's Yjs transactions. */
export const repairOrigin = 'zerodraft:repair-ids';

function elementById(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.getAttribute('id') === id) return child;
    if (child.nodeName === 'section' || child.nodeName === 'objective') {
      const found = elementById(child, id);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Moves a paragraph (with its sub-paragraphs) to just after the block `afterId` of a container
 * (after the heading when null), in Yjs, inside the caller's transaction: the accepted form of a
 * move proposal. False, and nothing changed, when any of the three is gone.
 */
export function moveParagraphInYjs(fragment: Y.XmlFragment, movedId: string, containerId: string, afterId: string | null): boolean {
  const container = elementById(fragment, containerId);
  const moved = elementById(fragment, movedId);
  if (container === null || moved === null || moved.parent !== container) return false;
  const children = container.toArray();
  const from = children.indexOf(moved);
  let to = from + 1;
  while (to < children.length && children[to] instanceof Y.XmlElement && (children[to] as Y.XmlElement).nodeName === 'subparagraph') to += 1;
  const after = afterId === null ? 0 : children.findIndex((child) => child instanceof Y.XmlElement && child.getAttribute('id') === afterId);
  if (after < 0 || (after >= from && after < to)) return false;
  const clones = children.slice(from, to).map((child) => child.clone() as Y.XmlElement | Y.XmlText);
  container.insert(after + 1, clones);
  container.delete(after + 1 <= from ? from + clones.length : from, to - from);
  return true;
}
