// Every export kind and format of the sample negotiation (with Chinese and Arabic paragraphs
// added), written to real files and read back by real converters: LibreOffice for DOCX (text,
// and flat ODF XML for tracked changes and comments), pdftotext for PDF, xmldom for Akoma Ntoso.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProposals } from '../../shared/domain/proposals';
import type { Proposal } from '../../shared/domain/proposalTypes';
import { proposalAttribution, proposalTexts } from '../../shared/schema/proposalViews';
import { negotiationText } from '../../electron/services/negotiationReader';
import { comparisonAuthor, proposalAuthor } from '../../electron/services/export/exportModel';
import { readZip } from '../../electron/services/export/docxPackage';
import { exportDocument, type ExportFormat, type ExportKind } from '../../electron/services/export/exportNegotiation';
import { addedWords, arabicParagraph, chineseParagraph, exportRevisions, laterStatus, movedParagraph } from '../fixtures/exportNegotiation';
import { convertWithLibreOffice, flattened, pdfText, requireConverter } from '../support/documentConversion';
import { temporaryFolder } from '../support/temporaryFolder';

const folder = temporaryFolder('zd-export-');
const exportsFolder = join(folder.path, 'exports');
const revisions = { earlier: new Y.Doc(), later: new Y.Doc() };
const files = new Map<string, string>();
const text = { txt: new Map<string, string>(), fodt: new Map<string, string>(), pdf: new Map<string, string>() };
let proposals: Proposal[] = [];
let stateBefore: Uint8Array = new Uint8Array();

const exports: readonly [ExportKind, ExportFormat][] = [
  ['clean', 'docx'], ['clean', 'pdf'], ['compilation', 'docx'], ['compilation', 'pdf'], ['comparison', 'docx'], ['comparison', 'pdf'],
  ['proposals', 'docx'], ['proposals', 'csv'], ['akn', 'xml'],
];

function exported(kind: ExportKind, format: ExportFormat): string {
  return files.get(`${kind}.${format}`) as string;
}

function plainXmlText(xml: string): string {
  return xml.replace(/<office:annotation[\s\S]*?<\/office:annotation>/gu, '').replace(/<office:change-info>[\s\S]*?<\/office:change-info>/gu, '')
    .replace(/<text:s\/>/gu, ' ').replace(/<[^>]+>/gu, '').replace(/&apos;/gu, "'").replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');
}

/**
 * Tracked changes of a flat ODF file: kind, author and text of each changed region. LibreOffice
 * declares the regions at the top and marks their text in the body between change-start and
 * change-end (older versions kept deleted text inside the region itself: both are read).
 */
function trackedChanges(fodt: string): { kind: string; author: string; text: string }[] {
  const regions = fodt.match(/<text:changed-region[\s\S]*?<\/text:changed-region>/gu) ?? [];
  return regions.map((region) => {
    const id = /text:id="([^"]+)"/u.exec(region)?.[1] ?? '';
    const body = new RegExp(`<text:change-start text:change-id="${id}"/>([\\s\\S]*?)<text:change-end text:change-id="${id}"/>`, 'u').exec(fodt)?.[1] ?? '';
    return {
      kind: /<text:(insertion|deletion)>/u.exec(region)?.[1] ?? '',
      author: /<dc:creator>([^<]*)<\/dc:creator>/u.exec(region)?.[1] ?? '',
      text: plainXmlText(region) + plainXmlText(body),
    };
  });
}

/** The texts of the comments (annotations) of a flat ODF file, with their authors. */
function comments(fodt: string): { author: string; text: string }[] {
  return (fodt.match(/<office:annotation [\s\S]*?<\/office:annotation>/gu) ?? []).map((annotation) => ({
    author: /<dc:creator>([^<]*)<\/dc:creator>/u.exec(annotation)?.[1] ?? '',
    text: (annotation.match(/<text:p[^>]*>[\s\S]*?<\/text:p>/gu) ?? []).join(' ').replace(/<[^>]+>/gu, '').replace(/&apos;/gu, "'"),
  }));
}

