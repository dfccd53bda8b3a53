// A small, safe HTML reader: no DOM, no network, no scripts. It walks the tags once, ignores the
// content of script, style and other non-text elements, and cuts the text at block elements.
// Used for .html files and for the HTML mammoth makes of a .docx.
import { decodeHtmlEntities } from './htmlEntities';
import type { SourceBlock } from './splitPassages';

const blockElements: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const headingElements: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Elements whose content is not text of the document.
const skippedElements: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math',
  'textarea', 'select', 'canvas', 'audio', 'video', 'title',
]);

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just after the tag's '>'. */
  end: number;
}

/** Finds the '>' that ends a tag starting at `start`, skipping quoted attribute values. */
function findTagEnd(html: string, start: number): number {
  let quote: string | null = null;
  for (let index = start; index < html.length; index += 1) {
    const character = html[index]!;
    if (quote !== null) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '>') return index;
  }
  return -1;
}

function readTag(html: string, start: number): Tag | null {
  const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(start, start + 64));
  if (match === null) return null;
  const close = findTagEnd(html, start + match[0].length);
  if (close === -1) return null;
  return { name: match[2]!.toLowerCase(), closing: match[1] === '/', selfClosing: html[close - 1] === '/', end: close + 1 };
}

/** Index just after `</name ...>` from `from`, or the end of the text when it is not closed. */
function skipElementContent(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\b[^>]*>`, 'gi');
  closing.lastIndex = from;
  const match = closing.exec(html);
  return match === null ? html.length : match.index + match[0].length;
}

/** Index just after a comment, doctype, CDATA or processing instruction starting at `start`. */
function skipMarkup(html: string, start: number): number {
  const terminator = html.startsWith('<!--', start) ? '-->' : html.startsWith('<![CDATA[', start) ? ']]>' : '>';
  const end = html.indexOf(terminator, start + 2);
  return end === -1 ? html.length : end + terminator.length;
}

class BlockCollector {
  readonly blocks: SourceBlock[] = [];
  private text = '';
  private headingDepth = 0;

  addText(raw: string): void {
    this.text += decodeHtmlEntities(raw.replace(/[ \t\n\r\f]+/g, ' '));
  }

  lineBreak(): void {
    this.text += '\n';
  }

  /** Ends the current block, at an opening or closing block element. */
  boundary(tag: Tag): void {
    const heading = this.headingDepth > 0;
    // Two line breaks in a row separate paragraphs, as pages without <p> use them.
    for (const piece of this.text.split(/\n[ \t]*\n/)) {
      if (piece.trim() !== '') this.blocks.push({ text: piece, heading });
    }
    this.text = '';
    if (headingElements.has(tag.name) && !tag.selfClosing) this.headingDepth = Math.max(0, this.headingDepth + (tag.closing ? -1 : 1));
  }
}

/** The blocks of text of an HTML document, in order: one per paragraph, list item, cell, heading. */
export function htmlToBlocks(html: string): SourceBlock[] {
  const collector = new BlockCollector();
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open === -1) {
      collector.addText(html.slice(position));
      break;
    }
    collector.addText(html.slice(position, open));
    const next = html[open + 1];
    if (next === '!' || next === '?') {
      position = skipMarkup(html, open);
      continue;
    }
    const tag = readTag(html, open);
    if (tag === null) {
      collector.addText('<');
      position = open + 1;
      continue;
    }
    position = tag.end;
    if (skippedElements.has(tag.name) && !tag.closing && !tag.selfClosing) position = skipElementContent(html, tag.name, position);
    else if (tag.name === 'br') collector.lineBreak();
    else if (blockElements.has(tag.name)) collector.boundary(tag);
  }
  collector.boundary({ name: 'end', closing: true, selfClosing: false, end: html.length });
  return collector.blocks;
}
