/**
 * Names of the shared types in a negotiation's Y.Doc. Everything that syncs between replicas
 * lives under one of these names.
 */
export const documentLayout = {
  /** The negotiation text, bound to ProseMirror by y-prosemirror. */
  draft: 'draft',
  /** The process calendar: a Y.Array of Y.Maps, one per event (see processTemplate). */
  process: 'process',
  /** Workspace-wide facts: negotiation title, created time. */
  meta: 'meta',
  /** Member-state proposals: a Y.Map of proposal id to a Y.Map record (see proposalTypes.ts). */
  proposals: 'proposals',
  /** Links from paragraphs to input passages: a Y.Map of link id to a Y.Map (see inputs.ts PassageLink). */
  links: 'links',
} as const;

/** Yjs documents of a negotiation never garbage-collect, so any past state stays restorable. */
export const negotiationDocOptions = { gc: false } as const;