/** Rows of an RFC 4180 CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') { field += '"'; index += 1; } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') { row.push(field); field = ''; } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; index += 1;
    } else field += character;
  }
  return rows;
}

/** The XML parse errors of a text (none: well-formed). */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  new DOMParser({ errorHandler: { warning: () => undefined, error: (message) => errors.push(message), fatalError: (message) => errors.push(message) } })
    .parseFromString(xml, 'text/xml');
  return errors;
}

function pending(): Proposal[] {
  return proposals.filter((proposal) => proposal.status === 'pending' || proposal.status === 'conflict');
}

function proposalWords(id: string): { inserted: string; deleted: string } {
  return proposalTexts(negotiationText(revisions.later)).get(id) ?? { inserted: '', deleted: '' };
}

beforeAll(async () => {
  await requireConverter('soffice');
  await requireConverter('pdftotext');
  mkdirSync(exportsFolder);
  Object.assign(revisions, exportRevisions(folder.path));
  proposals = allProposals(revisions.later);
  stateBefore = Y.encodeStateAsUpdate(revisions.later);
  for (const [kind, format] of exports) {
    const outPath = join(exportsFolder, `${kind}.${format}`);
    await exportDocument({ kind, format, outPath, doc: revisions.later, against: kind === 'comparison' ? revisions.earlier : undefined });
    files.set(`${kind}.${format}`, outPath);
  }
  const documents = exports.filter(([, format]) => format === 'docx').map(([kind]) => exported(kind, 'docx'));
  text.txt = await convertWithLibreOffice(documents, 'txt:Text (encoded):UTF8', join(folder.path, 'txt'));
  text.fodt = await convertWithLibreOffice(documents, 'fodt', join(folder.path, 'fodt'));
  for (const [kind, format] of exports) if (format === 'pdf') text.pdf.set(kind, await pdfText(exported(kind, 'pdf')));
}, 240_000);

afterAll(() => folder.remove());

