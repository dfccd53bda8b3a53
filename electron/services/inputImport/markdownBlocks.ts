// Reads Markdown as blocks of plain text: headings (#, setext), paragraphs at blank lines, one block
// per list item, table rows; emphasis, code marks and link syntax are stripped (links keep their
// text), images and reference definitions are dropped.
import { decodeHtmlEntities } from './htmlEntities';
import type { SourceBlock } from './splitPassages';

const atxHeading = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const setextUnderline = /^ {0,3}(=+|-+)\s*$/;
const thematicBreak = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const bulletItem = /^\s*[-*+]\s+(.*)$/;
const orderedItem = /^\s*(\d{1,9})([.)])\s+(.*)$/;
const fence = /^ {0,3}(`{3,}|~{3,})/;
const referenceDefinition = /^ {0,3}\[[^\]]+\]:\s*\S+/;
const tableDelimiterRow = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/;
const tableRow = /^\s*\|(.*)\|\s*$/;
const escapable = '\\\\`*_{}\\[\\]()#+\\-.!|>~<';

// Escaped characters are parked in the private use area while the syntax is stripped.
const parkEscapes = (text: string): string =>
  text.replace(new RegExp(`\\\\([${escapable}])`, 'g'), (_, character: string) => String.fromCharCode(0xe000 + character.charCodeAt(0)));
const restoreEscapes = (text: string): string =>
  text.replace(/[\uE000-\uE07F]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xe000));

/** A line of Markdown without its inline syntax: `**bold**` -> bold, `[text](url)` -> text. */
export function stripMarkdownInline(line: string): string {
  let text = parkEscapes(line);
  text = text
    .replace(/<!--.*?-->/g, '')
    .replace(/!\[[^\]]*\]\((?:[^()]|\([^)]*\))*\)/g, '')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1');
  return decodeHtmlEntities(restoreEscapes(text));
}

class MarkdownCollector {
  readonly blocks: SourceBlock[] = [];
  lines: string[] = [];

  flush(heading = false): void {
    if (this.lines.length > 0) this.blocks.push({ text: this.lines.join('\n'), heading });
    this.lines = [];
  }

  heading(text: string): void {
    this.flush();
    this.blocks.push({ text, heading: true });
  }
}

/** Handles a line that is not inside a fenced code block; false when it is ordinary paragraph text. */
function readStructure(line: string, collector: MarkdownCollector): boolean {
  const heading = atxHeading.exec(line);
  if (heading !== null) collector.heading(stripMarkdownInline(heading[1] ?? ''));
  else if (setextUnderline.test(line) && collector.lines.length > 0) collector.flush(true);
  else if (thematicBreak.test(line) || referenceDefinition.test(line) || tableDelimiterRow.test(line)) collector.flush();
  else if (tableRow.test(line)) {
    collector.flush();
    const cells = tableRow.exec(line)![1]!.split('|').map((cell) => stripMarkdownInline(cell.trim()));
    collector.blocks.push({ text: cells.filter((cell) => cell !== '').join(' | '), heading: false });
  } else return false;
  return true;
}

/** Starts a new block at a list item; false when the line is not one. */
function readListItem(line: string, collector: MarkdownCollector): boolean {
  const bullet = bulletItem.exec(line);
  const ordered = orderedItem.exec(line);
  if (bullet === null && ordered === null) return false;
  collector.flush();
  // An ordered item keeps its number in front, where splitPassages reads it.
  collector.lines.push(bullet !== null ? stripMarkdownInline(bullet[1]!) : `${ordered![1]}${ordered![2]} ${stripMarkdownInline(ordered![3]!)}`);
  return true;
}

/** The blocks of a Markdown document, in order. */
export function markdownToBlocks(markdown: string): SourceBlock[] {
  const collector = new MarkdownCollector();
  let openFence: string | null = null;
  for (const rawLine of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const fenceMatch = fence.exec(rawLine);
    if (openFence !== null) {
      if (fenceMatch !== null && fenceMatch[1]!.startsWith(openFence)) {
        openFence = null;
        collector.flush();
      } else collector.lines.push(rawLine);
      continue;
    }
    if (fenceMatch !== null) {
      collector.flush();
      openFence = fenceMatch[1]!;
      continue;
    }
    const line = rawLine.replace(/^(?:\s{0,3}>\s?)+/, '');
    if (line.trim() === '') collector.flush();
    else if (!readStructure(line, collector) && !readListItem(line, collector)) collector.lines.push(stripMarkdownInline(line));
  }
  collector.flush();
  return collector.blocks;
}
