// Turns the blocks a format parser found into passages: paragraphs at blank lines (txt, md), block
// elements (html, docx), text lines grouped by vertical gaps (pdf). Keeps the source's own
// paragraph numbers and strips them from the text. Pure: no Node, no I/O.
import type { PassageDraft } from '../../../shared/domain/inputs';
import { ParagraphNumbering, readParagraphMarker } from './paragraphNumber';

/** A block of text as a format parser found it; lines are separated by '\n'. */
export interface SourceBlock {
  text: string;
  /** True for headings (html h1-h6, markdown #, Word heading styles). */
  heading: boolean;
}

/** A line of a PDF page, with its position (PDF units, y growing upwards). */
export interface PositionedLine {
  text: string;
  page: number;
  /** Baseline height on the page. */
  y: number;
  /** Font size of the line. */
  size: number;
}

const hanOrKana = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

/** Joins the lines of a paragraph: a space between words, nothing between Chinese characters. */
export function joinLines(lines: readonly string[]): string {
  let joined = '';
  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (joined === '') joined = line;
    else if (hanOrKana.test(joined.slice(-1)) && hanOrKana.test(line.charAt(0))) joined += line;
    // A word broken at the end of a line keeps its hyphen ("co-facilitators" must survive).
    else if (/\p{L}-$/u.test(joined) && /^\p{Ll}/u.test(line)) joined += line;
    else joined += ` ${line}`;
  }
  return joined;
}

/** Collapses whitespace runs, drops control and soft-hyphen characters, trims. */
export function normalizeWhitespace(text: string): string {
  // Matching control characters is the point here (they are stripped from imported text), so the
  // rule against control characters in regular expressions does not apply.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000E-\u001F\u007F\u00AD\u200B\uFEFF]/g, '').replace(/\s+/gu, ' ').trim();
}

function startsWithMarker(line: string): boolean {
  return readParagraphMarker(line.trim()) !== null;
}

/**
 * Splits plain text into paragraphs at blank lines. A text without any blank line is taken as one
 * paragraph per line; inside a paragraph, a line that starts with a paragraph number starts a new one.
 */
export function paragraphsAtBlankLines(text: string): SourceBlock[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  const hasBlankLine = /\n[^\S\n]*\n/.test(normalized.trim());
  const lines = normalized.split('\n');
  const blocks: SourceBlock[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push({ text: current.join('\n'), heading: false });
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else {
      if (!hasBlankLine || startsWithMarker(line)) flush();
      current.push(line);
    }
  }
  flush();
  return blocks;
}

/**
 * The usual distance between the lines of a paragraph, as a multiple of the font size: a low
 * percentile of the steps between lines (paragraph gaps are the larger ones), between 1 and 1.5.
 */
function usualLineSpacing(lines: readonly PositionedLine[]): number {
  const ratios: number[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const previous = lines[index - 1]!;
    const line = lines[index]!;
    const ratio = (previous.y - line.y) / previous.size;
    if (line.page === previous.page && ratio > 0 && ratio < 3) ratios.push(ratio);
  }
  if (ratios.length === 0) return 1.2;
  ratios.sort((left, right) => left - right);
  return Math.min(1.5, Math.max(1, ratios[Math.floor(ratios.length * 0.1)]!));
}

function endsParagraph(previous: PositionedLine, line: PositionedLine, usualSpacing: number): boolean {
  if (startsWithMarker(line.text)) return true;
  if (Math.abs(line.size - previous.size) > previous.size * 0.2) return true;
  if (line.page !== previous.page) {
    // A paragraph that runs on to the next page ends mid-sentence and goes on in lower case.
    return /[.:;!?。：；！？]\s*$/u.test(previous.text) || !/^\p{Ll}/u.test(line.text.trim());
  }
  const spacing = (previous.y - line.y) / previous.size;
  return spacing <= 0 || spacing > usualSpacing * 1.3;
}

/** Groups PDF text lines into paragraphs by the vertical gaps between them. */
export function groupLinesIntoParagraphs(lines: readonly PositionedLine[]): SourceBlock[] {
  const usualSpacing = usualLineSpacing(lines);
  const blocks: SourceBlock[] = [];
  let current: string[] = [];
  let previous: PositionedLine | null = null;
  for (const line of lines) {
    if (previous !== null && endsParagraph(previous, line, usualSpacing)) {
      blocks.push({ text: current.join('\n'), heading: false });
      current = [];
    }
    current.push(line.text);
    previous = line;
  }
  if (current.length > 0) blocks.push({ text: current.join('\n'), heading: false });
  return blocks;
}

/**
 * The passages of a document: one per non-empty block, with the source's paragraph number
 * (stripped from the text) when it has one. A block that is only a number is merged with the
 * block after it. Headings are passages too.
 */
export function splitPassages(blocks: readonly SourceBlock[]): PassageDraft[] {
  const passages: PassageDraft[] = [];
  const numbering = new ParagraphNumbering();
  let pendingNumber: string | null = null;
  for (const block of blocks) {
    const text = normalizeWhitespace(joinLines(block.text.split('\n')));
    if (text === '') continue;
    const marker = readParagraphMarker(text);
    if (marker === null) {
      if (block.heading && pendingNumber === null) numbering.resetAtHeading();
      passages.push({ number: pendingNumber, text });
      pendingNumber = null;
    } else if (marker.rest === '') {
      pendingNumber = numbering.numberOf(marker);
    } else {
      passages.push({ number: numbering.numberOf(marker), text: marker.rest });
      pendingNumber = null;
    }
  }
  return passages;
}

/** The first line of the first heading, else of the first block, trimmed to 200 characters; null if none. */
export function chooseTitle(blocks: readonly SourceBlock[]): string | null {
  const candidates = [...blocks.filter((block) => block.heading), ...blocks];
  for (const block of candidates) {
    const firstLine = block.text.split('\n').map(normalizeWhitespace).find((line) => line !== '');
    if (firstLine !== undefined) return Array.from(firstLine).slice(0, 200).join('').trim();
  }
  return null;
}
