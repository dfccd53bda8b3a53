// Word export in the UN document look: A4, Times New Roman 12 pt, symbol and date at the top,
// the status line, the title centred in bold, numbers hanging before the paragraphs,
// sub-paragraphs indented, page numbers in the footer. Tracked changes are real Word revisions
// (w:ins, w:del) with their author and date; a proposal's attribution is a Word comment on its
// first stretch. The docx package writes the parts around the text (styles, settings, footer);
// the body and the comments are written by wordprocessingXml.ts and zipped by docxPackage.ts
// (see there why).
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import { plainRun, type ExportBlock, type ExportChange, type ExportModel, type ExportRun, type TitleField } from './exportModel';
import { readZip, replaceEntries, writeZip } from './docxPackage';
import { hasArabic, isMostlyArabic, scriptRuns } from './scriptRuns';
import {
  commentEndXml, commentsXml, commentStartXml, deletedRunXml, documentRelationshipsXml, documentXml, footerRelationship, insertedRunXml,
  paragraphXml, runXml, tabXml, wordDate, type CommentDefinition, type ParagraphFormat,
} from './wordprocessingXml';

/** Width for text on a landscape A4 page with the margins of every export, in twips. */
export const landscapeTextWidth = 16838 - 2 * 1440;

/** Sizes in twentieths of a point (twips) and half-points, as Word counts them. */
const layout = {
  pageWidth: 11906, pageHeight: 16838, margin: 1440,
  numberIndent: 567, textIndent: 1134, subparagraphTextIndent: 1701,
  fontSize: 24,
} as const;

/** Fonts named in the document; Word and LibreOffice substitute what they have. */
const fonts = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' } as const;

interface WriteContext {
  changes: ReadonlyMap<string, ExportChange>;
  /** Author and Word date of each change, formatted once. */
  revisionAuthors: ReadonlyMap<string, { author: string; date: string }>;
  revisions: number;
  comments: CommentDefinition[];
  /** Comment id of each change that has one. */
  commentIds: Map<string, number>;
}

/** Word runs of one stretch of text, split by script so Arabic reads right to left. */
function textRuns(run: ExportRun, context: WriteContext): string {
  // Word cannot nest revisions of two authors: a deletion wins (the text is struck), else the first insertion.
  const deletion = run.deletions[0];
  const key = deletion ?? run.insertions[0];
  const change = key === undefined ? undefined : context.revisionAuthors.get(key);
  const write = (text: string, rightToLeft: boolean): string => {
    const format = { bold: run.bold, italic: run.italic, rightToLeft };
    if (!change) return runXml(text, format);
    context.revisions += 1;
    const revision = { id: context.revisions, ...change };
    return deletion !== undefined ? deletedRunXml(text, format, revision) : insertedRunXml(text, format, revision);
  };
  if (!hasArabic(run.text)) return write(run.text, false);
  return scriptRuns(run.text).map((part) => write(part.text, part.script === 'arabic')).join('');
}

/** Comment anchors: each change with a comment gets one, around its stretch in the first block it appears in. */
function commentAnchors(runs: readonly ExportRun[], context: WriteContext): { starts: Map<number, number[]>; ends: Map<number, number[]> } {
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  const lastIndex = new Map<string, number>();
  runs.forEach((run, index) => {
    for (const key of [...run.insertions, ...run.deletions]) {
      if (context.commentIds.has(key) && !lastIndex.has(key)) continue;
      const change = context.changes.get(key);
      if (!change?.comment) continue;
      if (!lastIndex.has(key)) {
        const id = context.comments.length + 1;
        context.commentIds.set(key, id);
        context.comments.push({ id, author: change.author, date: change.date, text: change.comment });
        starts.set(index, [...(starts.get(index) ?? []), id]);
      }
      lastIndex.set(key, index);
    }
  });
  for (const [key, index] of lastIndex) ends.set(index, [...(ends.get(index) ?? []), context.commentIds.get(key) as number]);
  return { starts, ends };
}

function runsXml(runs: readonly ExportRun[], context: WriteContext): string {
  const anchors = commentAnchors(runs, context);
  let xml = '';
  runs.forEach((run, index) => {
    for (const id of anchors.starts.get(index) ?? []) xml += commentStartXml(id);
    xml += textRuns(run, context);
    for (const id of anchors.ends.get(index) ?? []) xml += commentEndXml(id);
  });
  return xml;
}

function blockText(block: ExportBlock): string {
  return block.runs.map((run) => run.text).join('');
}

