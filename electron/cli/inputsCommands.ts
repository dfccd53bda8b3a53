import { resolve } from 'node:path';
import { ZeroDraftError } from '../../shared/api/errors';
import { linkKinds, sourceKinds, type LinkKind, type SearchHit, type SourceKind } from '../../shared/domain/inputs';
import { addLink, linksOfParagraph } from '../../shared/domain/links';
import { computeNumbering } from '../../shared/schema/numbering';
import { importInput } from '../services/inputImport/importInput';
import type { InputsLibrary } from '../services/inputsLibrary';
import { followLibrary } from '../services/libraryFollower';
import { workspaceCoverage } from '../services/inputsService';
import { negotiationText } from '../services/negotiationReader';
import type { WorkspaceDocument } from '../services/workspaceDocument';

/** Output streams of the command line. */
export interface CommandOutput { out: (text: string) => void }

/** Options the input commands read. */
export interface InputsOptions {
  json: boolean;
  kind?: string;
  event?: string;
  language?: string;
  paragraph?: string;
  passage?: string;
  note?: string;
  linkKind?: string;
}

/** The stable id of paragraph `number` (as `zerodraft text` numbers it). */
function paragraphId(document: WorkspaceDocument, number: string | undefined): string {
  const wanted = Number(number);
  const block = computeNumbering(negotiationText(document.doc)).blocks.find((candidate) => candidate.kind === 'paragraph' && candidate.number === wanted);
  if (block === undefined) throw new ZeroDraftError('invalid-argument', `There is no paragraph ${number ?? '(missing --paragraph)'} in this text.`);
  return block.id;
}

/** The workspace's library, its index caught up with the Y.Doc (where saves and removals go). */
function libraryOf(document: WorkspaceDocument): InputsLibrary {
  return followLibrary(document).library;
}

function snippetText(hit: SearchHit): string {
  return hit.snippet.map((part) => (part.match ? `[${part.text}]` : part.text)).join('');
}

/** `zerodraft import <file> <input> --kind <kind> [--event <event>] [--language <code>]` */
export async function commandImport(document: WorkspaceDocument, input: string, options: InputsOptions, output: CommandOutput): Promise<void> {
  if (options.kind === undefined || !sourceKinds.includes(options.kind as SourceKind)) {
    throw new ZeroDraftError('invalid-argument', `--kind must be one of: ${sourceKinds.join(', ')}.`);
  }
  const preview = await importInput({ path: resolve(input) });
  const library = libraryOf(document);
  const source = library.addSource({
    kind: options.kind as SourceKind, title: preview.title, eventId: options.event ?? null, date: null,
    language: options.language ?? preview.language, author: null, fileName: preview.fileName,
  }, preview.passages);
  output.out(options.json ? `${JSON.stringify(source, null, 2)}\n` : `Imported "${source.title}" (${source.passageCount} passages) as ${source.id}\n`);
}

/** `zerodraft search <file> "<query>" [--json]`: source, passage number, snippet, score. */
export function commandSearch(document: WorkspaceDocument, query: string, options: InputsOptions, output: CommandOutput): void {
  const hits = libraryOf(document).search(query, {
    kinds: options.kind === undefined ? undefined : [options.kind as SourceKind],
    eventIds: options.event === undefined ? undefined : [options.event],
    languages: options.language === undefined ? undefined : [options.language],
  });
  if (options.json) {
    output.out(`${JSON.stringify(hits.map((hit) => ({ ...hit, snippetText: snippetText(hit) })), null, 2)}\n`);
    return;
  }
  if (hits.length === 0) output.out('No passage matches.\n');
  for (const hit of hits) output.out(`${hit.sourceTitle} ¶${hit.passageNumber ?? hit.ordinal} (${hit.passageId}, score ${hit.score.toFixed(2)})\n  ${snippetText(hit)}\n`);
}

/** `zerodraft link <file> --paragraph <number> --passage <id> [--link-kind draws-on] [--note "..."]` */
export function commandLink(document: WorkspaceDocument, options: InputsOptions, output: CommandOutput): void {
  const kind = (options.linkKind ?? 'draws-on') as LinkKind;
  if (!linkKinds.includes(kind)) throw new ZeroDraftError('invalid-argument', `--link-kind must be one of: ${linkKinds.join(', ')}.`);
  const library = libraryOf(document);
  const passage = library.passagesByIds([options.passage ?? ''])[0];
  if (passage === undefined) throw new ZeroDraftError('invalid-argument', `There is no passage ${options.passage ?? '(missing --passage)'} in the library.`);
  const link = addLink(document.doc, paragraphId(document, options.paragraph), passage.id, kind, options.note ?? '');
  output.out(options.json ? `${JSON.stringify(link, null, 2)}\n` : `Linked paragraph ${options.paragraph} to ${passage.source.title} ¶${passage.number ?? passage.ordinal} (${kind})\n`);
}

/** `zerodraft links <file> --paragraph <number> [--json]` */
export function commandLinks(document: WorkspaceDocument, options: InputsOptions, output: CommandOutput): void {
  const links = linksOfParagraph(document.doc, paragraphId(document, options.paragraph));
  const passages = new Map(libraryOf(document).passagesByIds(links.map((link) => link.passageId)).map((passage) => [passage.id, passage]));
  const rows = links.map((link) => ({ ...link, passage: passages.get(link.passageId) ?? null }));
  if (options.json) {
    output.out(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) output.out(`Paragraph ${options.paragraph} has no linked input.\n`);
  for (const row of rows) {
    const where = row.passage === null ? `(passage ${row.passageId} no longer in the library)` : `${row.passage.source.title} ¶${row.passage.number ?? row.passage.ordinal}`;
    output.out(`${row.kind}: ${where}${row.note === '' ? '' : ` — ${row.note}`}\n`);
  }
}

/** `zerodraft coverage <file> [--json]` */
export function commandCoverage(document: WorkspaceDocument, options: InputsOptions, output: CommandOutput): void {
  const coverage = workspaceCoverage(document, libraryOf(document));
  if (options.json) {
    output.out(`${JSON.stringify(coverage, null, 2)}\n`);
    return;
  }
  output.out(`Reflected: ${coverage.reflectedPassages} of ${coverage.totalPassages} passages; ${coverage.paragraphsWithoutInputs} of ${coverage.paragraphs.length} paragraphs have no linked input.\n`);
  for (const source of coverage.sources) output.out(`  ${String(source.reflected).padStart(3)} / ${String(source.passages).padEnd(3)} ${source.title}\n`);
  const without = coverage.paragraphs.filter((paragraph) => paragraph.inputs === 0).map((paragraph) => paragraph.number);
  if (without.length > 0) output.out(`Paragraphs without inputs: ${without.join(', ')}\n`);
}
