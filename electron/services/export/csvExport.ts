// CSV (RFC 4180): comma-separated, fields quoted when they hold a comma, a quote or a line
// break, quotes doubled, CRLF line ends; UTF-8 with a byte order mark so Excel reads Chinese and
// Arabic correctly.
import { proposalColumns, proposalRowCells, type ProposalRow } from './proposalsTable';

/** One field, quoted when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** The CSV text of rows of cells (CRLF line ends, a final CRLF). */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The proposals table as CSV bytes: UTF-8 with a byte order mark, a heading row first. */
export function proposalsCsv(rows: readonly ProposalRow[]): Buffer {
  return Buffer.from(`\uFEFF${csvText([proposalColumns, ...rows.map(proposalRowCells)])}`, 'utf8');
}
