// Akoma Ntoso 3.0 (OASIS LegalDocML) of the agreed text of a revision, for archives and other
// tools: <akomaNtoso><doc name="draft"> with FRBR identification, a preface with the symbol,
// status, date and title, and a mainBody of hcontainers (sections, objectives) holding numbered
// paragraphs with their lettered sub-paragraphs. eIds come from the blocks' stable ids, so they
// survive renumbering.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type * as Y from 'yjs';
import { computeNumbering } from '../../../shared/schema/numbering';
import { proposalView } from '../../../shared/schema/proposalViews';
import { negotiationText } from '../negotiationReader';
import { titleBlockOf, type ExportTitleBlock } from './exportModel';
import { proposalsById } from '../../../shared/domain/proposals';
import { xmlText } from './xmlText';

/** The Akoma Ntoso 3.0 namespace. */
export const akomaNtosoNamespace = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** An eId part from a stable id: letters, digits, '-' and '_' only. */
function eIdPart(id: string, fallback: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]/gu, '');
  return cleaned === '' ? fallback : cleaned;
}

/** The ISO date of a date line such as "5 February 2018"; `fallback` when it does not parse. */
export function isoDate(text: string, fallback: string): string {
  const parsed = new Date(`${text.trim()} 12:00 UTC`);
  return Number.isNaN(parsed.getTime()) || text.trim() === '' ? fallback : parsed.toISOString().slice(0, 10);
}

function inlineText(node: ProseMirrorNode): string {
  let out = '';
  node.forEach((child) => {
    let text = xmlText(child.text ?? '');
    if (child.marks.some((mark) => mark.type.name === 'em')) text = `<i>${text}</i>`;
    if (child.marks.some((mark) => mark.type.name === 'strong')) text = `<b>${text}</b>`;
    out += text;
  });
  return out;
}

interface Writer { lines: string[]; labels: Map<number, string>; counter: number; used: Set<string> }

/** An eId from a stable id, made unique (two blocks can share an id for a moment after concurrent moves). */
function uniqueEId(writer: Writer, prefix: string, id: string): string {
  writer.counter += 1;
  let eId = `${prefix}_${eIdPart(id, String(writer.counter))}`;
  if (writer.used.has(eId)) eId = `${eId}_${writer.counter}`;
  writer.used.add(eId);
  return eId;
}

/**
 * Writes the paragraphs and sub-paragraphs of a container. A paragraph with sub-paragraphs holds
 * its text in <intro> and the sub-paragraphs after it; one without holds it in <content>.
 */
function writeNumbered(writer: Writer, container: ProseMirrorNode, containerPos: number, indent: string): void {
  let openParagraph = false;
  const close = (): void => { if (openParagraph) writer.lines.push(`${indent}</paragraph>`); openParagraph = false; };
  container.forEach((child, offset, index) => {
    const pos = containerPos + 1 + offset;
    const id = String(child.attrs.id ?? '');
    const label = xmlText(writer.labels.get(pos) ?? '');
    if (child.type.name === 'paragraph') {
      close();
      const eId = uniqueEId(writer, 'para', id);
      if (container.maybeChild(index + 1)?.type.name === 'subparagraph') {
        writer.lines.push(`${indent}<paragraph eId="${eId}"><num>${label}</num>`, `${indent}  <intro><p>${inlineText(child)}</p></intro>`);
        openParagraph = true;
      } else {
        writer.lines.push(`${indent}<paragraph eId="${eId}"><num>${label}</num><content><p>${inlineText(child)}</p></content></paragraph>`);
      }
    } else if (child.type.name === 'subparagraph') {
      const inner = openParagraph ? `${indent}  ` : indent;
      writer.lines.push(`${inner}<subparagraph eId="${uniqueEId(writer, 'subpara', id)}"><num>${label}</num><content><p>${inlineText(child)}</p></content></subparagraph>`);
    } else if (child.type.name === 'objective') {
      close();
      writeContainer(writer, child, pos, indent, 'objective');
    }
  });
  close();
}

