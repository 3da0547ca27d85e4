/**
 * CSV as RFC 4180 writes it: CRLF line ends, every field that holds a comma, quote, CR or LF
 * quoted with quotes doubled. The file starts with a UTF-8 byte order mark, because Excel (the
 * tool most readers of a Chinese government plan open a CSV with) reads UTF-8 without one as a
 * legacy code page; csv-parse and pandas skip it.
 */

export type Cell = string | number | boolean | null | undefined;

/** A column: its header, what it holds (shown on /data/), and how to read it from a record. */
export interface Column<T> {
  name: string;
  description: string;
  value: (record: T) => Cell;
}

export const BOM = '\ufeff';

function field(cell: Cell): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as strings, header first: what the CSV holds, and what a parser must give back. */
export function csvRows<T>(columns: Column<T>[], records: T[]): string[][] {
  const cell = (c: Cell) => (c === null || c === undefined ? '' : String(c));
  return [columns.map((c) => c.name), ...records.map((r) => columns.map((c) => cell(c.value(r))))];
}

export function toCsv<T>(columns: Column<T>[], records: T[]): string {
  return BOM + csvRows(columns, records).map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
