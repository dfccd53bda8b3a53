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
  /**
   * The inputs library: a Y.Map of source id to a Y.Map of the source's fields and its passages
   * (see librarySharedState.ts). The workspace file's search tables are a local index of it.
   */
  library: 'library',
  /** What a replica knew of a text when it marked words for deletion: a Y.Map of marker id to knowledge (see proposalKnowledge.ts). */
  markKnowledge: 'markKnowledge',
  /** Named revisions: a Y.Map of revision id to a Y.Map holding a Yjs snapshot (see revisions.ts). */
  revisions: 'revisions',
} as const;

/** Yjs documents of a negotiation never garbage-collect, so any past state stays restorable. */
export const negotiationDocOptions = { gc: false } as const;
