// PDF export (pdfkit) in the UN document look: A4, a Times-like serif (Noto Serif), symbol and
// date at the top, the status line, the title centred in bold, paragraph numbers hanging,
// sub-paragraphs (a), (b) indented, page numbers centred in the footer. Tracked changes read as
// in a compilation: insertions bold and underlined, deletions struck through, each proposal
// followed once by its attribution in parentheses. The font is chosen per run by script.
import PDFDocument from 'pdfkit';
import { plainRun, type ExportBlock, type ExportModel, type ExportRun, type TitleField } from './exportModel';
import { findPdfFonts, type FontFile, type PdfFonts } from './pdfFonts';
import { isMostlyArabic, scriptRuns, type Script } from './scriptRuns';

/** Points (1/72 inch). */
const page = { margin: 72, numberIndent: 28, textIndent: 56, subparagraphTextIndent: 85, fontSize: 12, titleSize: 14, footerSize: 10 } as const;

/** A piece of text with how it is drawn. */
interface Piece { text: string; bold: boolean; italic: boolean; underline: boolean; strike: boolean }

/** Where a block's text goes. */
interface Placement { x: number; y: number; width: number; align: 'left' | 'right' | 'center' }

type Pdf = PDFKit.PDFDocument;

function register(pdf: Pdf, name: string, font: FontFile): void {
  if (font.family) pdf.registerFont(name, font.path, font.family);
  else pdf.registerFont(name, font.path);
}

function registerFonts(pdf: Pdf, fonts: PdfFonts): void {
  register(pdf, 'latin', fonts.latin.regular);
  register(pdf, 'latin-bold', fonts.latin.bold);
  register(pdf, 'latin-italic', fonts.latin.italic);
  register(pdf, 'latin-bold-italic', fonts.latin.boldItalic);
  if (fonts.cjk) register(pdf, 'cjk', fonts.cjk);
  if (fonts.arabic) {
    register(pdf, 'arabic', fonts.arabic.regular);
    register(pdf, 'arabic-bold', fonts.arabic.bold);
  }
}

function fontName(script: Script, piece: Piece): string {
  if (script === 'cjk') return 'cjk';
  if (script === 'arabic') return piece.bold ? 'arabic-bold' : 'arabic';
  if (piece.bold) return piece.italic ? 'latin-bold-italic' : 'latin-bold';
  return piece.italic ? 'latin-italic' : 'latin';
}

/** The scripts a model's text uses (to find only the fonts it needs). */
function scriptsOf(model: ExportModel): Set<Script> {
  const scripts = new Set<Script>(['latin']);
  const add = (text: string): void => { for (const run of scriptRuns(text)) scripts.add(run.script); };
  Object.values(model.titleBlock).forEach(add);
  for (const block of model.blocks) for (const run of block.runs) add(run.text);
  for (const change of model.changes.values()) add(change.attribution);
  return scripts;
}

/**
 * pdfkit shapes text word by word ("word " chunks, each laid out right to left by fontkit) and
 * lays the chunks out in reverse for a right-to-left run; a last word without its space then
 * touches the word before it. Ending every Arabic run with a space keeps the words apart.
 */
function rightToLeftText(text: string): string {
  return /\s$/u.test(text) ? text : `${text} `;
}

/** Draws pieces as one flowing text from the placement; pdfkit wraps and breaks pages. */
function drawPieces(pdf: Pdf, pieces: readonly Piece[], placement: Placement): void {
  const parts = pieces.flatMap((piece) => scriptRuns(piece.text).map((run) => ({ piece, run })));
  if (parts.length === 0) return;
  parts.forEach(({ piece, run }, index) => {
    pdf.font(fontName(run.script, piece));
    const options = { continued: index < parts.length - 1, underline: piece.underline, strike: piece.strike, align: placement.align };
    const text = run.script === 'arabic' ? rightToLeftText(run.text) : run.text;
    if (index === 0) pdf.text(text, placement.x, placement.y, { ...options, width: placement.width });
    else pdf.text(text, options);
  });
}

function pieceOf(run: ExportRun): Piece {
  const inserted = run.insertions.length > 0;
  return { text: run.text, bold: run.bold || inserted, italic: run.italic, underline: inserted, strike: run.deletions.length > 0 };
}

/** The pieces of runs, each proposal's attribution in parentheses after the end of its stretch. */
function piecesOf(runs: readonly ExportRun[], model: ExportModel): Piece[] {
  const pieces: Piece[] = [];
  runs.forEach((run, index) => {
    pieces.push(pieceOf(run));
    const next = runs[index + 1];
    const continuing = new Set(next ? [...next.insertions, ...next.deletions] : []);
    for (const key of [...new Set([...run.insertions, ...run.deletions])]) {
      const attribution = model.changes.get(key)?.attribution ?? '';
      if (attribution !== '' && !continuing.has(key)) pieces.push({ text: ` (${attribution})`, bold: false, italic: true, underline: false, strike: false });
    }
  });
  return pieces;
}

