// The proposals table as a Word document: landscape A4, the title block's lines above a table
// with a repeated heading row.
import { AlignmentType, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { landscapeTextWidth, unDocument } from './docxExport';
import type { ExportTitleBlock } from './exportModel';
import { proposalColumns, proposalRowCells, type ProposalRow } from './proposalsTable';

/** Widths of the columns in percent of the table, then in twips (LibreOffice ignores percentages in cells). */
const columnPercentages: readonly number[] = [5, 6, 9, 6, 15, 12, 11, 10, 6, 4, 7, 9];
const columnWidths = columnPercentages.map((percent) => Math.floor((landscapeTextWidth * percent) / 100));

function cell(text: string, index: number, heading: boolean): TableCell {
  // Line breaks inside a cell (proposals across several blocks) become separate paragraphs.
  const paragraphs = text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: heading, size: 18 })] }));
  return new TableCell({ children: paragraphs, width: { size: columnWidths[index] ?? 500, type: WidthType.DXA } });
}

/** The proposals table as Word bytes, headed by the negotiation's symbol, status, date and title. */
export async function proposalsTableDocx(rows: readonly ProposalRow[], titleBlock: ExportTitleBlock): Promise<Buffer> {
  const header = new TableRow({ tableHeader: true, children: proposalColumns.map((column, index) => cell(column, index, true)) });
  const body = rows.map((row) => new TableRow({ cantSplit: true, children: proposalRowCells(row).map((value, index) => cell(value, index, false)) }));
  const heading = [titleBlock.symbol, titleBlock.status, titleBlock.date].filter((line) => line.trim() !== '')
    .map((line) => new Paragraph({ children: [new TextRun(line)] }));
  const title = new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [new TextRun({ text: `${titleBlock.title}: proposals`, bold: true })] });
  const table = new Table({ rows: [header, ...body], columnWidths, layout: TableLayoutType.FIXED, width: { size: landscapeTextWidth, type: WidthType.DXA } });
  return Packer.toBuffer(unDocument([...heading, title, table], true));
}
