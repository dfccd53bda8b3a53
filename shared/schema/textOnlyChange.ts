import type { Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from 'prosemirror-transform';

/**
 * True when a transaction only changes text (or marks) inside textblocks: no block was added,
 * removed, split, joined, moved or given other attributes. Typing is almost always such a
 * transaction, so structure-wide work (numbering, id checks) can be skipped for it.
 */
export function isTextOnlyChange(transaction: Transaction): boolean {
  return transaction.steps.every((step, index) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
    if (!(step instanceof ReplaceStep)) return false;
    const { slice, from, to } = step;
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let inline = true;
    slice.content.forEach((node) => { inline &&= node.isInline; });
    if (!inline) return false;
    const doc = transaction.docs[index]!;
    const $from = doc.resolve(from);
    return $from.parent.isTextblock && $from.sameParent(doc.resolve(to));
  });
}