/** The block's note in parentheses, in italics. */
function notePieces(block: ExportBlock): Piece[] {
  return block.note ? [{ text: ` (${block.note.text})`, bold: false, italic: true, underline: false, strike: false }] : [];
}

const contentWidth = (pdf: Pdf): number => pdf.page.width - 2 * page.margin;

/** Starts a new page when fewer than `lines` lines fit, so a number never sits alone at the bottom. */
function keepLines(pdf: Pdf, lines: number): void {
  if (pdf.y + lines * pdf.currentLineHeight(true) > pdf.page.height - page.margin) pdf.addPage();
}

function drawHeading(pdf: Pdf, block: ExportBlock, model: ExportModel): void {
  pdf.moveDown(0.8);
  keepLines(pdf, 3);
  const label = block.label.length > 0 ? [...block.label, plainRun(': ')] : [];
  const pieces = [...piecesOf([...label, ...block.runs], model).map((piece) => ({ ...piece, bold: true })), ...notePieces(block)];
  const align = isMostlyArabic(block.runs.map((run) => run.text).join('')) ? 'right' : 'left';
  drawPieces(pdf, pieces, { x: page.margin, y: pdf.y, width: contentWidth(pdf), align });
  pdf.moveDown(0.3);
}

function drawNumbered(pdf: Pdf, block: ExportBlock, model: ExportModel): void {
  keepLines(pdf, 2);
  const isSubparagraph = block.kind === 'subparagraph';
  const textX = page.margin + (isSubparagraph ? page.subparagraphTextIndent : page.textIndent);
  const labelX = page.margin + (isSubparagraph ? page.textIndent : page.numberIndent);
  const y = pdf.y;
  drawPieces(pdf, piecesOf(block.label, model), { x: labelX, y, width: textX - labelX, align: 'left' });
  const text = block.runs.map((run) => run.text).join('');
  const pieces = [...piecesOf(block.runs, model), ...notePieces(block)];
  if (pieces.length === 0) pdf.y = y + pdf.currentLineHeight(true);
  else drawPieces(pdf, pieces, { x: textX, y, width: page.margin + contentWidth(pdf) - textX, align: isMostlyArabic(text) ? 'right' : 'left' });
  pdf.moveDown(0.5);
}

function titleLine(model: ExportModel, field: TitleField, text: string, bold: boolean): Piece[] {
  const runs = model.titleRuns?.get(field) ?? [{ text, bold, italic: false, insertions: [], deletions: [] }];
  return piecesOf(runs, model).map((piece) => ({ ...piece, bold: piece.bold || bold }));
}

function drawTitleBlock(pdf: Pdf, model: ExportModel): void {
  const { symbol, status, date, title } = model.titleBlock;
  const width = contentWidth(pdf);
  const line = (field: TitleField, text: string, align: Placement['align'], bold = false): void => {
    if (text.trim() === '' && !model.titleRuns?.get(field)?.length) return;
    drawPieces(pdf, titleLine(model, field, text, bold), { x: page.margin, y: pdf.y, width, align });
    pdf.moveDown(0.3);
  };
  line('docSymbol', symbol, 'right');
  line('docStatus', status, 'left', true);
  line('docDate', date, 'right');
  pdf.moveDown(1.5).fontSize(page.titleSize);
  line('docTitle', title, 'center', true);
  pdf.fontSize(page.fontSize).moveDown(1.5);
}

function drawPageNumbers(pdf: Pdf): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    // Writing below the bottom margin would start a new page: lift the margin while numbering.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('latin').fontSize(page.footerSize)
      .text(String(index + 1), page.margin, pdf.page.height - page.margin / 2 - page.footerSize, { width: contentWidth(pdf), align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}

function collect(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

/**
 * The PDF of an export model, as bytes. Throws `not-found` when the text needs a font (CJK,
 * Arabic) the system lacks. `onProgress` gets fractions up to 1 as blocks are laid out.
 */
export async function pdfFromModel(model: ExportModel, onProgress: (fraction: number) => void = () => undefined, fonts?: PdfFonts): Promise<Buffer> {
  const found = fonts ?? findPdfFonts(scriptsOf(model));
  const pdf = new PDFDocument({
    size: 'A4', margin: page.margin, bufferPages: true,
    info: { Title: model.titleBlock.title, Subject: model.titleBlock.status, Creator: 'Zero Draft' },
  });
  const bytes = collect(pdf);
  registerFonts(pdf, found);
  pdf.font('latin').fontSize(page.fontSize);
  drawTitleBlock(pdf, model);
  model.blocks.forEach((block, index) => {
    if (block.kind === 'section' || block.kind === 'objective') drawHeading(pdf, block, model);
    else drawNumbered(pdf, block, model);
    if (index % 200 === 0) onProgress(0.95 * (index / model.blocks.length));
  });
  drawPageNumbers(pdf);
  pdf.end();
  const buffer = await bytes;
  onProgress(1);
  return buffer;
}