function writeContainer(writer: Writer, node: ProseMirrorNode, pos: number, indent: string, name: 'section' | 'objective'): void {
  const heading = node.firstChild ? inlineText(node.firstChild) : '';
  const label = writer.labels.get(pos);
  writer.lines.push(`${indent}<hcontainer name="${name}" eId="${uniqueEId(writer, name === 'section' ? 'hcontainer' : 'objective', String(node.attrs.id ?? ''))}">`);
  if (label) writer.lines.push(`${indent}  <num>${xmlText(label)}</num>`);
  writer.lines.push(`${indent}  <heading>${heading}</heading>`);
  writeNumbered(writer, node, pos, `${indent}  `);
  writer.lines.push(`${indent}</hcontainer>`);
}

function identification(title: ExportTitleBlock, date: string, now: string): string[] {
  const work = `/akn/un/doc/draft/${date}/${encodeURIComponent(title.symbol.trim() || 'zero-draft')}`;
  const expression = `${work}/eng@${date}`;
  return [
    '      <identification source="#zerodraft">',
    `        <FRBRWork><FRBRthis value="${xmlText(`${work}/!main`)}"/><FRBRuri value="${xmlText(work)}"/><FRBRdate date="${date}" name="${xmlText(title.status || 'draft')}"/><FRBRauthor href="#cofacilitators"/><FRBRcountry value="un"/></FRBRWork>`,
    `        <FRBRExpression><FRBRthis value="${xmlText(`${expression}/!main`)}"/><FRBRuri value="${xmlText(expression)}"/><FRBRdate date="${date}" name="${xmlText(title.status || 'draft')}"/><FRBRauthor href="#cofacilitators"/><FRBRlanguage language="eng"/></FRBRExpression>`,
    `        <FRBRManifestation><FRBRthis value="${xmlText(`${expression}/!main.xml`)}"/><FRBRuri value="${xmlText(`${expression}.akn`)}"/><FRBRdate date="${now.slice(0, 10)}" name="export"/><FRBRauthor href="#zerodraft"/></FRBRManifestation>`,
    '      </identification>',
  ];
}

/**
 * The Akoma Ntoso XML of the agreed (clean) text of a negotiation: well-formed, every text
 * escaped, UTF-8. The FRBR date is the title block's date when it reads as a date, otherwise
 * the export date.
 */
export function aknXml(doc: Y.Doc, now: string = new Date().toISOString(), text: ProseMirrorNode = negotiationText(doc)): string {
  const clean = proposalView(text, proposalsById(doc), 'clean');
  const title = titleBlockOf(clean);
  const date = isoDate(title.date, now.slice(0, 10));
  const writer: Writer = { lines: [], labels: new Map(computeNumbering(clean).blocks.map((block) => [block.pos, block.label])), counter: 0, used: new Set() };
  clean.forEach((child, offset) => { if (child.type.name === 'section') writeContainer(writer, child, offset, '      ', 'section'); });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<akomaNtoso xmlns="${akomaNtosoNamespace}">`,
    '  <doc name="draft">',
    '    <meta>',
    ...identification(title, date, now),
    '      <references source="#zerodraft">',
    '        <TLCOrganization eId="zerodraft" href="/akn/ontology/organization/zerodraft" showAs="Zero Draft"/>',
    '        <TLCRole eId="cofacilitators" href="/akn/ontology/role/cofacilitators" showAs="Co-facilitators"/>',
    '      </references>',
    '    </meta>',
    '    <preface>',
    `      <p class="symbol"><docNumber>${xmlText(title.symbol)}</docNumber></p>`,
    `      <p class="status"><docStatus>${xmlText(title.status)}</docStatus></p>`,
    `      <p class="date"><docDate date="${date}">${xmlText(title.date)}</docDate></p>`,
    `      <p class="title"><docTitle>${xmlText(title.title)}</docTitle></p>`,
    '    </preface>',
    '    <mainBody>',
    ...writer.lines,
    '    </mainBody>',
    '  </doc>',
    '</akomaNtoso>',
    '',
  ].join('\n');
}
