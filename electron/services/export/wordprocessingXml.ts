// WordprocessingML (the XML inside a .docx) for the text of an export, written as strings. The
// docx package builds an object per run and per attribute before serializing, which made a
// compilation of 10,000 proposals (30,000 runs, 10,000 comments) five times slower than the
// clean text; writing the body directly keeps the two within the benchmark's 2x. The package
// around it (styles, settings, footer, content types) still comes from the docx package.
//
// Element order inside w:pPr and w:rPr follows the schema (CT_PPrBase, CT_RPr): Word rejects
// files that break it.
import { xmlText } from './xmlText';

/** The WordprocessingML namespace. */
const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const relationshipNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Character formatting of a run. */
export interface RunFormat { bold?: boolean; italic?: boolean; rightToLeft?: boolean }

/** A tracked change's identity in Word; `date` as {@link wordDate} writes it. */
export interface Revision { id: number; author: string; date: string }

function runProperties(format: RunFormat): string {
  if (!format.bold && !format.italic && !format.rightToLeft) return '';
  return `<w:rPr>${format.bold ? '<w:b/><w:bCs/>' : ''}${format.italic ? '<w:i/><w:iCs/>' : ''}${format.rightToLeft ? '<w:rtl/>' : ''}</w:rPr>`;
}

/** A date as Word writes it: xsd:dateTime in whole seconds, UTC. */
export function wordDate(date: string): string {
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? '1970-01-01T00:00:00Z' : `${parsed.toISOString().slice(0, 19)}Z`;
}

function revisionAttributes(revision: Revision): string {
  return `w:id="${revision.id}" w:author="${xmlText(revision.author)}" w:date="${revision.date}"`;
}

/** A run of text. */
export function runXml(text: string, format: RunFormat): string {
  return `<w:r>${runProperties(format)}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** A run of text inserted by a tracked change (w:ins). */
export function insertedRunXml(text: string, format: RunFormat, revision: Revision): string {
  return `<w:ins ${revisionAttributes(revision)}>${runXml(text, format)}</w:ins>`;
}

/** A run of text deleted by a tracked change (w:del, the text in w:delText). */
export function deletedRunXml(text: string, format: RunFormat, revision: Revision): string {
  return `<w:del ${revisionAttributes(revision)}><w:r>${runProperties(format)}<w:delText xml:space="preserve">${xmlText(text)}</w:delText></w:r></w:del>`;
}

/** A tab. */
export const tabXml = '<w:r><w:tab/></w:r>';

/** Where a comment's range starts. */
export function commentStartXml(id: number): string {
  return `<w:commentRangeStart w:id="${id}"/>`;
}

/** Where a comment's range ends, with the reference mark. */
export function commentEndXml(id: number): string {
  return `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
}

/** Paragraph formatting, in twips. */
export interface ParagraphFormat {
  keepNext?: boolean;
  /** A left tab stop. */
  tab?: number;
  rightToLeft?: boolean;
  spaceBefore?: number;
  spaceAfter?: number;
  indentLeft?: number;
  hanging?: number;
  alignment?: 'left' | 'right' | 'center' | 'both';
  /** Bold paragraph mark (headings). */
  bold?: boolean;
}

/** A paragraph of already written runs. */
export function paragraphXml(format: ParagraphFormat, content: string): string {
  let properties = '';
  if (format.keepNext) properties += '<w:keepNext/>';
  if (format.tab !== undefined) properties += `<w:tabs><w:tab w:val="left" w:pos="${format.tab}"/></w:tabs>`;
  if (format.rightToLeft) properties += '<w:bidi/>';
  if (format.spaceBefore !== undefined || format.spaceAfter !== undefined) {
    properties += `<w:spacing w:before="${format.spaceBefore ?? 0}" w:after="${format.spaceAfter ?? 0}"/>`;
  }
  if (format.indentLeft !== undefined) properties += `<w:ind w:left="${format.indentLeft}" w:hanging="${format.hanging ?? 0}"/>`;
  if (format.alignment) properties += `<w:jc w:val="${format.alignment}"/>`;
  if (format.bold) properties += '<w:rPr><w:b/><w:bCs/></w:rPr>';
  return `<w:p>${properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`}${content}</w:p>`;
}

/** Page size and margins of a section, in twips; the footer's relationship id. */
export interface SectionFormat { width: number; height: number; margin: number; footerRelationship: string }

/** The whole word/document.xml around the body's paragraphs. */
export function documentXml(paragraphs: readonly string[], section: SectionFormat): string {
  const { width, height, margin, footerRelationship } = section;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + `<w:document xmlns:w="${wordNamespace}" xmlns:r="${relationshipNamespace}"><w:body>${paragraphs.join('')}`
    + `<w:sectPr><w:footerReference w:type="default" r:id="${footerRelationship}"/><w:pgSz w:w="${width}" w:h="${height}"/>`
    + `<w:pgMar w:top="${margin}" w:right="${margin}" w:bottom="${margin}" w:left="${margin}" w:header="708" w:footer="708" w:gutter="0"/>`
    + '</w:sectPr></w:body></w:document>';
}

/** A comment: its id, author, date and text. */
export interface CommentDefinition { id: number; author: string; date: string; text: string }

/** The whole word/comments.xml. */
export function commentsXml(comments: readonly CommentDefinition[]): string {
  const body = comments.map((comment) => `<w:comment w:id="${comment.id}" w:author="${xmlText(comment.author)}" w:date="${wordDate(comment.date)}">`
    + `<w:p><w:r><w:annotationRef/></w:r>${runXml(comment.text, {})}</w:p></w:comment>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${wordNamespace}">${body}</w:comments>`;
}

/** The parts word/document.xml refers to, as the docx package writes them, with their relationship ids. */
export const documentParts: readonly { id: string; type: string; target: string }[] = [
  { id: 'rId1', type: 'styles', target: 'styles.xml' },
  { id: 'rId2', type: 'numbering', target: 'numbering.xml' },
  { id: 'rId3', type: 'footnotes', target: 'footnotes.xml' },
  { id: 'rId4', type: 'endnotes', target: 'endnotes.xml' },
  { id: 'rId5', type: 'settings', target: 'settings.xml' },
  { id: 'rId6', type: 'comments', target: 'comments.xml' },
  { id: 'rId7', type: 'footer', target: 'footer1.xml' },
  { id: 'rId8', type: 'theme', target: 'theme/theme1.xml' },
  { id: 'rId9', type: 'fontTable', target: 'fontTable.xml' },
];

/** The relationship id of the footer in {@link documentRelationshipsXml}. */
export const footerRelationship = 'rId7';

/** word/_rels/document.xml.rels for {@link documentParts}. */
export function documentRelationshipsXml(): string {
  const relationships = documentParts.map((part) => `<Relationship Id="${part.id}" Type="${relationshipNamespace}/${part.type}" Target="${part.target}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`;
}