function headingXml(block: ExportBlock, context: WriteContext): string {
  const bold = (runs: readonly ExportRun[]): ExportRun[] => runs.map((run) => ({ ...run, bold: true }));
  const label = block.label.length > 0 ? [...bold(block.label), plainRun(': ', true)] : [];
  const format: ParagraphFormat = { keepNext: true, spaceBefore: 360, spaceAfter: 120, rightToLeft: isMostlyArabic(blockText(block)), bold: true };
  return paragraphXml(format, noted(block, context, runsXml([...label, ...bold(block.runs)], context)));
}

function numberedXml(block: ExportBlock, context: WriteContext): string {
  const isSubparagraph = block.kind === 'subparagraph';
  const left = isSubparagraph ? layout.subparagraphTextIndent : layout.textIndent;
  const labelStart = isSubparagraph ? layout.textIndent : layout.numberIndent;
  const format: ParagraphFormat = {
    tab: left, rightToLeft: isMostlyArabic(blockText(block)), spaceAfter: 120, indentLeft: left, hanging: left - labelStart, alignment: 'both',
  };
  const label = block.label.length > 0 ? noted(block, context, runsXml(block.label, context)) + tabXml : '';
  return paragraphXml(format, label + runsXml(block.runs, context));
}

/** The XML with the block's note, if any, as a comment around it. */
function noted(block: ExportBlock, context: WriteContext, xml: string): string {
  if (!block.note) return xml;
  const id = context.comments.length + 1;
  context.comments.push({ id, ...block.note });
  return commentStartXml(id) + xml + commentEndXml(id);
}

/** Symbol (right), status line (left, bold), date (right), title (centred, bold). */
function titleXml(model: ExportModel, context: WriteContext): string[] {
  const { symbol, status, date, title } = model.titleBlock;
  const line = (field: TitleField, text: string, alignment: ParagraphFormat['alignment'], bold: boolean, spacing: number): string => {
    const runs = (model.titleRuns?.get(field) ?? [plainRun(text)]).map((run) => ({ ...run, bold: run.bold || bold }));
    return paragraphXml({ alignment, spaceBefore: spacing, spaceAfter: spacing }, runsXml(runs, context));
  };
  return [
    line('docSymbol', symbol, 'right', false, 0), line('docStatus', status, 'left', true, 0), line('docDate', date, 'right', false, 0),
    line('docTitle', title, 'center', true, 480),
  ];
}

function pageFooter(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
}

/** The document settings shared by every Word export: A4 (landscape for tables), margins, fonts, page numbers in the footer. */
export function unDocument(children: readonly (Paragraph | Table)[], landscape = false, withComments = false): Document {
  // The docx package swaps width and height itself for landscape.
  const size = { width: layout.pageWidth, height: layout.pageHeight, ...(landscape ? { orientation: 'landscape' as const } : {}) };
  return new Document({
    creator: 'Zero Draft',
    styles: { default: { document: { run: { font: fonts, size: layout.fontSize } } } },
    // A placeholder comment makes the package hold a comments part, which the text's own replaces.
    comments: { children: withComments ? [{ id: 0, author: 'Zero Draft', children: [new Paragraph('')] }] : [] },
    sections: [{
      properties: { page: { size, margin: { top: layout.margin, bottom: layout.margin, left: layout.margin, right: layout.margin } } },
      footers: { default: pageFooter() },
      children: [...children],
    }],
  });
}

/**
 * The Word document of an export model (clean text, compilation or comparison), as bytes.
 * `onProgress` gets fractions up to 0.8 while the paragraphs are written (packing is the rest).
 */
export async function docxFromModel(model: ExportModel, onProgress: (fraction: number) => void = () => undefined): Promise<Buffer> {
  const revisionAuthors = new Map([...model.changes].map(([key, change]) => [key, { author: change.author, date: wordDate(change.date) }]));
  const context: WriteContext = { changes: model.changes, revisionAuthors, revisions: 0, comments: [], commentIds: new Map() };
  const paragraphs = titleXml(model, context);
  model.blocks.forEach((block, index) => {
    paragraphs.push(block.kind === 'section' || block.kind === 'objective' ? headingXml(block, context) : numberedXml(block, context));
    if (index % 500 === 0) onProgress(0.8 * (index / model.blocks.length));
  });
  const section = { width: layout.pageWidth, height: layout.pageHeight, margin: layout.margin, footerRelationship };
  // The parts around the text come from the docx package (a tiny document packs in milliseconds).
  const scaffold = readZip(await Packer.toBuffer(unDocument([new Paragraph('')], false, true)));
  const buffer = await writeZip(replaceEntries(scaffold, new Map([
    ['word/document.xml', documentXml(paragraphs, section)],
    ['word/_rels/document.xml.rels', documentRelationshipsXml()],
    ['word/comments.xml', commentsXml(context.comments)],
  ])));
  onProgress(1);
  return buffer;
}
