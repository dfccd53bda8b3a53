// Reads the text of a PDF with the pdfjs-dist legacy build. In Node, pdfjs runs its "worker" in
// the same thread (a fake worker: no Worker, no fetch); it gets the bytes (never a URL), no eval,
// no system fonts, and only its own bundled CMaps and standard font data. Text comes from
// getTextContent() per page, as lines that splitPassages groups into paragraphs.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ZeroDraftError } from '../../../shared/api/errors';
import { rejectedInput, type ProgressReporter } from './importJob';
import { groupLinesIntoParagraphs, type PositionedLine, type SourceBlock } from './splitPassages';

interface PageTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface LineInProgress {
  text: string;
  y: number;
  size: number;
  endX: number;
}

/** pdfjs's own data folders (CMaps for Chinese and other encodings, standard font metrics). */
function pdfjsDataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const packageFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(packageFolder, 'cmaps') + sep, standardFontDataUrl: join(packageFolder, 'standard_fonts') + sep };
}

function isTextItem(item: unknown): item is PageTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PageTextItem).str === 'string' && Array.isArray((item as PageTextItem).transform);
}

function checkPdfStructure(bytes: Uint8Array, displayName: string): void {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw rejectedInput(displayName, 'this is not a PDF file (it does not start with %PDF)');
  // Every complete PDF ends with %%EOF; pdfjs would otherwise quietly read what is left of a cut file.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.byteLength - 2048)));
  if (!tail.includes('%%EOF')) throw rejectedInput(displayName, 'the PDF is truncated or damaged (it has no end-of-file marker)');
}

function describePdfError(error: unknown, displayName: string): unknown {
  const name = error instanceof Error ? error.name : '';
  if (error instanceof ZeroDraftError || name === 'AbortError') return error;
  if (name === 'PasswordException') return rejectedInput(displayName, 'the PDF is encrypted (password-protected); remove the password and import it again');
  if (name === 'InvalidPDFException') return rejectedInput(displayName, 'the PDF is damaged or truncated and cannot be read');
  const detail = error instanceof Error ? error.message : String(error);
  return rejectedInput(displayName, `the PDF cannot be read (${detail})`);
}

/** The lines of one page, in the order of its content stream. */
function pageLines(items: readonly unknown[], page: number): PositionedLine[] {
  const lines: PositionedLine[] = [];
  let current: LineInProgress | null = null;
  const finish = (): void => {
    if (current !== null && current.text.trim() !== '') lines.push({ text: current.text, page, y: current.y, size: current.size });
    current = null;
  };
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const [, , skewX = 0, scaleY = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(skewX, scaleY) || item.height || 1;
    if (current !== null && Math.abs(current.y - y) > size * 0.5) finish();
    if (item.str !== '') {
      if (current === null) current = { text: item.str, y, size, endX: x + item.width };
      else {
        const gap = x - current.endX > size * 0.2 && !/\s$/.test(current.text) && !/^\s/.test(item.str);
        current.text += (gap ? ' ' : '') + item.str;
        current.endX = x + item.width;
        current.size = Math.max(current.size, size);
      }
    }
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

async function readPages(document: PDFDocumentProxy, reportProgress: ProgressReporter, afterPage: () => Promise<void>): Promise<PositionedLine[]> {
  const lines: PositionedLine[] = [];
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
    const page = await document.getPage(pageNumber);
    const content = await page.getTextContent();
    lines.push(...pageLines(content.items, pageNumber));
    page.cleanup();
    reportProgress(pageNumber / document.numPages, `page ${pageNumber} of ${document.numPages}`);
    await afterPage();
  }
  return lines;
}

/** The paragraphs of a PDF's text layer; rejects encrypted, damaged, truncated and text-less PDFs. */
export async function pdfToBlocks(bytes: Uint8Array, displayName: string, reportProgress: ProgressReporter, afterPage: () => Promise<void>): Promise<SourceBlock[]> {
  checkPdfStructure(bytes, displayName);
  const loadingTask = getDocument({
    // pdfjs takes ownership of (transfers) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    useWasm: false,
    verbosity: 0,
    ...pdfjsDataFolders(),
  });
  try {
    let document: PDFDocumentProxy;
    try {
      document = await loadingTask.promise;
    } catch (error) {
      throw describePdfError(error, displayName);
    }
    const lines = await readPages(document, reportProgress, afterPage).catch((error: unknown) => {
      throw describePdfError(error, displayName);
    });
    if (lines.length === 0) throw rejectedInput(displayName, 'the PDF has no text layer (a scanned image?); run it through text recognition first');
    return groupLinesIntoParagraphs(lines);
  } finally {
    await loadingTask.destroy();
  }
}
