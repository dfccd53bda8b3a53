import { addLink } from '../../shared/domain/links';
import { sampleLinks, sampleSources } from '../../shared/domain/sampleInputs';
import { computeNumbering } from '../../shared/schema/numbering';
import type { InputsLibrary } from './inputsLibrary';
import { followLibrary } from './libraryFollower';
import { negotiationText } from './negotiationReader';
import { seedEmpty } from './negotiationSeed';
import { seedSampleWithProposals } from './sampleProposalSeed';
import { WorkspaceDocument } from './workspaceDocument';

/** Adds the sample's input summaries to the library (in the Y.Doc, so they sync) and links some of their passages to paragraphs. */
function seedSampleInputs(document: WorkspaceDocument, library: InputsLibrary): void {
  const paragraphIds = computeNumbering(negotiationText(document.doc)).blocks
    .filter((block) => block.kind === 'paragraph').map((block) => block.id);
  const passageIds = sampleSources.map((sample) => {
    const source = library.addSource({
      kind: sample.kind, title: sample.title, eventId: sample.eventId, date: sample.date,
      language: sample.language, author: sample.author, fileName: null,
    }, [...sample.passages]);
    return library.passages(source.id).map((passage) => passage.id);
  });
  document.doc.transact(() => {
    for (const link of sampleLinks) {
      const paragraphId = paragraphIds[link.paragraphNumber - 1];
      const passageId = passageIds[link.sourceIndex]?.[link.passageIndex];
      if (paragraphId !== undefined && passageId !== undefined) addLink(document.doc, paragraphId, passageId, link.kind, link.note);
    }
  });
}

/**
 * Creates the built-in sample negotiation: the compact-shaped zero draft with the proposals of
 * the first round (marks in the text, records with supporters, opponents and decisions), the
 * process calendar, the session summaries in the inputs library, and the first links between
 * them. (No sample proposal adds a numbered paragraph, so the links' paragraph numbers hold.)
 */
export function createSampleWorkspace(path: string): WorkspaceDocument {
  const document = WorkspaceDocument.create(path, seedSampleWithProposals);
  const followed = followLibrary(document);
  try {
    seedSampleInputs(document, followed.library);
  } finally {
    followed.stop();
  }
  return document;
}

/** Creates a workspace: the sample negotiation, or an empty one with the process calendar. */
export function createWorkspace(path: string, sample: boolean): WorkspaceDocument {
  return sample ? createSampleWorkspace(path) : WorkspaceDocument.create(path, (doc) => seedEmpty(doc, 'New negotiation'));
}