describe('export of the sample negotiation', () => {
  it('never changes the Y.Doc, and leaves no temporary file behind', () => {
    expect(Buffer.from(Y.encodeStateAsUpdate(revisions.later)).equals(Buffer.from(stateBefore))).toBe(true);
    expect(readdirSync(exportsFolder).sort()).toEqual(exports.map(([kind, format]) => `${kind}.${format}`).sort());
  });

  it('writes the clean text as DOCX: title block, numbers, letters, Chinese and Arabic; only accepted proposals applied', () => {
    const clean = text.txt.get(exported('clean', 'docx')) as string;
    expect(clean).toContain(laterStatus);
    expect(clean).toContain('5 February 2018');
    expect(clean).toContain('Global Compact for Safe, Orderly and Regular Migration');
    const lines = clean.split('\n');
    // Paragraph 3 was deleted in this revision: 1. to 31. (30 + Chinese + Arabic = 32 paragraphs).
    for (let number = 1; number <= 32; number += 1) expect(lines.some((line) => line.startsWith(`${number}.\t`))).toBe(true);
    expect(lines.some((line) => line.startsWith('33.\t'))).toBe(false);
    expect(lines.filter((line) => line.startsWith('(a)\t')).length).toBeGreaterThan(3);
    expect(clean).toContain(`2.\t`);
    expect(clean).toContain(addedWords.trim());
    expect(lines).toContain(`31.\t${chineseParagraph}`);
    expect(lines).toContain(`32.\t${arabicParagraph}`);
    expect(clean).toContain(proposalWords('sample-2').inserted);
    expect(clean).not.toContain(proposalWords('sample-1').inserted);
  });

  it('writes the compilation as DOCX with every pending proposal a tracked change by its delegation', () => {
    const fodt = text.fodt.get(exported('compilation', 'docx')) as string;
    const changes = trackedChanges(fodt);
    const authors = new Set(changes.map((change) => change.author));
    const expected = new Set(pending().map((proposal) => proposalAuthor(proposal, proposal.id)));
    expect([...authors].filter((author) => !expected.has(author))).toEqual([]);
    for (const name of ['Brazil', 'Australia', 'European Union', 'China', 'Norway', 'Russian Federation']) expect(authors).toContain(name);
    expect(changes.some((change) => change.kind === 'insertion' && change.author === 'Brazil')).toBe(true);
    // Deleted words stay inside the deletion region, by the deleting delegation.
    expect(changes.some((change) => change.kind === 'deletion' && change.author === 'Russian Federation'
      && flattened(change.text).includes(proposalWords('sample-19').deleted.trim().replace(/,$/u, '')))).toBe(true);
    // Rejected and withdrawn proposals are not in the compilation; accepted ones are applied as plain text.
    expect(authors).not.toContain('Egypt');
    const compilation = text.txt.get(exported('compilation', 'docx')) as string;
    expect(compilation).toContain(proposalWords('sample-1').inserted);
    expect(compilation).toContain(proposalWords('sample-2').inserted);
    expect(compilation).not.toContain(proposalWords('sample-18').inserted + ' of expression');
    expect(compilation).toContain(chineseParagraph);
  });

  it('puts the supporters and opponents of each pending proposal in a Word comment', () => {
    const notes = comments(text.fodt.get(exported('compilation', 'docx')) as string);
    const brazil = proposals.find((proposal) => proposal.id === 'sample-1') as Proposal;
    const note = notes.find((comment) => comment.text.includes('sample-1'));
    expect(note?.author).toBe('Brazil');
    expect(note?.text).toContain(proposalAttribution('sample-1', brazil));
    expect(note?.text).toContain('supported by EU, Philippines; opposed by Hungary');
    expect(notes.length).toBeGreaterThanOrEqual(pending().length - 1);
  });

  it('writes the comparison as DOCX with the changes tracked by the co-facilitators', () => {
    const fodt = text.fodt.get(exported('comparison', 'docx')) as string;
    const changes = trackedChanges(fodt);
    expect(new Set(changes.map((change) => change.author))).toEqual(new Set([comparisonAuthor]));
    const deleted = negotiationText(revisions.earlier).child(1).child(3).textContent;
    expect(changes.some((change) => change.kind === 'deletion' && flattened(change.text).includes(deleted.slice(0, 60)))).toBe(true);
    expect(changes.filter((change) => change.kind === 'insertion').length).toBeGreaterThan(3);
    const moved = comments(fodt).find((comment) => comment.text.startsWith('Moved'));
    expect(moved).toEqual({ author: comparisonAuthor, text: `Moved: was paragraph ${movedParagraph.from}.` });
    const comparison = text.txt.get(exported('comparison', 'docx')) as string;
    expect(comparison).toContain(addedWords.trim());
    expect(comparison).toContain(chineseParagraph);
    expect(comparison).toContain(laterStatus);
  });

  it('writes Word packages whose parts are well-formed XML, with as many comments as comment references', () => {
    for (const kind of ['clean', 'compilation', 'comparison'] as const) {
      const parts = new Map(readZip(readFileSync(exported(kind, 'docx'))).map((entry) => [entry.path, entry.data.toString('utf8')]));
      expect(parts.get('[Content_Types].xml')).toContain('comments+xml');
      for (const path of ['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/footer1.xml']) {
        expect(xmlErrors(parts.get(path) ?? ''), `${kind}: ${path}`).toEqual([]);
      }
      const references = (parts.get('word/document.xml')?.match(/<w:commentReference /gu) ?? []).length;
      expect((parts.get('word/comments.xml')?.match(/<w:comment /gu) ?? []).length).toBe(references);
      expect(parts.get('word/footer1.xml')).toContain('PAGE');
    }
  });

  it('writes the proposals table as DOCX and as CSV with a byte order mark', () => {
    const table = text.txt.get(exported('proposals', 'docx')) as string;
    for (const heading of ['Paragraph', 'Delegation', 'Supporters', 'Opponents', 'Status']) expect(table).toContain(heading);
    expect(table).toContain('Russian Federation');
    const bytes = readFileSync(exported('proposals', 'csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['Paragraph', 'Proposal', 'Delegation', 'Type', 'Inserted text', 'Deleted text', 'Supporters', 'Opponents', 'Status', 'Round', 'Date', 'Note']);
    expect(rows.length).toBe(proposals.length + 1);
    expect(rows.every((row) => row.length === 12)).toBe(true);
    // Paragraph 4 of the sample is 3 in this revision (paragraph 3 was deleted).
    expect(rows.find((row) => row[1] === 'sample-1')).toEqual([
      '3.', 'sample-1', 'Brazil', 'add', ', while facing many common challenges and similar vulnerabilities', '', 'European Union, Philippines', 'Hungary',
      'pending', '1', proposals.find((proposal) => proposal.id === 'sample-1')?.createdAt, 'Draws on agreed language of the New York Declaration.',
    ]);
    // By paragraph number: the numbers never go down.
    const numbers = rows.slice(1).map((row) => Number.parseInt(row[0] ?? '', 10)).filter((number) => !Number.isNaN(number));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('writes the clean text as PDF: numbers, Chinese, Arabic words, page numbers', () => {
    const pdf = text.pdf.get('clean') as string;
    const flat = flattened(pdf);
    expect(flat).toContain(laterStatus);
    expect(flat).toContain('Global Compact for Safe, Orderly and Regular Migration');
    expect(pdf).toMatch(/^\s*1\.\s+We, the Heads of State/mu);
    expect(pdf).toMatch(/^\s*\(a\)\s+\S/mu);
    expect(pdf).toMatch(/^\s*31\.\s+我们重申/mu);
    expect(flat.replace(/ /gu, '')).toContain(chineseParagraph);
    // pdftotext gives each Arabic word in logical order but the words of a line in visual order:
    // the line drawn right to left reads, from the left, last word first.
    for (const word of arabicParagraph.split(' ')) expect(pdf).toContain(word);
    expect(flat).toContain(arabicParagraph.split(' ').reverse().join(' '));
    const pageNumbers = pdf.split('\f').map((page) => /\n\s*(\d+)\s*$/u.exec(page.trimEnd())?.[1]).filter((number) => number !== undefined);
    expect(pageNumbers.length).toBeGreaterThan(3);
    expect(pageNumbers.slice(0, 3)).toEqual(['1', '2', '3']);
  });

  it('writes the compilation and comparison as PDF with attributions and the new words', () => {
    const compilation = flattened(text.pdf.get('compilation') as string);
    expect(compilation).toContain(`(${proposalAttribution('sample-1', proposals.find((proposal) => proposal.id === 'sample-1'))})`);
    expect(compilation).toContain(proposalWords('sample-4').deleted);
    const comparison = flattened(text.pdf.get('comparison') as string);
    expect(comparison).toContain(`(Moved: was paragraph ${movedParagraph.from}.)`);
    expect(comparison).toContain(addedWords.trim());
    expect(comparison).toContain(laterStatus);
  });

  it('writes Akoma Ntoso XML that parses, with eIds from stable ids and numbers', () => {
    const xml = readFileSync(exported('akn', 'xml'), 'utf8');
    const errors: string[] = [];
    const parsed = new DOMParser({ errorHandler: { warning: () => undefined, error: (message) => errors.push(message), fatalError: (message) => errors.push(message) } })
      .parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    const root = parsed.documentElement;
    expect(root?.localName).toBe('akomaNtoso');
    expect(root?.namespaceURI).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
    expect(parsed.getElementsByTagName('docStatus')[0]?.textContent).toBe(laterStatus);
    expect(parsed.getElementsByTagName('docDate')[0]?.getAttribute('date')).toBe('2018-02-05');
    const paragraphs = parsed.getElementsByTagName('paragraph');
    expect(paragraphs.length).toBe(32);
    expect(paragraphs[30]?.getAttribute('eId')).toBe('para_chinese1');
    expect(paragraphs[30]?.getElementsByTagName('num')[0]?.textContent).toBe('31.');
    expect(paragraphs[30]?.textContent).toContain(chineseParagraph);
    expect(parsed.getElementsByTagName('subparagraph')[0]?.getElementsByTagName('num')[0]?.textContent).toBe('(a)');
    expect(xml).toContain(arabicParagraph);
  });
});
